import { z } from 'zod';
import { documentId } from '../schemas/documents.js';
import { generationIdSchema, generationRecord, generationSummary } from '../schemas/generations.js';

export const historyChannels = {
  'history.list': {
    request: z
      .object({
        documentId: documentId.optional(),
        query: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    response: z.array(generationSummary),
  },
  'history.get': {
    request: z.object({ id: generationIdSchema }).strict(),
    response: generationRecord,
  },
  'history.delete': {
    request: z.object({ id: generationIdSchema }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  'history.export': {
    request: z.object({ documentId: documentId.optional() }).strict(),
    /** JSON Lines: one generationRecord per line. */
    response: z.object({ fileName: z.string(), jsonl: z.string(), count: z.number().int() }),
  },
  /** Runs a stored generation again with the same prompt, params, seed and model. */
  'history.replay': {
    /** generationId: the replay's own id, chosen by the caller as for continue.start. */
    request: z.object({ id: generationIdSchema, generationId: generationIdSchema }).strict(),
    response: z.object({ generationId: z.string(), seed: z.number().int() }),
  },
} as const;

export const historyEvents = {
  /** A generation was recorded, updated (finished, accepted) or deleted. */
  'history.changed': z.object({
    id: z.string(),
    documentId: z.string().nullable(),
    kind: z.enum(['started', 'finished', 'accepted', 'deleted', 'restored']),
  }),
} as const;
