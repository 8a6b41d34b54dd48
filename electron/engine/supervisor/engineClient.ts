/**
 * The model engine as main sees it: a supervisor around the model host process. The host starts
 * lazily on the first request; when it dies (llama.cpp abort, kill -9, out of memory) every
 * request in flight ends with a clear 'unavailable' error, main carries on, and the next request
 * starts a fresh host and loads the last model again. Status changes are pushed to listeners.
 */
import { ApiError, type LocalizedMessage } from '../../../shared/errors.js';
import { englishText, localized, localizedError } from '../../../shared/i18n/localizedMessage.js';
import type {
  BackendChoice,
  EngineStatus,
  GpuLayersChoice,
  LoadedModelInfo,
  ResolvedGenerationParams,
} from '../../../shared/schemas/engine.js';
import type { SpawnModelHost } from './hostTransport.js';
import { emptyTimings, type GpuEstimateRequest, type ReplyData } from '../protocol.js';
import type { EnginePrompt, PromptFit } from '../../../shared/schemas/generations.js';
import type { CompletionListeners, EngineCompletion } from '../engine.js';
import { HostConnection, type CompletionOutcome, type ProgressListener } from './hostConnection.js';

export interface EngineClientOptions {
  spawnHost: SpawnModelHost;
  /** JSON file where measured thread counts are remembered (in the data folder). */
  threadTuningFile?: string;
  /** How long a graceful exit may take before the host is killed. */
  exitTimeoutMs?: number;
  /** How long a fresh host may take to say `ready` (loading node-llama-cpp's bindings). */
  readyTimeoutMs?: number;
}

export interface LoadOptions {
  path: string;
  backend?: BackendChoice;
  contextSize?: number;
  threads?: number;
  gpuLayers?: GpuLayersChoice;
}

/** The engine's status as the host's supervisor knows it; notices are the service's business. */
export type HostStatus = Omit<EngineStatus, 'notice' | 'noticeLocalized'>;
export type StatusListener = (status: HostStatus) => void;
export type GpuEstimate = NonNullable<ReplyData<'gpuEstimate'>>;

export class EngineClient {
  private host: HostConnection | null = null;
  private starting: Promise<HostConnection> | null = null;
  /** The model a fresh host loads again after a crash; null once unloaded or if it crashed us. */
  private lastLoad: LoadOptions | null = null;
  private reloading: Promise<unknown> | null = null;
  /** The load in progress: requests that need a model wait for it instead of failing. */
  private loadInFlight: Promise<unknown> | null = null;
  private disposed = false;
  private current: HostStatus = { state: 'idle', model: null, loadingPath: null, message: null };
  private readonly statusListeners = new Set<StatusListener>();

  constructor(private readonly options: EngineClientOptions) {}

  get status(): HostStatus {
    return this.current;
  }

