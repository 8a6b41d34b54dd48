/**
 * The lorebook: a document's own entries and the shared library's (documentId null), which library
 * entries a document has switched on, its token budget, import and export, and the context viewer:
 * exactly what the next continue at the cursor will send.
 */
import { z } from 'zod';
import { documentId } from '../schemas/documents.js';
import { promptFit, textBeforeCursor } from '../schemas/generations.js';
import { localizedMessage } from '../schemas/engine.js';
import {
  documentLorebook,
  loreActivation,
  loreEntry,
  loreEntryFields,
  loreEntryId,
} from '../schemas/lorebook.js';

/** A lorebook file as text; NovelAI's with many entries stays well under this. */
export const MAX_LOREBOOK_FILE_CHARS = 5_000_000;

export const lorebookFormat = z.enum(['inkwell', 'novelai', 'kobold']);
export type LorebookFormat = z.infer<typeof lorebookFormat>;

export const lorebookChannels = {
  'lorebook.get': {
    request: z.object({ documentId }).strict(),
    response: documentLorebook,
  },
  /** A new entry (no id) of the document, or of the library when documentId is null; or an edit. */
  'lorebook.saveEntry': {
    request: z
      .object({
        documentId: documentId.nullable(),
        id: loreEntryId.optional(),
        fields: loreEntryFields,
      })
      .strict(),
    response: loreEntry,
  },
  'lorebook.deleteEntry': {
    request: z.object({ id: loreEntryId }).strict(),
    response: z.object({ deleted: z.boolean() }),
  },
  /** Switches a library entry on or off for one document. */
  'lorebook.useLibraryEntry': {
    request: z.object({ documentId, entryId: loreEntryId, on: z.boolean() }).strict(),
    response: documentLorebook,
  },
  'lorebook.saveBudget': {
    request: z.object({ documentId, budgetTokens: z.number().int().min(0).max(4096) }).strict(),
    response: documentLorebook,
  },
  /**
   * Reads a lorebook file (Inkwell's, NovelAI's .lorebook, KoboldAI / Kobold Lite world info)
   * into the document's entries, or the library's when documentId is null. A file that cannot
   * be read imports nothing and is refused with the reason; what was read but not understood
   * (fields Inkwell has no place for, entries without text) is listed in `notUnderstood`.
   */
  'lorebook.import': {
    request: z
      .object({
        documentId: documentId.nullable(),
        fileName: z.string().max(500),
        text: z.string().max(MAX_LOREBOOK_FILE_CHARS),
      })
      .strict(),
    response: z.object({
      format: lorebookFormat,
      imported: z.number().int().nonnegative(),
      notUnderstood: z.array(z.object({ message: z.string(), localized: localizedMessage() })),
    }),
  },
  /** The document's own entries and the library entries it has on, as a file. */
  'lorebook.export': {
    request: z.object({ documentId, format: z.enum(['inkwell', 'novelai']) }).strict(),
    response: z.object({ fileName: z.string(), text: z.string(), count: z.number().int() }),
  },
  /**
   * What the next continue at the cursor will send: the exact prompt with where each part lies,
   * token counts per part, what was trimmed, and each active entry with why it is active.
   * `loadModel: false` (the viewer following the text) never loads a model to count: with none
   * ready, `fit` is null and only the active entries come back.
   */
  'lorebook.context': {
    request: z.object({ documentId, textBeforeCursor, loadModel: z.boolean().optional() }).strict(),
    response: z.object({ fit: promptFit.nullable(), activations: z.array(loreActivation) }),
  },
} as const;

export const lorebookEvents = {
  /** Entries, switches or the budget changed: for the document, or the library (null). */
  'lorebook.changed': z.object({ documentId: z.string().nullable() }),
} as const;
