import { z } from 'zod';

/** Lexical's serialized editor state, as JSON text. Capped so one request cannot exhaust memory. */
export const MAX_DOCUMENT_JSON_CHARS = 6 * 1024 * 1024;
export const MAX_TITLE_CHARS = 300;
/** What main stores as the title of a document that has none; the UI shows it translated. */
export const UNTITLED_TITLE = 'Untitled';

export const documentId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a document id');
export const revisionId = z.number().int().positive();

export const documentSummary = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  wordCount: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  deletedAt: z.number().int().nullable(),
  version: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentRecord = documentSummary.extend({
  /** Lexical serialized state (JSON text); empty string for a document never edited. */
  content: z.string(),
  /** Plain text of the document, used for search, word counts and prompts. */
  text: z.string(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

export const revisionSummary = z.object({
  id: z.number().int(),
  documentId: z.string(),
  title: z.string(),
  excerpt: z.string(),
  wordCount: z.number().int(),
  createdAt: z.number().int(),
  reason: z.enum(['autosave', 'before-restore', 'manual']),
});
export type RevisionSummary = z.infer<typeof revisionSummary>;

export const revisionRecord = revisionSummary.extend({
  content: z.string(),
  text: z.string(),
});
export type RevisionRecord = z.infer<typeof revisionRecord>;

export const saveResult = z.object({
  id: z.string(),
  version: z.number().int(),
  updatedAt: z.number().int(),
  revisionCreated: z.boolean(),
});
export type SaveResult = z.infer<typeof saveResult>;

export const searchHit = documentSummary.extend({
  /** Snippet of the matching text with the match wrapped in [ and ]. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;
