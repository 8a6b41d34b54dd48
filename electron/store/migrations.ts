import type { SqliteDatabase } from './database.js';
import { probabilitiesSchemaSql } from './probabilitiesSchema.js';
import { lorebookSchemaSql } from './lorebookSchema.js';
import {
  generationsSchemaSql,
  initialSchemaSql,
  modelsSchemaSql,
  preferencesSchemaSql,
  templatesSchemaSql,
} from './schema.js';

export interface Migration {
  /** The user_version the database has once this step has run; steps count up from 1. */
  version: number;
  description: string;
  sql: string;
}

/** Append only: a released step is never edited, a change is a new step. */
export const migrations: readonly Migration[] = [
  { version: 1, description: 'documents, revisions and full-text search', sql: initialSchemaSql },
  {
    version: 2,
    description: 'generation history, document generation settings and presets',
    sql: generationsSchemaSql,
  },
  { version: 3, description: 'models library and run settings', sql: modelsSchemaSql },
  { version: 4, description: 'user templates', sql: templatesSchemaSql },
  { version: 5, description: 'app preferences', sql: preferencesSchemaSql },
  {
    version: 6,
    description: 'token probabilities and branch points of generations',
    sql: probabilitiesSchemaSql,
  },
  { version: 7, description: 'lorebook entries, library use and budget', sql: lorebookSchemaSql },
];

export const LATEST_SCHEMA_VERSION = migrations.length;

/** The data file comes from a newer Inkwell; opening it with this one could damage it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `This library was saved by a newer version of Inkwell (data format ${fileVersion}; this version knows up to ${knownVersion}). ` +
        'Update Inkwell to open it; the file has not been changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function readSchemaVersion(db: SqliteDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database up to LATEST_SCHEMA_VERSION. Each step and its user_version bump commit in
 * one transaction, so a crash mid-migration leaves the file at the previous version, never between.
 */
export function migrate(db: SqliteDatabase, steps: readonly Migration[] = migrations): number {
  assertOrdered(steps);
  const known = steps.length;
  const current = readSchemaVersion(db);
  if (current > known) throw new DatabaseTooNewError(current, known);

  for (const step of steps.slice(current)) {
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return readSchemaVersion(db);
}

function assertOrdered(steps: readonly Migration[]): void {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(
        `Migration "${step.description}" has version ${step.version}, expected ${index + 1}.`,
      );
    }
  });
}
