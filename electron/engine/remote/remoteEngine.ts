/**
 * The remote engine: an OpenAI-compatible server (llama.cpp's server, vLLM, KoboldCpp, Ollama,
 * LM Studio…) behind the same Engine interface as the local model host. "Loading" is asking the
 * server which models it has and how large its context is; prompts are fitted with its own
 * tokenizer where it has one; a completion streams from /v1/completions and a cancel closes the
 * connection, which makes the server stop. Every failure ends the completion with a clear
 * message and leaves the engine ready for the next one.
 */
import type { z } from 'zod';
import type { engineEvents } from '../../../shared/channels/engine.js';
import { ApiError } from '../../../shared/errors.js';
import { localizedError } from '../../../shared/i18n/localizedMessage.js';
import type {
  EngineStatus,
  FinishReason,
  LoadedModelInfo,
  ResolvedGenerationParams,
  TokenCount,
} from '../../../shared/schemas/engine.js';
import type { EnginePrompt, PromptFit } from '../../../shared/schemas/generations.js';
import type {
  CompletionListeners,
  CompletionOutcome,
  Engine,
  EngineCompletion,
} from '../engine.js';
import {
  OpenAiServer,
  normalizeBaseUrl,
  type ServerAddress,
  type ServerTimeouts,
} from './openAiServer.js';
import { fitRemotePrompt, estimateTokens } from './remotePromptFit.js';
import { readTokenProbabilities, type TokenProbability } from './tokenProbabilities.js';

/** A context to assume when neither the writer nor the server says (most servers run more). */
export const ASSUMED_CONTEXT_SIZE = 2048;
/** How many counted texts are remembered between fits. */
const REMEMBERED_COUNTS = 64;

export interface RemoteEngineSettings extends ServerAddress {
  /** The model's name on the server; empty: the first one it lists. */
  model: string;
  /** The context the writer set; null: ask the server. */
  contextSize: number | null;
}

type StatusEvent = z.output<(typeof engineEvents)['engine.status']>;

export interface RemoteEngineOptions {
  settings: RemoteEngineSettings;
  /** Where engine.status goes (the app's event bus). */
  emitStatus?: (status: StatusEvent) => void;
  timeouts?: ServerTimeouts;
  /**
   * How many alternatives each token's probabilities carry (logprobs / n_probs); 0 asks for none.
   * The probabilities reach `onProbabilities`, one entry per generated token.
   */
  topProbabilities?: number;
  onProbabilities?: (generationTokens: TokenProbability[]) => void;
}

export class RemoteEngine implements Engine {
  private readonly server: OpenAiServer;
  private state: EngineStatus['state'] = 'idle';
  private model: LoadedModelInfo | null = null;
  private message: EngineStatus['messageLocalized'] = undefined;
  private connecting: Promise<LoadedModelInfo> | null = null;
  private windowAnchor: string | null = null;
  private tokenizer: 'server' | 'estimate' | 'unknown' = 'unknown';
  /** Texts counted lately and their counts, oldest first. */
  private readonly counts = new Map<string, number>();

  private readonly options: RemoteEngineOptions;

  constructor(options: RemoteEngineOptions) {
    const baseUrl = normalizeBaseUrl(options.settings.baseUrl);
    this.options = { ...options, settings: { ...options.settings, baseUrl } };
    this.server = new OpenAiServer({ baseUrl, apiKey: options.settings.apiKey }, options.timeouts);
  }

  get settings(): RemoteEngineSettings {
    return this.options.settings;
  }

  status(): EngineStatus {
    return {
      state: this.state,
      model: this.model,
      loadingPath: this.state === 'loading' ? this.options.settings.baseUrl : null,
      message: this.message ? (this.lastError?.message ?? null) : null,
      ...(this.message ? { messageLocalized: this.message } : {}),
      notice: null,
    };
  }

  private lastError: ApiError | null = null;

