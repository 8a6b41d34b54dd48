import { z } from 'zod';
import {
  MAX_DOCUMENT_JSON_CHARS,
  MAX_TITLE_CHARS,
  documentId,
  documentRecord,
  documentSummary,
  saveResult,
  searchHit,
} from '../schemas/documents.js';

const title = z.string().max(MAX_TITLE_CHARS);
const content = z.string().max(MAX_DOCUMENT_JSON_CHARS);

export const documentsChannels = {
  'documents.list': {
    request: z.object({ includeDeleted: z.boolean().optional() }).strict(),
    response: z.array(documentSummary),
  },
  'documents.search': {
    request: z
      .object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    response: z.array(searchHit),
  },
  'documents.get': {
    request: z.object({ id: documentId }).strict(),
    response: documentRecord,
  },
  'documents.create': {
    request: z
      .object({ title: title.optional(), content: content.optional(), text: content.optional() })
      .strict(),
    response: documentRecord,
  },
  'documents.save': {
    request: z
      .object({
        id: documentId,
        content,
        text: content,
        /**
         * The version the client last saw; a mismatch is a conflict, never a silent overwrite.
         * Required: a client that has not read the document has nothing to save over.
         */
        baseVersion: z.number().int().nonnegative(),
      })
      .strict(),
    response: saveResult,
  },
  'documents.rename': {
    request: z.object({ id: documentId, title }).strict(),
    response: documentSummary,
  },
  'documents.delete': {
    request: z.object({ id: documentId }).strict(),
    response: documentSummary,
  },
  'documents.restore': {
    request: z.object({ id: documentId }).strict(),
    response: documentSummary,
  },
} as const;

export const documentsEvents = {
  'documents.changed': z.object({
    id: z.string(),
    kind: z.enum(['created', 'saved', 'renamed', 'deleted', 'restored']),
    version: z.number().int(),
  }),
} as const;
