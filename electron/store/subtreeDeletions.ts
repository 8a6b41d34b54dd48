/**
 * Deleting a generation and everything under it in the tree (its continues and branches, at any
 * depth) so that it can be brought back exactly: the rows go from the database at once, in one
 * transaction, and this object holds what they were (every column, the token steps' blob
 * included, and the rows of every table that refers to a generation: steps, branch points,
 * anchors, bookmarks, and any a later migration adds), until it is restored or forgotten. One
 * owner: only this object writes those rows back. A crash or a quit forgets what it holds, so
 * a deletion the writer did not undo stays done, and nothing else is lost.
 */
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from './database.js';

type Row = Record<string, unknown>;

interface HeldSubtree {
  documentId: string | null;
  ids: string[];
  /** Rows by table, generations first (the others refer to it). */
  tables: { table: string; rows: Row[] }[];
}

export interface SubtreeChange {
  /** Passed back to restore (or forget) the subtree. */
  token: string;
  documentId: string | null;
  ids: string[];
}

/** How many deletions are held for undo at once; the oldest is forgotten first. */
export const HELD_DELETIONS = 20;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export class SubtreeDeletions {
  private readonly held = new Map<string, HeldSubtree>();

  constructor(private readonly db: SqliteDatabase) {}

  /** The generation `rootId` and its descendants, deleted; null when there is no such one. */
  delete(rootId: string): SubtreeChange | null {
    return this.db.transaction((): SubtreeChange | null => {
      const ids = this.db
        .prepare<[string], { id: string }>(
          `WITH RECURSIVE subtree (id) AS (
             SELECT id FROM generations WHERE id = ?
             UNION
             SELECT g.id FROM generations AS g JOIN subtree ON g.parent_id = subtree.id
           )
           SELECT id FROM subtree`,
        )
        .all(rootId)
        .map((row) => row.id);
      if (ids.length === 0) return null;
      const tables = [
        { table: 'generations', rows: this.rowsOf('generations', 'id', ids) },
        ...this.referringTables().map(({ table, column }) => ({
          table,
          rows: this.rowsOf(table, column, ids),
        })),
      ];
      const documentId = (tables[0]?.rows[0]?.document_id as string | null | undefined) ?? null;
      // The referring rows go with their generation (ON DELETE CASCADE).
      const remove = this.db.prepare<[string]>(`DELETE FROM generations WHERE id = ?`);
      for (const id of ids) remove.run(id);
      const token = randomUUID();
      this.held.set(token, { documentId, ids, tables });
      while (this.held.size > HELD_DELETIONS) {
        const oldest = this.held.keys().next().value;
        if (oldest === undefined) break;
        this.held.delete(oldest);
      }
      return { token, documentId, ids };
    })();
  }

  /** Puts the rows back as they were; null when the token is not held (forgotten, restored). */
  restore(token: string): SubtreeChange | null {
    const subtree = this.held.get(token);
    if (!subtree) return null;
    this.db.transaction(() => {
      for (const { table, rows } of subtree.tables) {
        for (const row of rows) {
          const columns = Object.keys(row);
          this.db
            .prepare(
              `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')})
               VALUES (${columns.map(() => '?').join(', ')})`,
            )
            .run(...columns.map((column) => row[column]));
        }
      }
    })();
    this.held.delete(token);
    return { token, documentId: subtree.documentId, ids: subtree.ids };
  }

  /** Lets go of a deletion: it can no longer be undone. */
  forget(token: string): boolean {
    return this.held.delete(token);
  }

  private rowsOf(table: string, column: string, ids: readonly string[]): Row[] {
    const select = this.db.prepare<[string], Row>(
      `SELECT * FROM ${quote(table)} WHERE ${quote(column)} = ?`,
    );
    return ids.flatMap((id) => select.all(id));
  }

  /** Every table whose rows are deleted with their generation (generations(id) ON DELETE CASCADE). */
  private referringTables(): { table: string; column: string }[] {
    const tables = this.db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all();
    return tables.flatMap(({ name }) =>
      this.db
        .prepare<[string], { table: string; from: string; to: string | null; on_delete: string }>(
          `SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?)`,
        )
        .all(name)
        // Rows that go with their generation; a SET NULL reference stays and is not held.
        .filter(
          (key) =>
            key.table === 'generations' &&
            (key.to === 'id' || key.to === null) &&
            key.on_delete.toUpperCase() === 'CASCADE',
        )
        .map((key) => ({ table: name, column: key.from })),
    );
  }
}
