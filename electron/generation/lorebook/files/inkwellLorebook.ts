/** Inkwell's own lorebook file: { format: "inkwell-lorebook", version: 1, budgetTokens, entries }. */
import type { LoreEntry, LoreEntryFields } from '../../../../shared/schemas/lorebook.js';
import type { ImportNotes, ReadLorebook } from './lorebookFile.js';
import { clampInt, isRecord } from './lorebookFile.js';

export const INKWELL_LOREBOOK_FORMAT = 'inkwell-lorebook';

export function readInkwellLorebook(
  json: unknown,
  notes: ImportNotes,
): Omit<ReadLorebook, 'notUnderstood'> | null {
  if (!isRecord(json) || json.format !== INKWELL_LOREBOOK_FORMAT) return null;
  const raw = Array.isArray(json.entries) ? json.entries : [];
  const entries: LoreEntryFields[] = [];
  raw.forEach((candidate, index) => {
    if (!isRecord(candidate))
      return notes.note('errors:lorebook.import.noText', { entry: index + 1 });
    const { id: _id, documentId: _documentId, updatedAt: _updatedAt, ...fields } = candidate;
    const entry = notes.entry(index, fields);
    if (entry) entries.push(entry);
  });
  return {
    format: 'inkwell',
    entries,
    ...(json.budgetTokens !== undefined
      ? { budgetTokens: clampInt(json.budgetTokens, 0, 4096, 0) }
      : {}),
  };
}

export function writeInkwellLorebook(entries: readonly LoreEntry[], budgetTokens: number): string {
  const fields = entries.map(
    ({ id: _id, documentId: _documentId, updatedAt: _updatedAt, ...rest }) => rest,
  );
  return `${JSON.stringify({ format: INKWELL_LOREBOOK_FORMAT, version: 1, budgetTokens, entries: fields }, null, 2)}\n`;
}
