import {
  loreEntryFields,
  type LoreEntry,
  type LoreEntryFields,
} from '../../../shared/schemas/lorebook.js';

/** An entry being edited: its fields, with the keys as the text of the keys box (one a line). */
export interface EntryDraft {
  /** null: a library entry. */
  documentId: string | null;
  id?: string;
  fields: LoreEntryFields;
  keysText: string;
}

export function newDraft(documentId: string | null): EntryDraft {
  return { documentId, fields: loreEntryFields.parse({ text: '' }), keysText: '' };
}

export function draftOf(entry: LoreEntry): EntryDraft {
  const { id, documentId, updatedAt: _updatedAt, ...fields } = entry;
  const { switchedOn: _switchedOn, ...own } = fields as LoreEntryFields & { switchedOn?: boolean };
  return { documentId, id, fields: own, keysText: own.keys.join('\n') };
}

/** The keys box: one key a line, blank lines ignored. */
export function keysFromText(text: string): string[] {
  return text
    .split('\n')
    .map((key) => key.trim())
    .filter((key) => key !== '');
}
