/**
 * The model engine behind the contract: model checks, loading, status, token counts, and
 * generations streamed as events. Generation ids are minted here; a missing seed is chosen here
 * and reported, so every generation can be stored and replayed exactly.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { engineEvents } from '../../shared/channels/engine.js';
import type { generationEvents } from '../../shared/channels/generation.js';
import { ApiError, type LocalizedMessage } from '../../shared/errors.js';
import { englishText, localizedError } from '../../shared/i18n/localizedMessage.js';
import {
  MAX_SEED,
  type EngineStatus,
  type GenerationParams,
  type LoadedModelInfo,
  type TokenCount,
} from '../../shared/schemas/engine.js';
import type {
  CompletionHandle,
  EngineClient,
  GpuEstimate,
  HostStatus,
  LoadOptions,
} from './supervisor/engineClient.js';
import type { GpuEstimateRequest } from './protocol.js';
import { emptyTimings } from './protocol.js';
import type { RequestContext } from '../core/requestContext.js';

type EngineServiceEvents = typeof engineEvents & typeof generationEvents;
export type EngineEventName = keyof EngineServiceEvents;
export type EngineEventPayload<E extends EngineEventName> = z.output<EngineServiceEvents[E]>;
/** Where events go: the app's EventBus (`(event, payload) => events.emit(event, payload)`). */
export type EngineEventSink = <E extends EngineEventName>(
  event: E,
  payload: EngineEventPayload<E>,
) => void;

export type GenerationEnd = EngineEventPayload<'generation.end'>;

export interface EngineServiceOptions {
  client: EngineClient;
  emit: EngineEventSink;
  /**
   * Loaded before the first generation when no model is loaded, unless a startup loader is set
   * (the models library sets one that prefers the last-used model): the bundled demo model.
   */
  defaultModelPath?: string;
}

/** Loads the model a request needs when none is loaded (first use after startup). */
export type StartupLoader = () => Promise<unknown>;

export interface StartedGeneration {
  generationId: string;
  seed: number;
  /** Resolves with the same payload as the generation.end event (never rejects). */
  ended: Promise<GenerationEnd>;
}

interface RunningGeneration {
  clientId: string | null;
  cancel(): void;
  typing(): void;
}

export class EngineService {
  private readonly running = new Map<string, RunningGeneration>();
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

  load(options: LoadOptions): Promise<LoadedModelInfo> {
    // Whatever the notice said was about the model this load replaces.
    this.notice = null;
    return this.options.client.load(options, (step, progress) =>
      this.options.emit('engine.loadProgress', { path: options.path, step, progress }),
    );
  }

  async unload(): Promise<EngineStatus> {
    for (const generation of this.running.values()) generation.cancel();
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

  startGeneration(
    prompt: string,
    params: GenerationParams,
    context?: Pick<RequestContext, 'clientId'>,
  ): StartedGeneration {
    const generationId = randomUUID();
    const seed = params.seed ?? randomInt(0, MAX_SEED);
    let cancelled = false;
    let started: CompletionHandle | null = null;
    this.running.set(generationId, {
      clientId: context?.clientId ?? null,
      cancel: () => {
        cancelled = true;
        started?.cancel();
      },
      typing: () => started?.typing(),
    });
    const ended = (async (): Promise<GenerationEnd> => {
      try {
        await this.ensureModel();
        if (cancelled) return endOf(generationId, seed, { finishReason: 'cancelled', text: '' });
        const handle = this.options.client.complete(prompt, { ...params, seed }, (text) =>
          this.options.emit('generation.chunk', { generationId, text }),
        );
        started = handle;
        return { generationId, seed, ...(await handle.done) };
      } catch (error) {
        const shape = (error instanceof ApiError ? error : internal(error)).toJSON();
        return endOf(generationId, seed, { finishReason: 'error', text: '', error: shape });
      }
    })().then((end) => {
      this.running.delete(generationId);
      this.options.emit('generation.end', end);
      return end;
    });
    return { generationId, seed, ended };
  }

  cancelGeneration(generationId: string): { cancelled: boolean } {
    const generation = this.running.get(generationId);
    generation?.cancel();
    return { cancelled: generation !== undefined };
  }

  /** The writer typed through the generation's text; see the generation.typing channel. */
  noteTyping(generationId: string): { held: boolean } {
    const generation = this.running.get(generationId);
    generation?.typing();
    return { held: generation !== undefined };
  }

  /** Cancels what one renderer started, e.g. when its window or WebSocket goes away. */
  cancelGenerationsOf(clientId: string): void {
    for (const generation of this.running.values()) {
      if (generation.clientId === clientId) generation.cancel();
    }
  }

  async dispose(): Promise<void> {
    for (const generation of this.running.values()) generation.cancel();
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
  private async ensureModel(): Promise<void> {
    const { client, defaultModelPath } = this.options;
    if (this.defaultLoad) {
      await this.defaultLoad;
      return;
    }
    const loader =
      this.startupLoader ?? (defaultModelPath ? () => this.load({ path: defaultModelPath }) : null);
    if (client.status.state === 'idle' && client.status.model === null && loader) {
      const loading = loader().finally(() => {
        if (this.defaultLoad === loading) this.defaultLoad = null;
      });
      this.defaultLoad = loading;
      await loading;
    }
  }
}

function endOf(
  generationId: string,
  seed: number,
  outcome: Pick<GenerationEnd, 'finishReason' | 'text' | 'error'>,
): GenerationEnd {
  return {
    generationId,
    seed,
    ...outcome,
    timings: { ...emptyTimings },
  };
}

function internal(error: unknown): ApiError {
  console.error('[inkwell] generation failed:', error);
  return localizedError('internal', 'errors:engine.generationFailed');
}
