import { z } from 'zod';
import {
  documentId,
  documentRecord,
  revisionId,
  revisionRecord,
  revisionSummary,
} from '../schemas/documents.js';

export const revisionsChannels = {
  'revisions.list': {
    request: z.object({ documentId }).strict(),
    response: z.array(revisionSummary),
  },
  'revisions.get': {
    request: z.object({ id: revisionId }).strict(),
    response: revisionRecord,
  },
  'revisions.restore': {
    request: z
      .object({ documentId, revisionId, baseVersion: z.number().int().nonnegative().optional() })
      .strict(),
    response: documentRecord,
  },
} as const;
