/**
 * The models library rows and the run settings row (schema version 3). Plain rows in, plain
 * rows out: whether a model is active or its file missing is decided by the service.
 */
import { runSettings, type ModelSource, type RunSettings } from '../../shared/schemas/models.js';
import type { SqliteDatabase } from './database.js';

export interface StoredModel {
  id: string;
  name: string;
  source: ModelSource;
  path: string;
  sha256: string;
  architecture: string;
  parameterCount: number;
  contextLength: number;
  quantization: string;
  fileSize: number;
  addedAt: number;
  lastUsedAt: number | null;
}

interface ModelRow {
  id: string;
  name: string;
  source: ModelSource;
  path: string;
  sha256: string;
  architecture: string;
  parameter_count: number;
  context_length: number;
  quantization: string;
  file_size: number;
  added_at: number;
  last_used_at: number | null;
}

function fromRow(row: ModelRow): StoredModel {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    path: row.path,
    sha256: row.sha256,
    architecture: row.architecture,
    parameterCount: row.parameter_count,
    contextLength: row.context_length,
    quantization: row.quantization,
    fileSize: row.file_size,
    addedAt: row.added_at,
    lastUsedAt: row.last_used_at,
  };
}

export class ModelsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(): StoredModel[] {
    const rows = this.db
      .prepare<[], ModelRow>(
        // The bundled model first, then the most recently used, then the newest.
        `SELECT * FROM models
         ORDER BY source = 'bundled' DESC, last_used_at IS NULL, last_used_at DESC, added_at DESC`,
      )
      .all();
    return rows.map(fromRow);
  }

  get(id: string): StoredModel | null {
    const row = this.db.prepare<[string], ModelRow>('SELECT * FROM models WHERE id = ?').get(id);
    return row ? fromRow(row) : null;
  }

  getByPath(path: string): StoredModel | null {
    const row = this.db
      .prepare<[string], ModelRow>('SELECT * FROM models WHERE path = ?')
      .get(path);
    return row ? fromRow(row) : null;
  }

  insert(model: StoredModel): void {
    this.db
      .prepare(
        `INSERT INTO models (id, name, source, path, sha256, architecture, parameter_count,
           context_length, quantization, file_size, added_at, last_used_at)
         VALUES (@id, @name, @source, @path, @sha256, @architecture, @parameterCount,
           @contextLength, @quantization, @fileSize, @addedAt, @lastUsedAt)`,
      )
      .run(model);
  }

  /** Refreshes what the file says about itself (the bundled model after an app update). */
  replaceFileFacts(
    id: string,
    facts: Pick<
      StoredModel,
      'sha256' | 'architecture' | 'parameterCount' | 'contextLength' | 'quantization' | 'fileSize'
    >,
  ): void {
    this.db
      .prepare(
        `UPDATE models SET sha256 = @sha256, architecture = @architecture,
           parameter_count = @parameterCount, context_length = @contextLength,
           quantization = @quantization, file_size = @fileSize
         WHERE id = @id`,
      )
      .run({ id, ...facts });
  }

  /** Moves the bundled entry when the app's resources moved (a new install location). */
  updatePath(id: string, path: string): void {
    this.db.prepare('UPDATE models SET path = ? WHERE id = ?').run(path, id);
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM models WHERE id = ?').run(id).changes > 0;
  }

  markUsed(id: string, at: number): void {
    this.db.prepare('UPDATE models SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  getRunSettings(): RunSettings {
    const row = this.db
      .prepare<[], { settings: string }>('SELECT settings FROM model_run_settings WHERE id = 1')
      .get();
    // A row written by another version that no longer parses falls back to the defaults.
    const parsed = runSettings.safeParse(row ? safeJson(row.settings) : {});
    return parsed.success ? parsed.data : runSettings.parse({});
  }

  saveRunSettings(settings: RunSettings): void {
    this.db
      .prepare(
        `INSERT INTO model_run_settings (id, settings) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET settings = excluded.settings`,
      )
      .run(JSON.stringify(settings));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
