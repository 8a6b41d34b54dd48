/**
 * The local engine: the model host process behind the Engine interface, plus what only a local
 * engine has (loading files, memory, the GPU estimate). It pushes engine.status and load
 * progress; generations are the generation domain's (generation/generation.ts).
 */
import type { z } from 'zod';
import type { engineEvents } from '../../shared/channels/engine.js';
import type { LocalizedMessage } from '../../shared/errors.js';
import { englishText, localizedError } from '../../shared/i18n/localizedMessage.js';
import type {
  EngineStatus,
  LoadedModelInfo,
  ResolvedGenerationParams,
  TokenCount,
} from '../../shared/schemas/engine.js';
import type { EnginePrompt, PromptFit } from '../../shared/schemas/generations.js';
import { resolveModelPath } from '../gguf/modelPath.js';
import type {
  CompletionListeners,
  Engine,
  EngineCapabilities,
  EngineCompletion,
} from './engine.js';
import type {
  EngineClient,
  GpuEstimate,
  HostStatus,
  LoadOptions,
} from './supervisor/engineClient.js';
import type { GpuEstimateRequest } from './protocol.js';

export type EngineEventName = keyof typeof engineEvents;
export type EngineEventPayload<E extends EngineEventName> = z.output<(typeof engineEvents)[E]>;
/** Where events go: the app's EventBus (`(event, payload) => events.emit(event, payload)`). */
export type EngineEventSink = <E extends EngineEventName>(
  event: E,
  payload: EngineEventPayload<E>,
) => void;

export interface EngineServiceOptions {
  client: EngineClient;
  emit: EngineEventSink;
  /**
   * Loaded before the first generation when no model is loaded, unless a startup loader is set
   * (the models library sets one that prefers the last-used model): the bundled demo model.
   */
  defaultModelPath?: string;
  /** Called as a load starts: the writer chose a local model (the remote engine steps aside). */
  onLoadStarted?: () => void;
}

/** Loads the model a request needs when none is loaded (first use after startup). */
export type StartupLoader = () => Promise<unknown>;

export class EngineService implements Engine {
  /** The local model host reports each token's probabilities (probabilityCompletion.ts). */
  readonly capabilities: EngineCapabilities = { tokenProbabilities: true };
  private defaultLoad: Promise<unknown> | null = null;
  private startupLoader: StartupLoader | null = null;
  private notice: LocalizedMessage | null = null;

  constructor(private readonly options: EngineServiceOptions) {
    options.client.onStatus((status) => options.emit('engine.status', this.withNotice(status)));
  }

  /** Who decides what to load on first use; without one, the default model path is loaded. */
  setStartupLoader(loader: StartupLoader): void {
    this.startupLoader = loader;
  }

  /**
   * A note for the writer about the loaded model (shown until the next load), by its i18n key;
   * the status carries its English text beside the key. null clears it.
   */
  setNotice(notice: LocalizedMessage | null): void {
    if (notice === this.notice) return;
    this.notice = notice;
    this.options.emit('engine.status', this.status());
  }

  /**
   * Loads a model. The path (the renderer's on engine.load, or a stored one) must pass the
   * model-path rule here, in main, before any host hears of it; the host checks again.
   */
  async load(options: LoadOptions): Promise<LoadedModelInfo> {
    const path = await resolveModelPath(options.path);
    this.options.onLoadStarted?.();
    // Whatever the notice said was about the model this load replaces.
    this.notice = null;
    return this.options.client.load({ ...options, path }, (step, progress) =>
      this.options.emit('engine.loadProgress', { path, step, progress }),
    );
  }

  /** Unloads the model; the host ends every completion still running (cancelled). */
  async unload(): Promise<EngineStatus> {
    await this.options.client.unload();
    return this.status();
  }

  status(): EngineStatus {
    return this.withNotice(this.options.client.status);
  }

  /** The status with the loaded model's memory measured now (starts and loads nothing). */
  async measureMemory(): Promise<EngineStatus> {
    return this.withNotice(await this.options.client.measureMemory());
  }

  /** node-llama-cpp's estimate on the GPU the engine runs now; null when it runs none. */
  gpuEstimate(request: Omit<GpuEstimateRequest, 'type' | 'id'>): Promise<GpuEstimate | null> {
    return this.options.client.gpuEstimate(request);
  }

  async countTokens(text: string): Promise<TokenCount> {
    await this.ensureModel();
    return this.options.client.countTokens(text);
  }

  /** How the engine would fit a prompt (one request to the host). */
  async plan(prompt: EnginePrompt, maxNewTokens: number): Promise<PromptFit> {
    await this.ensureModel();
    return this.options.client.fit(prompt, maxNewTokens);
  }

  /** Runs on the model the engine has; callers ensure one is loaded first (ensureModel). */
  complete(
    prompt: EnginePrompt,
    params: ResolvedGenerationParams,
    listeners: CompletionListeners,
  ): EngineCompletion {
    return this.options.client.complete(prompt, params, listeners);
  }

  async dispose(): Promise<void> {
    await this.options.client.dispose();
  }

  private withNotice(status: HostStatus): EngineStatus {
    if (!this.notice) return { ...status, notice: null };
    return { ...status, notice: englishText(this.notice), noticeLocalized: this.notice };
  }

  /**
   * With nothing loaded (startup, or after an unload), the startup model (the last-used one, or
   * the demo model) is loaded so that Continue just works. Requests that arrive together (a
   * generation and a preview) share one load.
   */
  async ensureModel(): Promise<LoadedModelInfo> {
    const { client, defaultModelPath } = this.options;
    if (this.defaultLoad) {
      await this.defaultLoad;
    } else {
      const loader =
        this.startupLoader ??
        (defaultModelPath ? () => this.load({ path: defaultModelPath }) : null);
      if (client.status.state === 'idle' && client.status.model === null && loader) {
        const loading = loader().finally(() => {
          if (this.defaultLoad === loading) this.defaultLoad = null;
        });
        this.defaultLoad = loading;
        await loading;
      }
    }
    // A crashed host is started again with the model it had, as any request would; a load in
    // progress (one the Models panel asked for, or the startup model's) is waited for.
    const waitable = client.status.state === 'crashed' || client.status.state === 'loading';
    const model = client.status.model ?? (waitable ? await client.loadedModel() : null);
    if (!model) throw localizedError('unavailable', 'errors:engine.noModel');
    return model;
  }
}