  /** The running host's process id, if one is running (tests and diagnostics). */
  get hostPid(): number | undefined {
    return this.host?.alive ? this.host.pid : undefined;
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  async load(options: LoadOptions, onProgress?: ProgressListener): Promise<LoadedModelInfo> {
    const host = await this.ensureHost(onProgress);
    return this.loadOn(host, options, onProgress);
  }

  async unload(): Promise<void> {
    this.lastLoad = null;
    const host = this.host?.alive ? this.host : null;
    if (host) await host.request({ type: 'unload' });
    this.setStatus({ state: 'idle', model: null, loadingPath: null, message: null });
  }

  /**
   * The loaded model's info with its memory measured now. Starts no host and loads nothing: with
   * no model ready it answers the status as it is.
   */
  async measureMemory(): Promise<HostStatus> {
    const host = this.host?.alive ? this.host : null;
    if (!host || this.current.state !== 'ready') return this.current;
    const model = await host.request({ type: 'info' });
    // A load or crash that happened meanwhile has said more than this answer.
    if (model && this.current.state === 'ready' && this.current.model?.path === model.path) {
      this.setStatus({ ...this.current, model });
    }
    return this.current;
  }

  /**
   * node-llama-cpp's estimate on the GPU the host runs now, with its free VRAM; null when no host
   * runs a model on a GPU (none is started for this: it would load the GPU bindings for a guess).
   */
  async gpuEstimate(request: Omit<GpuEstimateRequest, 'type' | 'id'>): Promise<GpuEstimate | null> {
    const host = this.host?.alive ? this.host : null;
    if (!host || this.current.state !== 'ready' || this.current.model?.backend === 'cpu') {
      return null;
    }
    return host.request({ type: 'gpuEstimate', ...request });
  }

  async countTokens(text: string): Promise<{ tokens: number; contextSize: number }> {
    const host = await this.hostWithModel();
    return host.request({ type: 'countTokens', text });
  }

  /** The loaded model; after a crash, the last one loaded again on a fresh host (or null). */
  async loadedModel(): Promise<LoadedModelInfo | null> {
    await this.hostWithModel();
    return this.current.model;
  }

  /** How the engine would fit a prompt for maxTokens new tokens: one request to the host. */
  async fit(prompt: EnginePrompt, maxTokens: number): Promise<PromptFit> {
    const host = await this.hostWithModel();
    return host.request({ type: 'fit', prompt, maxTokens });
  }

  async tokenize(text: string): Promise<number[]> {
    const host = await this.hostWithModel();
    return (await host.request({ type: 'tokenize', text })).tokens;
  }

  complete(
    prompt: EnginePrompt,
    params: ResolvedGenerationParams,
    listeners: CompletionListeners,
  ): EngineCompletion {
    let cancelled = false;
    /** Where the completion runs, once the host has taken it. */
    let onHost: { host: HostConnection; id: string } | null = null;
    const done = (async (): Promise<CompletionOutcome> => {
      let host: HostConnection;
      try {
        host = await this.hostWithModel();
      } catch (error) {
        const shape = (error instanceof ApiError ? error : internalError(error)).toJSON();
        return { finishReason: 'error', text: '', error: shape, timings: emptyTimings };
      }
      if (cancelled) return { finishReason: 'cancelled', text: '', timings: emptyTimings };
      const started = host.complete(prompt, params, {
        onFitted: (fit) => listeners.fitted(fit),
        onChunk: (text, tokens) => listeners.chunk(text, tokens),
        ...(listeners.steps ? { onSteps: (steps) => listeners.steps?.(steps) } : {}),
      });
      onHost = { host, id: started.id };
      return started.outcome;
    })();
    return {
      done,
      cancel: () => {
        cancelled = true;
        onHost?.host.cancel(onHost.id);
      },
      typing: () => onHost?.host.typing(onHost.id),
    };
  }

  /** Asks the host to exit, waits a little, then kills it. The client cannot be used after. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const host = this.host ?? (await this.starting?.catch(() => null)) ?? null;
    this.host = null;
    await host?.shutdown(this.options.exitTimeoutMs ?? 3000);
  }

  private async ensureHost(onProgress?: ProgressListener): Promise<HostConnection> {
    if (this.disposed) throw localizedError('unavailable', 'errors:engine.hasBeenShutDown');
    if (this.host?.alive) return this.host;
    if (!this.starting) {
      onProgress?.('starting engine', null);
      const readyTimeoutMs = this.options.readyTimeoutMs ?? 60_000;
      this.starting = HostConnection.start(this.options.spawnHost, readyTimeoutMs)
        .then((host) => {
          // Set before `starting` clears, so no second caller can start a second host.
          this.host = host;
          host.onExit((detail, expected) => this.hostEnded(host, detail, expected));
          return host;
        })
        .finally(() => {
          this.starting = null;
        });
    }
    return this.starting;
  }

  /** A host with the last model loaded again if the previous host crashed. */
  private async hostWithModel(): Promise<HostConnection> {
    const host = await this.ensureHost();
    // Its failure is reported to whoever asked for it; here only the outcome's state matters.
    if (this.loadInFlight) await this.loadInFlight.catch(() => undefined);
    if (this.current.state === 'ready' || !this.lastLoad) return host;
    if (!this.reloading) {
      const options = this.lastLoad;
      this.reloading = this.loadOn(host, options).finally(() => {
        this.reloading = null;
      });
    }
    await this.reloading;
    return host;
  }

  private loadOn(
    host: HostConnection,
    options: LoadOptions,
    onProgress?: ProgressListener,
  ): Promise<LoadedModelInfo> {
    const loading = this.loadOnce(host, options, onProgress);
    this.loadInFlight = loading;
    const settled = (): void => {
      if (this.loadInFlight === loading) this.loadInFlight = null;
    };
    loading.then(settled, settled);
    return loading;
  }

  private async loadOnce(
    host: HostConnection,
    options: LoadOptions,
    onProgress?: ProgressListener,
  ): Promise<LoadedModelInfo> {
    this.lastLoad = null;
    this.setStatus({ state: 'loading', model: null, loadingPath: options.path, message: null });
    try {
      const model = await host.request(
        {
          type: 'load',
          path: options.path,
          backend: options.backend ?? 'auto',
          ...(options.contextSize !== undefined ? { contextSize: options.contextSize } : {}),
          ...(options.threads !== undefined ? { threads: options.threads } : {}),
          ...(options.gpuLayers !== undefined ? { gpuLayers: options.gpuLayers } : {}),
          ...(this.options.threadTuningFile
            ? { threadTuningFile: this.options.threadTuningFile }
            : {}),
        },
        onProgress,
      );
      this.lastLoad = options;
      this.setStatus({ state: 'ready', model, loadingPath: null, message: null });
      return model;
    } catch (error) {
      // A crash while loading has set 'crashed' already; keep that, it says more.
      if (host.alive) {
        const message = error instanceof Error ? error.message : String(error);
        const messageLocalized = error instanceof ApiError ? error.localized : undefined;
        this.setStatus({
          state: 'idle',
          model: null,
          loadingPath: null,
          message,
          ...(messageLocalized ? { messageLocalized } : {}),
        });
      }
      throw error;
    }
  }

  private hostEnded(host: HostConnection, detail: LocalizedMessage, expected: boolean): void {
    if (this.host === host) this.host = null;
    if (expected || this.disposed) return;
    const loadingPath = this.current.state === 'loading' ? this.current.loadingPath : null;
    // lastLoad is null while loading, so a model that crashes the host is not loaded again.
    const messageLocalized = loadingPath
      ? localized('errors:engine.stoppedWhileLoading', { path: loadingPath, detail })
      : localized('errors:engine.stoppedRestarts', { detail });
    console.error(`[inkwell] model host ended: ${englishText(detail)}`);
    this.setStatus({
      state: 'crashed',
      model: null,
      loadingPath: null,
      message: englishText(messageLocalized),
      messageLocalized,
    });
  }

  private setStatus(status: HostStatus): void {
    this.current = status;
    for (const listener of this.statusListeners) {
      try {
        listener(status);
      } catch (error) {
        console.error('[inkwell] engine status listener failed:', error);
      }
    }
  }
}

/** Not an ApiError: a bug, logged with its details; the writer is told so in their words. */
function internalError(error: unknown): ApiError {
  console.error('[inkwell] the model engine failed:', error);
  return localizedError('internal', 'errors:internal.unexpected');
}
