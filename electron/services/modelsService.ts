/**
 * The models library behind the contract: the list (bundled, added, downloaded, converted),
 * adding a checked GGUF, details, selecting (loading through the engine with the run settings),
 * downloads and checkpoint imports as jobs with progress events, run settings, and
 * node-llama-cpp's memory estimate.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { freemem, totalmem } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import type { modelChannels, modelEvents } from '../../shared/channels/models.js';
import { ApiError } from '../../shared/errors.js';
import type { ModelFileSummary } from '../../shared/schemas/engine.js';
import type {
  CuratedModel,
  JobKind,
  JobPhase,
  JobSummary,
  MemoryEstimate,
  ModelDetails,
  ModelRecord,
  ModelSource,
  RunSettings,
} from '../../shared/schemas/models.js';
import { readGgufHeader } from '../gguf/ggufReader.js';
import type { RequestContext } from '../ipc/router.js';
import type { SqliteDatabase } from '../store/database.js';
import { ModelsRepository, type StoredModel } from '../store/modelsRepository.js';
import {
  CHECKPOINT_FILES,
  curatedModels,
  findCuratedModel,
  huggingFaceFileUrl,
  resolveHfReference,
} from './curatedModels.js';
import type { EngineService } from './engineService.js';
import {
  DownloadError,
  RateMeter,
  downloadModelFile,
  ensureFreeSpace,
  formatBytes,
  probeRemoteFile,
  sha256OfFile,
  statfsFreeSpace,
  type FreeSpaceProbe,
} from './modelDownloads.js';
import { importCheckpoint, safeFileStem, unusedPath } from './modelImport.js';

export type ModelsEventName = keyof typeof modelEvents;
export type ModelsEventSink = <E extends ModelsEventName>(
  event: E,
  payload: z.output<(typeof modelEvents)[E]>,
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
}

export const BUNDLED_MODEL_ID = 'bundled';
const DEFAULT_HF_ENDPOINT = 'https://huggingface.co/';
/** Progress events at most this often per job (phase changes always go out). */
const PROGRESS_INTERVAL_MS = 200;

interface RunningJob {
  summary: JobSummary;
  controller: AbortController;
  meter: RateMeter;
  lastEmit: number;
  lastEmittedBytes: number;
}

interface JobContext {
  jobId: string;
  signal: AbortSignal;
  progress(phase: JobPhase, receivedBytes: number, totalBytes: number): void;
}

type JobOutcome = { modelId: string; warning?: string };

export class ModelsService {
  readonly modelsFolder: string;
  /** Settles once the bundled model is registered; every request waits for it. */
  readonly ready: Promise<void>;
  private readonly repository: ModelsRepository;
  private readonly jobs = new Map<string, RunningJob>();
  private readonly freeSpace: FreeSpaceProbe;
  private readonly hfEndpoint: string;

  constructor(private readonly options: ModelsServiceOptions) {
    this.repository = new ModelsRepository(options.database);
    this.modelsFolder = join(options.dataDir, 'models');
    this.freeSpace = options.freeSpace ?? statfsFreeSpace;
    this.hfEndpoint = options.huggingFaceEndpoint ?? DEFAULT_HF_ENDPOINT;
    this.ready = this.registerBundled().catch((error: unknown) => {
      // A missing or damaged demo model must not stop the app; the library just lacks it.
      console.error('[inkwell] the bundled model could not be registered:', error);
    });
  }

  async list(): Promise<ModelRecord[]> {
    await this.ready;
    return this.repository.list().map((model) => this.toRecord(model));
  }

