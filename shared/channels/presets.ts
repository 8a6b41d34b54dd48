import { z } from 'zod';
import {
  MAX_PRESET_NAME_CHARS,
  continueParams,
  preset,
  presetIdSchema,
} from '../schemas/generations.js';

const empty = z.object({}).strict();

export const presetsChannels = {
  'presets.list': {
    request: empty,
    response: z.array(preset),
  },
  'presets.save': {
    request: z
      .object({
        id: presetIdSchema.optional(),
        name: z.string().trim().min(1).max(MAX_PRESET_NAME_CHARS),
        params: continueParams,
      })
      .strict(),
    response: preset,
  },
  'presets.delete': {
    request: z.object({ id: presetIdSchema }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
} as const;
