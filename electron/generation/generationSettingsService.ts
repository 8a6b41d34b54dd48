/**
 * Generation settings: each document's memory, author's note and params (defaults: the
 * Balanced preset), and the presets (built-in ones from code plus the writer's own).
 */
import { randomBytes } from 'node:crypto';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type {
  ContinueParams,
  DocumentGenerationSettings,
  Preset,
} from '../../shared/schemas/generations.js';
import type { SettingsRepository } from '../store/settingsRepository.js';
import { BUILT_IN_PRESETS, builtInPreset, defaultPreset } from './builtInPresets.js';

export interface SavePresetRequest {
  id?: string | undefined;
  name: string;
  params: ContinueParams;
}

export class GenerationSettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    /** Whether a document exists (deleted ones included). */
    private readonly documentExists: (documentId: string) => boolean,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The document's saved settings, or the defaults for one never configured. */
  getDocument(documentId: string): DocumentGenerationSettings {
    this.requireDocument(documentId);
    const saved = this.settings.findDocumentSettings(documentId);
    if (saved) {
      const presetKnown = saved.presetId !== null && this.findPreset(saved.presetId) !== undefined;
      return presetKnown ? saved : { ...saved, presetId: null };
    }
    const preset = defaultPreset();
    return { documentId, memory: '', authorsNote: '', presetId: preset.id, params: preset.params };
  }

  saveDocument(settings: DocumentGenerationSettings): DocumentGenerationSettings {
    this.requireDocument(settings.documentId);
    this.settings.saveDocumentSettings(settings);
    return this.getDocument(settings.documentId);
  }

  private requireDocument(documentId: string): void {
    if (!this.documentExists(documentId)) {
      throw localizedError('not_found', 'errors:documents.purged');
    }
  }

  listPresets(): Preset[] {
    return [...BUILT_IN_PRESETS, ...this.settings.listPresets()];
  }

  findPreset(id: string): Preset | undefined {
    return builtInPreset(id) ?? this.settings.findPreset(id);
  }

  /** Saves a new preset (no id) or renames / updates one of the writer's own. */
  savePreset(request: SavePresetRequest): Preset {
    const name = request.name.trim();
    if (request.id !== undefined && builtInPreset(request.id)) {
      throw localizedError('conflict', 'errors:presets.builtInUnchangeable', {
        name: builtInPreset(request.id)?.name ?? request.id,
      });
    }
    const sameName =
      BUILT_IN_PRESETS.find((preset) => preset.name.toLowerCase() === name.toLowerCase()) ??
      this.settings.findPresetByName(name);
    if (sameName && sameName.id !== request.id) {
      throw localizedError('conflict', 'errors:presets.nameTaken', { name: sameName.name });
    }
    if (request.id !== undefined) {
      if (!this.settings.findPreset(request.id)) {
        throw localizedError('not_found', 'errors:presets.gone');
      }
      this.settings.updatePreset(request.id, name, request.params);
      return { id: request.id, name, builtIn: false, params: request.params };
    }
    const id = `user-${randomBytes(9).toString('base64url')}`;
    this.settings.insertPreset({ id, name, params: request.params, createdAt: this.clock() });
    return { id, name, builtIn: false, params: request.params };
  }

  deletePreset(id: string): { deleted: boolean } {
    const builtIn = builtInPreset(id);
    if (builtIn) {
      throw localizedError('conflict', 'errors:presets.builtInUndeletable', { name: builtIn.name });
    }
    return { deleted: this.settings.deletePreset(id) };
  }
}
