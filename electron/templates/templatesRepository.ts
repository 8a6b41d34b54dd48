/** User templates in SQLite (schema version 4): one row per template, its definition as JSON. */
import type { TemplateDefinition } from '../../shared/schemas/templates.js';
import type { SqliteDatabase } from '../store/database.js';

export interface TemplateRow {
  id: string;
  definition: string;
  updatedAt: number;
}

export class TemplatesRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(): TemplateRow[] {
    return this.db
      .prepare<[], TemplateRow>(
        'SELECT id, definition, updated_at AS updatedAt FROM templates ORDER BY name COLLATE NOCASE, id',
      )
      .all();
  }

  find(id: string): TemplateRow | undefined {
    return this.db
      .prepare<[string], TemplateRow>(
        'SELECT id, definition, updated_at AS updatedAt FROM templates WHERE id = ?',
      )
      .get(id);
  }

  /** Inserts or replaces one template in a single statement: it is saved whole or not at all. */
  upsert(id: string, definition: TemplateDefinition, now: number): void {
    this.db
      .prepare(
        `INSERT INTO templates (id, name, kind, definition, created_at, updated_at)
         VALUES (@id, @name, @kind, @definition, @now, @now)
         ON CONFLICT (id) DO UPDATE SET name = @name, kind = @kind, definition = @definition,
           updated_at = @now`,
      )
      .run({
        id,
        name: definition.name,
        kind: definition.kind,
        definition: JSON.stringify(definition),
        now,
      });
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0;
  }
}
