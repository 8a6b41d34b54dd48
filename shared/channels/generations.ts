import { z } from 'zod';
import { generationIdSchema, generationSummary } from '../schemas/generations.js';

export const generationsChannels = {
  'generations.accept': {
    request: z.object({ id: generationIdSchema, acceptedText: z.string().max(1_000_000) }).strict(),
    response: generationSummary,
  },
  'generations.alternatives': {
    request: z.object({ spotId: generationIdSchema }).strict(),
    response: z.array(generationSummary),
  },
} as const;
