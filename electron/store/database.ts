import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Path to a better-sqlite3 addon built for the running runtime. Electron needs its own build of
   * the addon (a different ABI from Node), so the app passes that file here; Node leaves it unset.
   */
  nativeBinding?: string;
}

/** How long a write waits for another connection's lock before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** SQLite's numeric value for synchronous=FULL, as `PRAGMA synchronous` reads it back. */
export const SYNCHRONOUS_FULL = 2;

/**
 * Opens (creating if needed) the SQLite file with the settings Inkwell's durability rests on, and
 * reads each one back: a pragma that silently did not take (a filesystem without WAL support, a
 * build with other defaults) must stop the app rather than quietly weaken what "saved" means.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    applyDurabilitySettings(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applyDurabilitySettings(db: SqliteDatabase): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  // better-sqlite3 builds SQLite with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1 (NORMAL): in WAL mode a
  // committed transaction could then be lost on power failure. A writer's "saved" must mean saved.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');

  expectPragma(db, 'journal_mode', 'wal');
  expectPragma(db, 'synchronous', SYNCHRONOUS_FULL);
  expectPragma(db, 'foreign_keys', 1);
  expectPragma(db, 'busy_timeout', BUSY_TIMEOUT_MS);
}

function expectPragma(db: SqliteDatabase, name: string, expected: string | number): void {
  const actual: unknown = db.pragma(name, { simple: true });
  const matches =
    typeof expected === 'string'
      ? String(actual).toLowerCase() === expected
      : Number(actual) === expected;
  if (!matches) {
    throw new Error(
      `The database at ${db.name} could not be set up safely: PRAGMA ${name} is ${String(actual)}, expected ${expected}.`,
    );
  }
}
