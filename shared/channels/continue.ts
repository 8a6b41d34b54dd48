import { z } from 'zod';
import { documentId } from '../schemas/documents.js';
import { generationIdSchema, promptPlan, textBeforeCursor } from '../schemas/generations.js';

export const continueChannels = {
  /**
   * Continue at the cursor: main builds the prompt (memory, the tail of the text, the author's
   * note), starts the engine and records the generation. Chunks and the end arrive as the
   * engine's generation.chunk / generation.end events with this generationId; stop with
   * generation.cancel.
   */
  'continue.start': {
    request: z
      .object({
        documentId,
        textBeforeCursor,
        /** The generation whose accepted text ends at the cursor, if any (tree parent). */
        parentId: generationIdSchema.nullable().optional(),
        /** Asks for another alternative at the same spot as this generation. */
        alternativeOf: generationIdSchema.optional(),
      })
      .strict(),
    response: z.object({
      generationId: z.string(),
      spotId: z.string(),
      seed: z.number().int(),
      plan: promptPlan,
    }),
  },
  'continue.plan': {
    request: z.object({ documentId, textBeforeCursor }).strict(),
    response: promptPlan,
  },
} as const;
