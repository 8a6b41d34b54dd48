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
import { TOP_ALTERNATIVES } from '../../../shared/schemas/tokenSteps.js';
import type {
  CompletionListeners,
  CompletionOutcome,
  Engine,
  EngineCapabilities,
  EngineCompletion,
} from '../engine.js';
import {
  OpenAiServer,
  normalizeBaseUrl,
  type ServerAddress,
  type ServerTimeouts,
} from './openAiServer.js';
import { fitRemotePrompt, estimateTokens } from './remotePromptFit.js';
import { runRemoteCompletion } from './remoteCompletion.js';
import { hasSteering, remoteSteering } from './remoteSteering.js';

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
}

/** DRY's growth per token of repeat, and the repeat it lets through: llama.cpp's defaults. */
const DRY_BASE = 1.75;
const DRY_ALLOWED_LENGTH = 2;
/** Forms of banned and biased words tokenized on the server, kept for the engine's life. */
const REMEMBERED_FORMS = 1024;

export class RemoteEngine implements Engine {
  /**
   * Token probabilities are asked for (logprobs; llama.cpp's post-sampler ones): a server that
   * sends none gives a continue without steps.
   */
  readonly capabilities: EngineCapabilities = { tokenProbabilities: true };
  private readonly server: OpenAiServer;
  /** The server answered /props: llama.cpp's server, which takes its own fields as well. */
  private llamaCpp = false;
  private readonly forms = new Map<string, number[] | null>();
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
      const steering = hasSteering(params)
        ? await remoteSteering(
            params,
            (form) => this.formTokens(form, signal),
            this.options.settings.baseUrl,
          )
        : null;
      if (signal.aborted) return ended('cancelled');
      listeners.fitted(fitted.fit);
      const result = await runRemoteCompletion({
        server: this.server,
        body: {
          model: model.remote?.model ?? model.fileName,
          temperature: params.temperature,
          top_p: params.topP,
          // Where the server takes them (llama.cpp, vLLM, KoboldCpp, Ollama): the same sampler.
          top_k: params.topK,
          min_p: params.minP,
          repeat_penalty: params.repeatPenalty,
          repeat_last_n: params.repeatLastTokens,
          // OpenAI's own names, which llama.cpp and vLLM read too (0…1 here, within their ±2).
          ...(params.frequencyPenalty ? { frequency_penalty: params.frequencyPenalty } : {}),
          ...(params.presencePenalty ? { presence_penalty: params.presencePenalty } : {}),
          // DRY as llama.cpp's server names it, over the whole context like the local engine's
          // (the server's window also takes in the prompt; the local one only the continuation).
          ...(params.dryStrength
            ? {
                dry_multiplier: params.dryStrength,
                dry_base: DRY_BASE,
                dry_allowed_length: params.dryAllowedLength ?? DRY_ALLOWED_LENGTH,
                dry_penalty_last_n: model.contextSize,
              }
            : {}),
          ...(params.stop.length > 0 ? { stop: params.stop } : {}),
          // llama.cpp keeps the evaluated prefix between requests, like the local engine.
          cache_prompt: true,
        },
        promptText: fitted.fit.promptText,
        maxTokens: fitted.maxTokens,
        seed: params.seed,
        steering,
        llamaCpp: this.llamaCpp,
        topAlternatives: listeners.steps ? TOP_ALTERNATIVES : 0,
        ...(listeners.steps ? { onSteps: (steps) => listeners.steps?.(steps) } : {}),
        onChunk: (piece, tokens) => {
          // Kept as it comes, for the end of a completion that is cancelled or fails midway.
          firstAt ??= performance.now();
          text += piece;
          outputTokens += tokens;
          listeners.chunk(piece, tokens);
        },
        signal,
      });
      firstAt = result.firstAt;
      outputTokens = result.outputTokens;
      reused = result.reusedPromptTokens;
      text = result.text;
      finish = result.finish;
      if (finish === null && !result.done) {
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
      // Asked even with the writer's context: an answer says the server is llama.cpp's.
      const serverContext = await this.server.contextSize().catch((error: unknown) => {
        if (settings.contextSize === null) throw error;
        return null;
      });
      this.llamaCpp = serverContext !== null;
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

  /** A word form's token ids on the server (null: it has no tokenizer), each asked once. */
  private async formTokens(form: string, signal: AbortSignal): Promise<number[] | null> {
    if (this.tokenizer === 'estimate') return null;
    if (this.forms.has(form)) return this.forms.get(form) ?? null;
    const model = this.model?.remote?.model ?? this.options.settings.model;
    const ids = await this.server.tokenIds(form, model, signal);
    if (this.forms.size >= REMEMBERED_FORMS) this.forms.clear();
    this.forms.set(form, ids);
    return ids;
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

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
