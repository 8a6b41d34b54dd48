import type { SqliteDatabase } from './database.js';

/** App-wide preferences as key → JSON value; the service gives them their types. */
export class PreferencesRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      all: db.prepare<[], { key: string; value: string }>(`SELECT key, value FROM preferences`),
      put: db.prepare<[string, string]>(
        `INSERT INTO preferences (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
    };
  }

  /** Every stored value, parsed; a value that is not JSON (a damaged row) is left out. */
  readAll(): Map<string, unknown> {
    const values = new Map<string, unknown>();
    for (const row of this.statements.all.all()) {
      try {
        values.set(row.key, JSON.parse(row.value) as unknown);
      } catch {
        // Ignored: the preference falls back to its default and the next change rewrites it.
      }
    }
    return values;
  }

  write(key: string, value: unknown): void {
    this.statements.put.run(key, JSON.stringify(value));
  }
}
