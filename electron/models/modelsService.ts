/**
 * The models library behind the contract: the list (bundled, added, downloaded, converted),
 * adding a checked GGUF, details, selecting (loading through the engine with the run settings),
 * run settings, and starting the download and import jobs (modelJobs.ts, modelJobRunners.ts).
 * The memory estimate is in modelMemoryEstimate.ts, the router handlers in modelsHandlers.ts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import type { modelsEvents } from '../../shared/channels/models.js';
import type { LocalizedValue } from '../../shared/errors.js';
import { localized, localizedError, reasonOf } from '../../shared/i18n/localizedMessage.js';
import type { ModelFileSummary } from '../../shared/schemas/engine.js';
import type {
  CuratedModel,
  JobSummary,
  MemoryEstimate,
  ModelDetails,
  ModelRecord,
  ModelSource,
  RunSettings,
} from '../../shared/schemas/models.js';
import { readGgufHeader } from '../gguf/ggufReader.js';
import { resolveModelPath } from '../gguf/modelPath.js';
import type { SqliteDatabase } from '../store/database.js';
import { ModelsRepository, type StoredModel } from '../store/modelsRepository.js';
import { curatedModels, findCuratedModel, resolveHfReference } from './curatedModels.js';
import type { LoadOptions } from '../engine/supervisor/engineClient.js';
import type { EngineService } from '../engine/engineService.js';
import { sha256OfFile, statfsFreeSpace, type FreeSpaceProbe } from './modelDownloads.js';
import {
  fileNameOf,
  runCheckpointImport,
  runCuratedDownload,
  runGgufDownload,
  type JobRunnerLibrary,
} from './modelJobRunners.js';
import { readModelCard } from './modelCard.js';
import { ModelJobs } from './modelJobs.js';
import { estimateMemory } from './modelMemoryEstimate.js';

export type ModelsEventName = keyof typeof modelsEvents;
export type ModelsEventSink = <E extends ModelsEventName>(
  event: E,
  payload: z.output<(typeof modelsEvents)[E]>,
) => void;

export interface ModelsServiceOptions {
  database: SqliteDatabase;
  engine: EngineService;
  emit: ModelsEventSink;
  /** Downloaded and converted models go to `<dataDir>/models`. */
  dataDir: string;
  /** The demo model shipped with the app; registered on start. */
  bundledModelPath?: string;
  /** Checks and describes a GGUF file (summarizeModelFile). */
  summarizeModelFile: (path: string) => Promise<ModelFileSummary>;
  freeSpace?: FreeSpaceProbe;
  /** Where `hf:` references and the curated checkpoints are fetched from. */
  huggingFaceEndpoint?: string;
  stallTimeoutMs?: number;
  /** The writer's choice of start-up model (app settings); null or absent: the one used last. */
  startupModelId?: () => string | null;
}

export const BUNDLED_MODEL_ID = 'bundled';
const DEFAULT_HF_ENDPOINT = 'https://huggingface.co/';

export class ModelsService {
  readonly modelsFolder: string;
  /** Settles once the bundled model is registered; every request waits for it. */
  readonly ready: Promise<void>;
  private readonly repository: ModelsRepository;
  private readonly jobs: ModelJobs;
  /** What the download and import jobs use of this library. */
  private readonly jobLibrary: JobRunnerLibrary;

  constructor(private readonly options: ModelsServiceOptions) {
    this.repository = new ModelsRepository(options.database);
    this.modelsFolder = join(options.dataDir, 'models');
    this.jobs = new ModelJobs(options.emit);
    this.jobLibrary = {
      modelsFolder: this.modelsFolder,
      freeSpace: options.freeSpace ?? statfsFreeSpace,
      hfEndpoint: options.huggingFaceEndpoint ?? DEFAULT_HF_ENDPOINT,
      stallTimeoutMs: options.stallTimeoutMs,
      add: (path, name, source) => this.add(path, name, source),
      select: (id) => this.select(id),
    };
    this.ready = this.registerBundled().catch((error: unknown) => {
      // A missing or damaged demo model must not stop the app; the library just lacks it.
      console.error('[inkwell] the bundled model could not be registered:', error);
    });
    // The library knows which model the writer used last, so it decides what the engine loads
    // when a request first needs a model (instead of always the demo model's path).
    options.engine.setStartupLoader(() => this.loadAtStartup());
  }

  /** Checks a GGUF file and describes it, without adding it to the library. */
  validate(path: string): Promise<ModelFileSummary> {
    return this.options.summarizeModelFile(path);
  }

  async list(): Promise<ModelRecord[]> {
    await this.ready;
    return this.repository.list().map((model) => this.toRecord(model));
  }

