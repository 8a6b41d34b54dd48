/**
 * What the model host does with each request from main. One model at a time; completions run
 * one after another (they share the model's single sequence), while cancel, typing, tokenize,
 * fit and info answer at once, even during a long generation.
 */
import { ApiError, type ApiErrorShape } from '../../../shared/errors.js';
import { localizedError } from '../../../shared/i18n/localizedMessage.js';
import type { LoadedModelInfo } from '../../../shared/schemas/engine.js';
import { runCompletion } from './completionRunner.js';
import { estimateOnGpu } from './gpuEstimate.js';
import { IdleThreadTuning, tuneLoadedModel } from './idleThreadTuning.js';
import { disposeLoadedModel, loadModel, measureMemory, type LoadedModel } from './modelLoader.js';
import { emptyTimings, type HostMessage, type HostRequest, type LoadRequest } from '../protocol.js';
import { countPromptTokens, fitPrompt, promptTokensFor } from './promptFit.js';
import { TypingHold } from './typingHold.js';

/** Checks a model file before llama.cpp sees it; throws with a message for the writer. */
export type ModelFileCheck = (path: string) => Promise<void>;

export class HostEngine {
  private loaded: LoadedModel | null = null;
  /** Serialises loads, unloads and completions: they all touch the one model and sequence. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly running = new Map<string, { controller: AbortController; typing: TypingHold }>();
  /** Measures the thread counts of a model loaded with a guess, when nothing else is to do. */
  private readonly tuning = new IdleThreadTuning((signal) =>
    this.serially(async () => {
      const loaded = this.loaded;
      if (!loaded || signal.aborted) return;
      await tuneLoadedModel(loaded, signal);
    }),
  );

  constructor(
    private readonly send: (message: HostMessage) => void,
    private readonly checkModelFile: ModelFileCheck,
  ) {}

  handle(request: HostRequest): void {
    switch (request.type) {
      case 'cancel':
        this.running.get(request.targetId)?.controller.abort();
        return;
      case 'typing':
        this.running.get(request.targetId)?.typing.noteTyping();
        return;
      case 'info':
        // Memory is measured afresh: the writer asks for it to see what the model costs now.
        this.reply(request.id, () => this.freshInfo());
        return;
      case 'gpuEstimate':
        this.reply(request.id, () => estimateOnGpu(this.loaded, request));
        return;
      case 'tokenize':
        this.reply(request.id, () => ({
          tokens: promptTokensFor(this.model(), request.text).tokens,
        }));
        return;
      case 'countTokens':
        this.reply(request.id, () => {
          const loaded = this.model();
          return {
            tokens: countPromptTokens(loaded, request.text),
            contextSize: loaded.info.contextSize,
          };
        });
        return;
      case 'fit':
        this.reply(
          request.id,
          () => fitPrompt(this.model(), request.prompt, request.maxTokens).fit,
        );
        return;
      case 'load':
        this.cancelAll();
        this.tuning.busy();
        this.reply(request.id, () =>
          this.serially(() => this.load(request)).finally(() => this.idleUnlessRunning()),
        );
        return;
      case 'unload':
        this.cancelAll();
        this.tuning.busy();
        this.reply(request.id, () =>
          this.serially(async () => {
            await this.unload();
            return {};
          }),
        );
        return;
      case 'complete':
        this.complete(request);
        return;
      case 'exit':
        return;
    }
  }

  async dispose(): Promise<void> {
    this.tuning.dispose();
    this.cancelAll();
    await this.serially(() => this.unload()).catch(() => undefined);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private model(): LoadedModel {
    if (!this.loaded) throw localizedError('unavailable', 'errors:engine.noModel');
    return this.loaded;
  }

  /** Nothing left to run: the thread counts can be measured after a quiet spell. */
  private idleUnlessRunning(): void {
    if (this.running.size === 0 && this.loaded?.pendingTuning) this.tuning.idle();
  }

  private cancelAll(): void {
    for (const { controller } of this.running.values()) controller.abort();
  }

  private async load(request: LoadRequest): Promise<LoadedModelInfo> {
    await this.unload();
    const report = (
      step: Parameters<Parameters<typeof loadModel>[1]>[0],
      progress: number | null,
    ) => this.send({ type: 'progress', id: request.id, step, progress });
    report('validating', null);
    await this.checkModelFile(request.path);
    this.loaded = await loadModel(request, report);
    return this.loaded.info;
  }

  private async freshInfo(): Promise<LoadedModelInfo | null> {
    const loaded = this.loaded;
    if (!loaded) return null;
    loaded.info = { ...loaded.info, memory: await measureMemory(loaded) };
    return loaded.info;
  }

  private async unload(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = null;
    if (loaded) await disposeLoadedModel(loaded);
  }

  private complete(request: Extract<HostRequest, { type: 'complete' }>): void {
    const controller = new AbortController();
    const typing = new TypingHold();
    this.running.set(request.id, { controller, typing });
    // The writer is waiting: measuring (if it runs) stops after the evaluation it is in.
    this.tuning.busy();
    void this.serially(() => {
      const loaded = this.model();
      const prompt = fitPrompt(loaded, request.prompt, request.params.maxTokens);
      // The next continue keeps this window's start while its text still fits.
      if (request.prompt.kind === 'parts') loaded.cache.windowAnchor = prompt.windowAnchor;
      this.send({ type: 'fitted', id: request.id, fit: prompt.fit });
      return runCompletion(
        loaded,
        prompt,
        request.params,
        controller.signal,
        (text, tokens, steps) =>
          this.send({ type: 'chunk', id: request.id, text, tokens, ...(steps ? { steps } : {}) }),
        typing,
        request.probabilities === true,
      );
    })
      .catch((error: unknown) => ({
        finishReason: 'error' as const,
        text: '',
        error: toErrorShape(error),
        timings: { ...emptyTimings },
      }))
      .then((result) => {
        this.running.delete(request.id);
        this.send({ type: 'done', id: request.id, ...result });
        this.idleUnlessRunning();
      });
  }

  private reply(id: string, work: () => unknown): void {
    Promise.resolve()
      .then(work)
      .then(
        (data) => this.send({ type: 'reply', id, ok: true, data }),
        (error: unknown) => this.send({ type: 'reply', id, ok: false, error: toErrorShape(error) }),
      );
  }
}

export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message.split('\n')[0] ?? message };
}