  /** Asks the server for its models and context (once; again after a failure). */
  ensureModel(): Promise<LoadedModelInfo> {
    if (this.model && this.state === 'ready') return Promise.resolve(this.model);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  async plan(prompt: EnginePrompt, maxNewTokens: number): Promise<PromptFit> {
    const model = await this.ensureModel();
    const fitted = await fitRemotePrompt(
      prompt,
      maxNewTokens,
      model.contextSize,
      (text) => this.count(text),
      this.windowAnchor,
    );
    return fitted.fit;
  }

  async countTokens(text: string): Promise<TokenCount> {
    const model = await this.ensureModel();
    return {
      tokens: text === '' ? 0 : ((await this.count(text)) ?? estimateTokens(text)),
      contextSize: model.contextSize,
    };
  }

  complete(
    prompt: EnginePrompt,
    params: ResolvedGenerationParams,
    listeners: CompletionListeners,
  ): EngineCompletion {
    const controller = new AbortController();
    const done = this.run(prompt, params, listeners, controller.signal);
    return {
      done,
      cancel: () => controller.abort(new Error('cancelled')),
      // The server cannot be paused: it writes on, and the writer's view holds its words.
      typing: () => undefined,
    };
  }

  private async run(
    prompt: EnginePrompt,
    params: ResolvedGenerationParams,
    listeners: CompletionListeners,
    signal: AbortSignal,
  ): Promise<CompletionOutcome> {
    const startedAt = performance.now();
    let text = '';
    let outputTokens = 0;
    let firstAt: number | null = null;
    let promptTokens = 0;
    let dropped = 0;
    let reused: number | undefined;
    let finish: FinishReason | null = null;
    const measure = (): CompletionOutcome['timings'] => {
      const endedAt = performance.now();
      const generationSeconds = firstAt === null ? 0 : (endedAt - firstAt) / 1000;
      const promptSeconds = firstAt === null ? 0 : (firstAt - startedAt) / 1000;
      return {
        timeToFirstTokenMs: firstAt === null ? null : round(firstAt - startedAt),
        promptTokens,
        droppedPromptTokens: dropped,
        ...(reused !== undefined ? { reusedPromptTokens: reused } : {}),
        outputTokens,
        tokensPerSecond:
          outputTokens > 1 && generationSeconds > 0
            ? round((outputTokens - 1) / generationSeconds)
            : 0,
        promptTokensPerSecond: promptSeconds > 0 ? round(promptTokens / promptSeconds) : 0,
        totalMs: round(endedAt - startedAt),
      };
    };
    const ended = (reason: FinishReason, error?: ApiError): CompletionOutcome => ({
      finishReason: reason,
      text,
      ...(error ? { error: error.toJSON() } : {}),
      timings: measure(),
    });
    try {
      const model = await this.ensureModel();
      const fitted = await fitRemotePrompt(
        prompt,
        params.maxTokens,
        model.contextSize,
        (candidate) => this.count(candidate, signal),
        this.windowAnchor,
      );
      if (signal.aborted) return ended('cancelled');
      if (prompt.kind === 'parts') this.windowAnchor = fitted.windowAnchor;
      promptTokens = fitted.fit.plan.promptTokens;
      dropped = fitted.fit.plan.droppedTokens;
      listeners.fitted(fitted.fit);
      const top = this.options.topProbabilities ?? 0;
      const probabilities: TokenProbability[] = [];
      const body: Record<string, unknown> = {
        model: model.remote?.model ?? model.fileName,
        prompt: fitted.fit.promptText,
        max_tokens: fitted.maxTokens,
        temperature: params.temperature,
        top_p: params.topP,
        seed: params.seed,
        // Where the server takes them (llama.cpp, vLLM, KoboldCpp, Ollama): the same sampler.
        top_k: params.topK,
        min_p: params.minP,
        repeat_penalty: params.repeatPenalty,
        repeat_last_n: params.repeatLastTokens,
        ...(params.stop.length > 0 ? { stop: params.stop } : {}),
        ...(top > 0 ? { logprobs: top, n_probs: top } : {}),
        // llama.cpp keeps the evaluated prefix between requests, like the local engine.
        cache_prompt: true,
      };
      const { done } = await this.server.streamCompletion(body, signal, (data) => {
        const choice = firstChoice(data);
        if (choice === null) {
          // A last event with usage alone (OpenAI's stream_options) carries no choice.
          if (isUsageOnly(data)) return;
          throw this.server.wrongShape('/v1/completions: an event without choices[0]');
        }
        const piece = choice.text;
        if (typeof piece !== 'string') {
          throw this.server.wrongShape('/v1/completions: choices[0].text is not text');
        }
        const tokens = readTokenProbabilities(choice.logprobs);
        if (top > 0) probabilities.push(...tokens);
        const count = tokens.length > 0 ? tokens.length : piece === '' ? 0 : 1;
        if (piece !== '') {
          firstAt ??= performance.now();
          text += piece;
          outputTokens += count;
          listeners.chunk(piece, count);
        }
        if (typeof choice.finish_reason === 'string') finish = mapFinish(choice.finish_reason);
        const usage = (data as { usage?: { completion_tokens?: unknown } }).usage;
        if (typeof usage?.completion_tokens === 'number') outputTokens = usage.completion_tokens;
        const cached = (data as { timings?: { cache_n?: unknown } }).timings?.cache_n;
        if (typeof cached === 'number') reused = cached;
      });
      if (top > 0) this.options.onProbabilities?.(probabilities);
      if (finish === null && !done) {
        return ended('error', localizedError('unavailable', 'errors:remote.streamEnded'));
      }
      return ended(finish ?? 'stop');
    } catch (error) {
      if (signal.aborted) return ended('cancelled');
      const apiError =
        error instanceof ApiError
          ? error
          : localizedError('internal', 'errors:engine.couldNotContinue', {
              detail: error instanceof Error ? error.message : String(error),
            });
      if (!this.model) this.failed(apiError);
      return ended('error', apiError);
    }
  }

  private async connect(): Promise<LoadedModelInfo> {
    const startedAt = performance.now();
    const { settings } = this.options;
    this.setState('loading');
    try {
      const models = await this.server.listModels();
      const model = settings.model || (models[0] as string);
      if (settings.model && !models.includes(settings.model)) {
        throw localizedError('not_found', 'errors:remote.modelNotFound', {
          url: settings.baseUrl,
          model: settings.model,
        });
      }
      const serverContext = settings.contextSize === null ? await this.server.contextSize() : null;
      const contextSize = settings.contextSize ?? serverContext ?? ASSUMED_CONTEXT_SIZE;
      const tokens = await this.server.countTokens('Hello', model);
      this.tokenizer = tokens === null ? 'estimate' : 'server';
      const url = new URL(settings.baseUrl);
      this.model = {
        path: settings.baseUrl,
        fileName: model,
        architecture: 'remote',
        description: `${url.host} · ${model}`,
        sizeBytes: 0,
        contextSize,
        trainContextSize: 0,
        layers: 0,
        embeddingSize: 0,
        vocabularySize: 0,
        backend: 'cpu',
        devices: [],
        gpuLayers: 0,
        fallbackReason: null,
        threads: { generation: 1, prompt: 1, source: 'default' },
        loadMs: round(performance.now() - startedAt),
        memory: {
          modelBytes: 0,
          contextBytes: 0,
          hostRssBytes: 0,
          vramBytes: null,
          freeVramBytes: null,
          totalVramBytes: null,
          measuredAt: Date.now(),
        },
        remote: {
          baseUrl: settings.baseUrl,
          host: url.host,
          model,
          tokenizer: this.tokenizer,
          contextSource:
            settings.contextSize !== null
              ? 'writer'
              : serverContext !== null
                ? 'server'
                : 'assumed',
        },
      };
      this.message = undefined;
      this.lastError = null;
      this.setState('ready');
      return this.model;
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : localizedError('unavailable', 'errors:remote.network', {
              url: settings.baseUrl,
              detail: String(error),
            });
      this.failed(apiError);
      throw apiError;
    }
  }

  /**
   * The server's count (its tokenizer, BOS included), or null once it is known to have none.
   * Recent counts are remembered: the status bar's plan and the continue after it ask for the
   * same texts (the memory, the window, the probes near the last cut).
   */
  private async count(text: string, signal?: AbortSignal): Promise<number | null> {
    if (this.tokenizer === 'estimate') return null;
    const known = this.counts.get(text);
    if (known !== undefined) {
      this.counts.delete(text);
      this.counts.set(text, known);
      return known;
    }
    const model = this.model?.remote?.model ?? this.options.settings.model;
    const count = await this.server.countTokens(text, model, signal);
    if (count === null) {
      this.tokenizer = 'estimate';
      return null;
    }
    this.counts.set(text, count);
    if (this.counts.size > REMEMBERED_COUNTS) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
    return count;
  }

  private failed(error: ApiError): void {
    this.model = null;
    this.lastError = error;
    this.message = error.localized;
    // 'crashed' is what the status bar shows as "not ready"; the next request asks again.
    this.setState('crashed');
  }

  private setState(state: EngineStatus['state']): void {
    this.state = state;
    this.options.emitStatus?.(this.status());
  }
}

interface Choice {
  text?: unknown;
  finish_reason?: unknown;
  logprobs?: unknown;
}

function firstChoice(data: unknown): Choice | null {
  const choices = (data as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) return null;
  const first: unknown = choices[0];
  return typeof first === 'object' && first !== null ? (first as Choice) : null;
}

function isUsageOnly(data: unknown): boolean {
  const value = data as { choices?: unknown; usage?: unknown } | null;
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray(value.choices) &&
    value.choices.length === 0 &&
    value.usage !== undefined
  );
}

function mapFinish(reason: string): FinishReason {
  return reason === 'length' ? 'length' : 'stop';
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