  async add(path: string, name?: string, source: ModelSource = 'file'): Promise<ModelRecord> {
    await this.ready;
    // The model-path rule decides first (a .gguf name, a regular file, links followed to one);
    // the library stores the real path, so a link and its target are one model.
    const real = await resolveModelPath(path);
    const existing = this.repository.getByPath(real);
    if (existing) return this.toRecord(existing);
    // Refused here, with the validator's words, before anything is stored.
    const summary = await this.options.summarizeModelFile(real);
    const model: StoredModel = {
      id: randomUUID(),
      name: name ?? summary.name ?? basename(real, extname(real)),
      source,
      path: real,
      sha256: await sha256OfFile(real),
      ...fileFacts(summary),
      addedAt: Date.now(),
      lastUsedAt: null,
    };
    this.repository.insert(model);
    this.options.emit('models.changed', { kind: 'added', id: model.id });
    return this.toRecord(model);
  }

  async remove(
    id: string,
    deleteFile = false,
  ): Promise<{ removed: boolean; fileDeleted: boolean }> {
    await this.ready;
    const model = this.repository.get(id);
    if (!model) return { removed: false, fileDeleted: false };
    if (model.source === 'bundled') {
      throw localizedError('invalid_request', 'errors:models.demoStaysListed');
    }
    const ours =
      (model.source === 'download' || model.source === 'converted') &&
      this.inModelsFolder(model.path);
    if (deleteFile && !ours) {
      throw localizedError('invalid_request', 'errors:models.onlyOwnFiles');
    }
    if (this.isActive(model)) await this.options.engine.unload();
    this.repository.remove(id);
    if (deleteFile) await rm(model.path, { force: true });
    this.options.emit('models.changed', { kind: 'removed', id });
    return { removed: true, fileDeleted: deleteFile };
  }

  async details(id: string): Promise<ModelDetails> {
    const model = this.require(await this.getStored(id));
    if (!existsSync(model.path)) {
      return { model: this.toRecord(model), file: null, metadata: [], modelCard: null };
    }
    // The check (and its path rule) first: the header and the card are read only after it.
    const file = await this.options.summarizeModelFile(model.path);
    const [header, modelCard] = await Promise.all([
      readGgufHeader(file.path),
      readModelCard(file.path, this.modelsFolder),
    ]);
    const metadata: { key: string; value: string }[] = [];
    for (const [key, value] of header.metadata) {
      if (key.startsWith('general.') && value.type !== undefined && 'value' in value) {
        const text = String(value.value);
        if (text.length <= 2000) metadata.push({ key, value: text });
      }
    }
    return { model: this.toRecord(model), file, metadata, modelCard };
  }

  async select(id: string): Promise<ModelRecord> {
    const model = this.require(await this.getStored(id));
    if (!existsSync(model.path)) {
      throw localizedError('not_found', 'errors:models.fileOfModelGone', {
        name: model.name,
        path: model.path,
      });
    }
    await this.options.engine.load(this.loadOptions(model));
    this.repository.markUsed(id, Date.now());
    this.options.emit('models.changed', { kind: 'selected', id });
    return this.toRecord(this.require(this.repository.get(id)));
  }

  /**
   * Loads the model chosen in the app settings, else the one the writer used last, with the
   * run settings. When it is gone or does not
   * load (moved, damaged, crashes the engine), the demo model is loaded instead and the engine
   * status says so. Nothing was ever used (first run): the demo model, without a note.
   */
  /** Whether the library holds this model (registered or added). */
  has(id: string): boolean {
    return this.repository.get(id) != null;
  }

  async loadAtStartup(): Promise<void> {
    await this.ready;
    const bundled = this.repository.get(BUNDLED_MODEL_ID);
    const chosenId = this.options.startupModelId?.() ?? null;
    const chosen = chosenId === null ? undefined : this.repository.get(chosenId);
    const last = chosen ?? lastUsed(this.repository.list());
    if (!last || last.id === BUNDLED_MODEL_ID) {
      if (bundled) await this.options.engine.load(this.loadOptions(bundled));
      return;
    }
    let detail: LocalizedValue | null = null;
    if (existsSync(last.path)) {
      try {
        await this.options.engine.load(this.loadOptions(last));
        return;
      } catch (error) {
        if (!bundled) throw error;
        detail = reasonOf(error);
      }
    }
    if (!bundled) {
      throw localizedError('not_found', 'errors:models.lastUsedMissing', {
        name: last.name,
        path: last.path,
      });
    }
    await this.options.engine.load(this.loadOptions(bundled));
    this.options.engine.setNotice(
      detail === null
        ? localized('errors:models.lastUsedMissingDemoLoaded', { name: last.name, path: last.path })
        : localized('errors:models.lastUsedFailedDemoLoaded', { name: last.name, detail }),
    );
  }

  getRunSettings(): RunSettings {
    return this.repository.getRunSettings();
  }

  saveRunSettings(settings: RunSettings): RunSettings {
    this.repository.saveRunSettings(settings);
    return this.repository.getRunSettings();
  }

  catalog(): readonly CuratedModel[] {
    return curatedModels;
  }

  listJobs(): JobSummary[] {
    return this.jobs.list();
  }

  cancelJob(jobId: string): { cancelled: boolean } {
    return this.jobs.cancel(jobId);
  }

