import { z } from 'zod';
import { documentId } from '../schemas/documents.js';
import {
  MAX_AUTHORS_NOTE_CHARS,
  MAX_MEMORY_CHARS,
  continueParams,
  documentGenerationSettings,
  presetIdSchema,
} from '../schemas/generations.js';

export const settingsChannels = {
  'settings.getDocument': {
    request: z.object({ documentId }).strict(),
    response: documentGenerationSettings,
  },
  'settings.saveDocument': {
    request: z
      .object({
        documentId,
        memory: z.string().max(MAX_MEMORY_CHARS),
        authorsNote: z.string().max(MAX_AUTHORS_NOTE_CHARS),
        presetId: presetIdSchema.nullable(),
        params: continueParams,
      })
      .strict(),
    response: documentGenerationSettings,
  },
} as const;
