import {
  loreEntryFields,
  type LoreEntry,
  type LoreEntryFields,
} from '../../shared/schemas/lorebook.js';
import type { SqliteDatabase } from './database.js';

interface EntryRow {
  id: string;
  document_id: string | null;
  fields: string;
  sort_key: number;
  updated_at: number;
}

/**
 * Lorebook entries (a document's own, and the shared library's: document_id NULL), which library
 * entries each document has switched on, and each document's lorebook budget. Fields are JSON
 * parsed with the contract's schema on the way out, so rows gain the defaults of fields added
 * later; a row that no longer parses is skipped rather than breaking the whole lorebook.
 */
export class LorebookRepository {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      ofDocument: db.prepare<[string], EntryRow>(
        `SELECT * FROM lorebook_entries WHERE document_id = ? ORDER BY sort_key, id`,
      ),
      library: db.prepare<[], EntryRow>(
        `SELECT * FROM lorebook_entries WHERE document_id IS NULL ORDER BY sort_key, id`,
      ),
      find: db.prepare<[string], EntryRow>(`SELECT * FROM lorebook_entries WHERE id = ?`),
      nextSortKey: db.prepare<[], { next: number }>(
        `SELECT COALESCE(MAX(sort_key), 0) + 1 AS next FROM lorebook_entries`,
      ),
      insert: db.prepare(
        `INSERT INTO lorebook_entries (id, document_id, fields, sort_key, updated_at)
         VALUES (@id, @documentId, @fields, @sortKey, @updatedAt)`,
      ),
      update: db.prepare(
        `UPDATE lorebook_entries SET fields = @fields, updated_at = @updatedAt WHERE id = @id`,
      ),
      delete: db.prepare<[string]>(`DELETE FROM lorebook_entries WHERE id = ?`),
      switchedOn: db.prepare<[string], { entry_id: string }>(
        `SELECT entry_id FROM lorebook_library_use WHERE document_id = ?`,
      ),
      switchOn: db.prepare<[string, string]>(
        `INSERT OR IGNORE INTO lorebook_library_use (document_id, entry_id) VALUES (?, ?)`,
      ),
      switchOff: db.prepare<[string, string]>(
        `DELETE FROM lorebook_library_use WHERE document_id = ? AND entry_id = ?`,
      ),
      budget: db.prepare<[string], { budget_tokens: number }>(
        `SELECT budget_tokens FROM lorebook_settings WHERE document_id = ?`,
      ),
      saveBudget: db.prepare<[string, number]>(
        `INSERT INTO lorebook_settings (document_id, budget_tokens) VALUES (?, ?)
         ON CONFLICT (document_id) DO UPDATE SET budget_tokens = excluded.budget_tokens`,
      ),
    };
  }

  entriesOf(documentId: string): LoreEntry[] {
    return rowsToEntries(this.statements.ofDocument.all(documentId));
  }

  library(): LoreEntry[] {
    return rowsToEntries(this.statements.library.all());
  }

  find(id: string): LoreEntry | undefined {
    const row = this.statements.find.get(id);
    return row ? rowsToEntries([row])[0] : undefined;
  }

  /** Adds entries in one transaction, in the order given (all or none). */
  insert(entries: readonly LoreEntry[]): void {
    this.db.transaction(() => {
      let sortKey = this.statements.nextSortKey.get()?.next ?? 1;
      for (const entry of entries) {
        this.statements.insert.run({
          id: entry.id,
          documentId: entry.documentId,
          fields: JSON.stringify(fieldsOf(entry)),
          sortKey: sortKey++,
          updatedAt: entry.updatedAt,
        });
      }
    })();
  }

  update(entry: LoreEntry): void {
    this.statements.update.run({
      id: entry.id,
      fields: JSON.stringify(fieldsOf(entry)),
      updatedAt: entry.updatedAt,
    });
  }

  delete(id: string): boolean {
    return this.statements.delete.run(id).changes > 0;
  }

  switchedOn(documentId: string): Set<string> {
    return new Set(this.statements.switchedOn.all(documentId).map((row) => row.entry_id));
  }

  setSwitchedOn(documentId: string, entryId: string, on: boolean): void {
    if (on) this.statements.switchOn.run(documentId, entryId);
    else this.statements.switchOff.run(documentId, entryId);
  }

  budgetOf(documentId: string): number | undefined {
    return this.statements.budget.get(documentId)?.budget_tokens;
  }

  saveBudget(documentId: string, budgetTokens: number): void {
    this.statements.saveBudget.run(documentId, budgetTokens);
  }
}

function fieldsOf(entry: LoreEntry): LoreEntryFields {
  const { id: _id, documentId: _documentId, updatedAt: _updatedAt, ...fields } = entry;
  return fields;
}

function rowsToEntries(rows: readonly EntryRow[]): LoreEntry[] {
  const entries: LoreEntry[] = [];
  for (const row of rows) {
    const fields = loreEntryFields.safeParse(safeJson(row.fields));
    if (!fields.success) continue;
    entries.push({
      ...fields.data,
      id: row.id,
      documentId: row.document_id,
      updatedAt: row.updated_at,
    });
  }
  return entries;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