  importCheckpoint(folder: string, type: 'f16' | 'q8_0', name?: string): { jobId: string } {
    const label = name ?? basename(resolve(folder));
    return this.jobs.start('import', label, async (job) => {
      await this.ready;
      return runCheckpointImport(this.jobLibrary, folder, type, name, job);
    });
  }

  download(
    request:
      { curatedId: string } | { url: string; sha256?: string } | { hf: string; sha256?: string },
  ): { jobId: string } {
    if ('curatedId' in request) {
      const curated = findCuratedModel(request.curatedId);
      if (!curated)
        throw localizedError('not_found', 'errors:models.notInCatalog', { id: request.curatedId });
      return this.jobs.start('download', curated.name, async (job) => {
        await this.ready;
        return runCuratedDownload(this.jobLibrary, curated, job);
      });
    }
    const url =
      'url' in request ? request.url : resolveHfReference(this.jobLibrary.hfEndpoint, request.hf);
    const label = 'url' in request ? fileNameOf(url) : request.hf;
    return this.jobs.start('download', label, async (job) => {
      await this.ready;
      return runGgufDownload(this.jobLibrary, url, request.sha256 ?? null, job);
    });
  }

  async estimate(id: string, override?: RunSettings): Promise<MemoryEstimate> {
    const model = this.require(await this.getStored(id));
    if (!existsSync(model.path))
      throw localizedError('not_found', 'errors:models.fileGone', { path: model.path });
    // node-llama-cpp reads the file's header for the estimate: only a file the rule accepts.
    const path = await resolveModelPath(model.path);
    const settings = override ?? this.repository.getRunSettings();
    const { engine } = this.options;
    const loaded = engine.status().model;
    return estimateMemory({ ...model, path }, settings, {
      backend: loaded?.backend ?? null,
      loaded,
      gpuEstimate: (request) => engine.gpuEstimate({ path, ...request }),
    });
  }

  /** Stops every running job (app shutdown); their partial files are removed. */
  dispose(): void {
    this.jobs.dispose();
  }

  private async registerBundled(): Promise<void> {
    const path = this.options.bundledModelPath;
    if (!path || !existsSync(path)) return;
    const absolute = await resolveModelPath(path);
    const existing = this.repository.get(BUNDLED_MODEL_ID);
    const size = (await stat(absolute)).size;
    // Hashed once: only a moved or changed file (an app update) is read again.
    if (existing && existing.path === absolute && existing.fileSize === size) return;
    const summary = await this.options.summarizeModelFile(absolute);
    const sha256 = await sha256OfFile(absolute);
    if (existing) {
      this.repository.updatePath(BUNDLED_MODEL_ID, absolute);
      this.repository.replaceFileFacts(BUNDLED_MODEL_ID, { sha256, ...fileFacts(summary) });
    } else {
      this.repository.insert({
        id: BUNDLED_MODEL_ID,
        name: `${summary.name ?? 'Demo model'} (demo)`,
        source: 'bundled',
        path: absolute,
        sha256,
        ...fileFacts(summary),
        addedAt: Date.now(),
        lastUsedAt: null,
      });
    }
    this.options.emit('models.changed', {
      kind: existing ? 'updated' : 'added',
      id: BUNDLED_MODEL_ID,
    });
  }

  private loadOptions(model: StoredModel): LoadOptions {
    const settings = this.repository.getRunSettings();
    return {
      path: model.path,
      backend: settings.backend,
      gpuLayers: settings.gpuLayers,
      ...(settings.contextSize !== null ? { contextSize: settings.contextSize } : {}),
      ...(settings.threads !== 'auto' ? { threads: settings.threads } : {}),
    };
  }

  private async getStored(id: string): Promise<StoredModel | null> {
    await this.ready;
    return this.repository.get(id);
  }

  private require(model: StoredModel | null): StoredModel {
    if (!model) throw localizedError('not_found', 'errors:models.notInLibrary');
    return model;
  }

  private toRecord(model: StoredModel): ModelRecord {
    return { ...model, active: this.isActive(model), missing: !existsSync(model.path) };
  }

  private isActive(model: StoredModel): boolean {
    const loaded = this.options.engine.status().model?.path;
    return loaded !== undefined && resolve(loaded) === model.path;
  }

  private inModelsFolder(path: string): boolean {
    const inside = relative(this.modelsFolder, path);
    return inside !== '' && !inside.startsWith('..') && !inside.includes('/..');
  }
}

/** The model used most recently; null when none ever was. */
export function lastUsed(models: readonly StoredModel[]): StoredModel | null {
  let latest: StoredModel | null = null;
  for (const model of models) {
    if (
      model.lastUsedAt !== null &&
      (latest === null || model.lastUsedAt > (latest.lastUsedAt ?? 0))
    )
      latest = model;
  }
  return latest;
}

function fileFacts(summary: ModelFileSummary) {
  return {
    architecture: summary.architecture,
    parameterCount: summary.parameterCount,
    contextLength: summary.contextLength,
    quantization: summary.quantization,
    fileSize: summary.sizeBytes,
  };
}
