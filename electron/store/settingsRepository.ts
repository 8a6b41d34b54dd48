import {
  continueParams,
  type ContinueParams,
  type DocumentGenerationSettings,
  type Preset,
} from '../../shared/schemas/generations.js';
import type { SqliteDatabase } from './database.js';

interface DocumentSettingsRow {
  document_id: string;
  memory: string;
  authors_note: string;
  preset_id: string | null;
  params: string;
}
interface PresetRow {
  id: string;
  name: string;
  params: string;
  created_at: number;
}

export interface NewPresetRow {
  id: string;
  name: string;
  params: ContinueParams;
  createdAt: number;
}

/**
 * Per-document generation settings and the writer's own presets. Params are stored as JSON and
 * parsed with the contract's schema on the way out, so a row written by an older version gains
 * the defaults of fields added since.
 */
export class SettingsRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      findDocument: db.prepare<[string], DocumentSettingsRow>(
        `SELECT * FROM document_settings WHERE document_id = ?`,
      ),
      saveDocument: db.prepare(
        `INSERT INTO document_settings (document_id, memory, authors_note, preset_id, params)
         VALUES (@documentId, @memory, @authorsNote, @presetId, @params)
         ON CONFLICT (document_id) DO UPDATE SET memory = excluded.memory,
           authors_note = excluded.authors_note, preset_id = excluded.preset_id,
           params = excluded.params`,
      ),
      listPresets: db.prepare<[], PresetRow>(`SELECT * FROM presets ORDER BY created_at, name`),
      findPreset: db.prepare<[string], PresetRow>(`SELECT * FROM presets WHERE id = ?`),
      findPresetByName: db.prepare<[string], PresetRow>(`SELECT * FROM presets WHERE name = ?`),
      insertPreset: db.prepare(
        `INSERT INTO presets (id, name, params, created_at) VALUES (@id, @name, @params, @createdAt)`,
      ),
      updatePreset: db.prepare(`UPDATE presets SET name = @name, params = @params WHERE id = @id`),
      deletePreset: db.prepare<[string]>(`DELETE FROM presets WHERE id = ?`),
    };
  }

  findDocumentSettings(documentId: string): DocumentGenerationSettings | undefined {
    const row = this.statements.findDocument.get(documentId);
    return (
      row && {
        documentId: row.document_id,
        memory: row.memory,
        authorsNote: row.authors_note,
        presetId: row.preset_id,
        params: continueParams.parse(JSON.parse(row.params)),
      }
    );
  }

  saveDocumentSettings(settings: DocumentGenerationSettings): void {
    this.statements.saveDocument.run({ ...settings, params: JSON.stringify(settings.params) });
  }

  listPresets(): Preset[] {
    return this.statements.listPresets.all().map(toPreset);
  }

  findPreset(id: string): Preset | undefined {
    const row = this.statements.findPreset.get(id);
    return row && toPreset(row);
  }

  /** Names compare without case ("balanced" is "Balanced"), as the column's collation does. */
  findPresetByName(name: string): Preset | undefined {
    const row = this.statements.findPresetByName.get(name);
    return row && toPreset(row);
  }

  insertPreset(row: NewPresetRow): void {
    this.statements.insertPreset.run({ ...row, params: JSON.stringify(row.params) });
  }

  updatePreset(id: string, name: string, params: ContinueParams): void {
    this.statements.updatePreset.run({ id, name, params: JSON.stringify(params) });
  }

  deletePreset(id: string): boolean {
    return this.statements.deletePreset.run(id).changes > 0;
  }
}

function toPreset(row: PresetRow): Preset {
  return {
    id: row.id,
    name: row.name,
    builtIn: false,
    params: continueParams.parse(JSON.parse(row.params)),
  };
}