  async add(path: string, name?: string, source: ModelSource = 'file'): Promise<ModelRecord> {
    await this.ready;
    const absolute = resolve(path);
    const existing = this.repository.getByPath(absolute);
    if (existing) return this.toRecord(existing);
    const facts = await stat(absolute).catch(() => null);
    if (!facts?.isFile()) throw new ApiError('not_found', `There is no file at ${absolute}.`);
    // Refused here, with the validator's words, before anything is stored.
    const summary = await this.options.summarizeModelFile(absolute);
    const model: StoredModel = {
      id: randomUUID(),
      name: name ?? summary.name ?? basename(absolute, extname(absolute)),
      source,
      path: absolute,
      sha256: await sha256OfFile(absolute),
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
      throw new ApiError('invalid_request', 'The demo model comes with Inkwell and stays listed.');
    }
    const ours =
      (model.source === 'download' || model.source === 'converted') &&
      this.inModelsFolder(model.path);
    if (deleteFile && !ours) {
      throw new ApiError(
        'invalid_request',
        'Inkwell only deletes model files it downloaded or converted itself; this file is yours and was left alone.',
      );
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
    const [file, header, modelCard] = await Promise.all([
      this.options.summarizeModelFile(model.path),
      readGgufHeader(model.path),
      this.readModelCard(model.path),
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
      throw new ApiError('not_found', `The file of “${model.name}” is gone: ${model.path}.`);
    }
    const settings = this.repository.getRunSettings();
    await this.options.engine.load({
      path: model.path,
      backend: settings.backend,
      gpuLayers: settings.gpuLayers,
      ...(settings.contextSize !== null ? { contextSize: settings.contextSize } : {}),
      ...(settings.threads !== 'auto' ? { threads: settings.threads } : {}),
    });
    this.repository.markUsed(id, Date.now());
    this.options.emit('models.changed', { kind: 'selected', id });
    return this.toRecord(this.require(this.repository.get(id)));
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
    return [...this.jobs.values()].map((job) => ({ ...job.summary }));
  }

  cancelJob(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId);
    job?.controller.abort(new ApiError('cancelled', 'Cancelled.'));
    return { cancelled: job !== undefined };
  }

  importCheckpoint(folder: string, type: 'f16' | 'q8_0', name?: string): { jobId: string } {
    const label = name ?? basename(resolve(folder));
    return this.startJob('import', label, async (job) => {
      await this.ready;
      await mkdir(this.modelsFolder, { recursive: true });
      const weights = await stat(join(folder, 'model.safetensors')).catch(() => null);
      // The output is at most the float32 input; a too-small disk is refused before writing.
      if (weights) await ensureFreeSpace(this.modelsFolder, weights.size, this.freeSpace);
      job.progress('converting', 0, weights?.size ?? 0);
      const outFile = await importCheckpoint({
        folder,
        type,
        modelsFolder: this.modelsFolder,
        ...(name ? { name } : {}),
        signal: job.signal,
        onProgress: (p) => job.progress('converting', p.bytesDone, p.bytesTotal),
      });
      return this.addThenSelect(outFile, name, 'converted', job);
    });
  }

  download(
    request:
      { curatedId: string } | { url: string; sha256?: string } | { hf: string; sha256?: string },
  ): { jobId: string } {
    if ('curatedId' in request) {
      const curated = findCuratedModel(request.curatedId);
      if (!curated)
        throw new ApiError('not_found', `There is no model “${request.curatedId}” in the catalog.`);
      return this.startJob('download', curated.name, (job) => this.downloadCurated(curated, job));
    }
    const url = 'url' in request ? request.url : resolveHfReference(this.hfEndpoint, request.hf);
    const label = 'url' in request ? fileNameOf(url) : request.hf;
    return this.startJob('download', label, (job) =>
      this.downloadGguf(url, request.sha256 ?? null, job),
    );
  }

  async estimate(id: string, override?: RunSettings): Promise<MemoryEstimate> {
    const model = this.require(await this.getStored(id));
    if (!existsSync(model.path))
      throw new ApiError('not_found', `The file is gone: ${model.path}.`);
    const settings = override ?? this.repository.getRunSettings();
    return estimateMemory(model, settings, this.options.engine.status().model?.backend ?? null);
  }

  /** Stops every running job (app shutdown); their partial files are removed. */
  dispose(): void {
    for (const job of this.jobs.values())
      job.controller.abort(new ApiError('cancelled', 'Inkwell is closing.'));
  }

  private async downloadGguf(
    url: string,
    sha256: string | null,
    job: JobContext,
  ): Promise<JobOutcome> {
    await this.ready;
    await mkdir(this.modelsFolder, { recursive: true });
    job.progress('checking', 0, 0);
    const remote = await probeRemoteFile(url, job.signal);
    await ensureFreeSpace(this.modelsFolder, remote.sizeBytes ?? 0, this.freeSpace);
    const stem = safeFileStem(basename(fileNameOf(url), '.gguf'));
    const target = await unusedPath(this.modelsFolder, stem, '.gguf');
    const expected = sha256 ?? remote.sha256;
    const path = await downloadModelFile({
      url,
      folder: this.modelsFolder,
      fileName: basename(target),
      expectedSha256: expected,
      signal: job.signal,
      stallTimeoutMs: this.options.stallTimeoutMs,
      onBytes: (received, total) =>
        job.progress('downloading', received, total || (remote.sizeBytes ?? 0)),
      onVerifying: () => job.progress('verifying', remote.sizeBytes ?? 0, remote.sizeBytes ?? 0),
    });
    job.progress('adding', remote.sizeBytes ?? 0, remote.sizeBytes ?? 0);
    try {
      const record = await this.add(path, undefined, 'download');
      return { modelId: record.id };
    } catch (error) {
      // Not a model we can run: keeping the file would only take space.
      await rm(path, { force: true });
      throw error;
    }
  }

  /** The official checkpoint's four files, then our converter to q8_0 (see curatedModels.ts). */
  private async downloadCurated(curated: CuratedModel, job: JobContext): Promise<JobOutcome> {
    await this.ready;
    const staging = join(this.modelsFolder, '.downloads', job.jobId);
    await mkdir(staging, { recursive: true });
    try {
      job.progress('checking', 0, 0);
      const files = [];
      for (const file of CHECKPOINT_FILES) {
        const url = huggingFaceFileUrl(this.hfEndpoint, curated.repo, file);
        files.push({ file, ...(await probeRemoteFile(url, job.signal)) });
      }
      const total = files.reduce((sum, f) => sum + (f.sizeBytes ?? 0), 0);
      await ensureFreeSpace(this.modelsFolder, total + curated.diskBytes, this.freeSpace);
      let done = 0;
      for (const file of files) {
        await downloadModelFile({
          url: file.url,
          folder: staging,
          fileName: file.file,
          expectedSha256: file.sha256,
          signal: job.signal,
          stallTimeoutMs: this.options.stallTimeoutMs,
          onBytes: (received) => job.progress('downloading', done + received, total),
          onVerifying: () => job.progress('verifying', done + (file.sizeBytes ?? 0), total),
        });
        done += file.sizeBytes ?? 0;
      }
      const outFile = await importCheckpoint({
        folder: staging,
        type: 'q8_0',
        modelsFolder: this.modelsFolder,
        name: curated.id,
        signal: job.signal,
        onProgress: (p) => job.progress('converting', p.bytesDone, p.bytesTotal),
      });
      job.progress('adding', total, total);
      const record = await this.add(outFile, curated.name, 'download');
      return { modelId: record.id };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  private async addThenSelect(
    path: string,
    name: string | undefined,
    source: ModelSource,
    job: JobContext,
  ): Promise<JobOutcome> {
    job.progress('adding', 0, 0);
    let record: ModelRecord;
    try {
      record = await this.add(path, name, source);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    try {
      await this.select(record.id);
      return { modelId: record.id };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        modelId: record.id,
        warning: `Added to the library, but loading it failed: ${reason}`,
      };
    }
  }

  private startJob(
    kind: JobKind,
    label: string,
    run: (job: JobContext) => Promise<JobOutcome>,
  ): { jobId: string } {
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: RunningJob = {
      controller,
      meter: new RateMeter(),
      lastEmit: 0,
      lastEmittedBytes: 0,
      summary: {
        jobId,
        kind,
        label,
        phase: 'checking',
        receivedBytes: 0,
        totalBytes: 0,
        bytesPerSecond: 0,
        etaSeconds: null,
        startedAt: Date.now(),
      },
    };
    this.jobs.set(jobId, job);
    const context: JobContext = {
      jobId,
      signal: controller.signal,
      progress: (phase, receivedBytes, totalBytes) =>
        this.reportProgress(job, phase, receivedBytes, totalBytes),
    };
    void run(context).then(
      (outcome) =>
        this.endJob(jobId, {
          ok: outcome.warning === undefined,
          modelId: outcome.modelId,
          ...(outcome.warning ? { error: outcome.warning } : {}),
        }),
      (error: unknown) => {
        if (controller.signal.aborted) {
          const reason =
            controller.signal.reason instanceof Error
              ? controller.signal.reason.message
              : 'Cancelled.';
          this.endJob(jobId, {
            ok: false,
            cancelled: true,
            error: `${reason} The partial file was removed.`,
          });
          return;
        }
        if (!(error instanceof ApiError || error instanceof DownloadError)) {
          console.error(`[inkwell] model ${kind} failed:`, error);
        }
        this.endJob(jobId, {
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return { jobId };
  }

  private reportProgress(
    job: RunningJob,
    phase: JobPhase,
    receivedBytes: number,
    totalBytes: number,
  ): void {
    const phaseChanged = phase !== job.summary.phase;
    if (phaseChanged) job.meter = new RateMeter();
    const bytesPerSecond = job.meter.record(receivedBytes);
    const left = totalBytes - receivedBytes;
    job.summary = {
      ...job.summary,
      phase,
      receivedBytes,
      totalBytes,
      bytesPerSecond,
      etaSeconds: bytesPerSecond > 0 && totalBytes > 0 ? Math.max(0, left) / bytesPerSecond : null,
    };
    const now = performance.now();
    // At most every 200 ms, but every whole percent too, so a bar on a fast job still moves.
    const movedPercent =
      totalBytes > 0 && (receivedBytes - job.lastEmittedBytes) / totalBytes >= 0.01;
    const due = now - job.lastEmit >= PROGRESS_INTERVAL_MS || movedPercent;
    if (!phaseChanged && !due && receivedBytes < totalBytes) return;
    job.lastEmit = now;
    job.lastEmittedBytes = receivedBytes;
    const { label: _label, startedAt: _startedAt, ...progress } = job.summary;
    this.options.emit('models.jobProgress', progress);
  }

  private endJob(
    jobId: string,
    end: { ok: boolean; error?: string; cancelled?: boolean; modelId?: string },
  ): void {
    this.jobs.delete(jobId);
    this.options.emit('models.jobEnd', { jobId, ...end });
  }

  private async registerBundled(): Promise<void> {
    const path = this.options.bundledModelPath;
    if (!path || !existsSync(path)) return;
    const absolute = resolve(path);
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

  private async getStored(id: string): Promise<StoredModel | null> {
    await this.ready;
    return this.repository.get(id);
  }

  private require(model: StoredModel | null): StoredModel {
    if (!model) throw new ApiError('not_found', 'That model is not in the library (any more).');
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

  /** `<model>.md` beside the file, else a README.md in its folder (not in our shared folder). */
  private async readModelCard(path: string): Promise<string | null> {
    const candidates = [join(dirname(path), `${basename(path, extname(path))}.md`)];
    if (resolve(dirname(path)) !== resolve(this.modelsFolder))
      candidates.push(join(dirname(path), 'README.md'));
    for (const candidate of candidates) {
      const text = await readFile(candidate, 'utf8').catch(() => null);
      if (text !== null) return text.slice(0, 100_000);
    }
    return null;
  }
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

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? 'model.gguf';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * node-llama-cpp's GgufInsights estimate for these settings. It runs here in main, reading only
 * the header (no weights are loaded), with node-llama-cpp's backend-less bindings, so it cannot
 * see free VRAM: that is reported as unknown and a GPU estimate carries a warning.
 */
async function estimateMemory(
  model: StoredModel,
  settings: RunSettings,
  engineBackend: string | null,
): Promise<MemoryEstimate> {
  const { readGgufFileInfo, GgufInsights } = await import('node-llama-cpp');
  const info = await readGgufFileInfo(model.path, { logWarnings: false });
  const insights = await GgufInsights.from(info);
  const layers = insights.totalLayers;
  const onGpu =
    settings.backend !== 'cpu' &&
    (settings.backend !== 'auto' || (engineBackend ?? 'cpu') !== 'cpu');
  const gpuLayers = !onGpu
    ? 0
    : settings.gpuLayers === 'auto'
      ? layers
      : Math.min(settings.gpuLayers, layers);
  const contextSize =
    settings.contextSize ?? (model.contextLength || insights.trainContextSize || 1024);
  const weights = insights.estimateModelResourceRequirements({ gpuLayers });
  const context = insights.estimateContextResourceRequirements({
    contextSize,
    modelGpuLayers: gpuLayers,
  });
  const ramBytes = weights.cpuRam + context.cpuRam;
  const vramBytes = weights.gpuVram + context.gpuVram;
  const freeRamBytes = freemem();
  const ramFits = ramBytes <= freeRamBytes;
  const warnings: string[] = [];
  if (!ramFits) {
    warnings.push(
      `It needs about ${formatBytes(ramBytes)} of memory and ${formatBytes(freeRamBytes)} is free: close other programs, use a smaller context, or pick a smaller model.`,
    );
  }
  if (vramBytes > 0) {
    warnings.push(
      `About ${formatBytes(vramBytes)} of GPU memory is needed; free GPU memory is only known once the engine loads on the GPU (it falls back to the CPU if it does not fit).`,
    );
  }
  return {
    modelId: model.id,
    gpuLayers,
    contextSize,
    ramBytes,
    vramBytes,
    freeRamBytes,
    totalRamBytes: totalmem(),
    freeVramBytes: null,
    fits: ramFits,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
  };
}

type ChannelName = keyof typeof modelChannels;
type ModelsHandler<C extends ChannelName> = (
  request: z.output<(typeof modelChannels)[C]['request']>,
  context: RequestContext,
) =>
  | z.output<(typeof modelChannels)[C]['response']>
  | Promise<z.output<(typeof modelChannels)[C]['response']>>;
export type ModelsHandlers = { [C in ChannelName]: ModelsHandler<C> };

/** The handlers for exactly the models channels; createHandlers spreads them in. */
export function createModelsHandlers(models: ModelsService): ModelsHandlers {
  return {
    'models.list': () => models.list(),
    'models.add': (request) => models.add(request.path, request.name),
    'models.remove': (request) => models.remove(request.id, request.deleteFile ?? false),
    'models.details': (request) => models.details(request.id),
    'models.select': (request) => models.select(request.id),
    'models.importCheckpoint': (request) =>
      models.importCheckpoint(request.folder, request.type, request.name),
    'models.download': (request) => models.download(request),
    'models.cancelJob': (request) => models.cancelJob(request.jobId),
    'models.jobs': () => models.listJobs(),
    'models.catalog': () => [...models.catalog()],
    'models.runSettings.get': () => models.getRunSettings(),
    'models.runSettings.save': (request) => models.saveRunSettings(request),
    'models.estimate': (request) => models.estimate(request.id, request.settings),
  };
}
