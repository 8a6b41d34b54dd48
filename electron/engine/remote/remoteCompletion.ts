/**
 * One remote completion's requests to the server: the stream of text, each token's step (its
 * probability and alternatives, handed on once its text is out), and banned phrases kept out of
 * the text. A phrase that appears is never let through: the stream is closed, the text cut
 * before the token that began it, and the server asked again from there for one token with that
 * token banned (remoteSteering.ts says why one token), then for the rest as before. So the text
 * and the steps the listeners get are always what stays.
 */
import type { FinishReason } from '../../../shared/schemas/engine.js';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import type { OpenAiServer } from './openAiServer.js';
import { PhraseGuard } from './phraseGuard.js';
import { logitBiasField, type RemoteSteering } from './remoteSteering.js';
import { readTokenProbabilities, StepSpeller, type SpelledStep } from './tokenProbabilities.js';

/** Times a completion may go back before a banned phrase; then its text ends there. */
const MAX_RETRIES = 16;
/** Without a token to ban (no tokenizer), other seeds tried at one spot before the text ends. */
const MAX_RESEEDS_AT_ONE_SPOT = 3;
const OPENAI_MAX_LOGPROBS = 5;

export interface RemoteCompletionRequest {
  server: OpenAiServer;
  /** The request's fields other than prompt, max_tokens, seed and logit_bias. */
  body: Record<string, unknown>;
  promptText: string;
  maxTokens: number;
  seed: number;
  steering: RemoteSteering | null;
  /** The server is llama.cpp (it takes `false` for a ban and post_sampling_probs). */
  llamaCpp: boolean;
  /** How many alternatives each token's step lists; 0: no steps. */
  topAlternatives: number;
  onSteps?: (steps: TokenStep[]) => void;
  onChunk: (text: string, tokens: number) => void;
  signal: AbortSignal;
}

export interface RemoteCompletionResult {
  text: string;
  outputTokens: number;
  /** How the last request ended (null: the stream ended without saying). */
  finish: FinishReason | null;
  /** The last stream ended with [DONE]. */
  done: boolean;
  firstAt: number | null;
  reusedPromptTokens: number | undefined;
}

/** A token as the completion keeps it: where its text starts and ends in the text. */
interface KeptToken {
  start: number;
  end: number;
  id: number | undefined;
  step: TokenStep | null;
}

class PhraseFound extends Error {
  constructor(readonly at: number) {
    super('a banned phrase');
  }
}

export async function runRemoteCompletion(
  request: RemoteCompletionRequest,
): Promise<RemoteCompletionResult> {
  return new RemoteCompletion(request).run();
}

class RemoteCompletion {
  private readonly guard: PhraseGuard;
  /** All the text kept so far; the first `released` characters are with the listeners. */
  private text = '';
  private released = 0;
  /** Tokens of `text` in order; the first `stepsOut` steps are with the listeners. */
  private readonly tokens: KeptToken[] = [];
  private stepsOut = 0;
  private firstAt: number | null = null;
  private reused: number | undefined;

  constructor(private readonly request: RemoteCompletionRequest) {
    this.guard = new PhraseGuard(request.steering?.phrases.map((phrase) => phrase.text) ?? []);
  }

  async run(): Promise<RemoteCompletionResult> {
    const { request } = this;
    const bansAt = new Map<number, Set<number>>();
    const reseedsAt = new Map<number, number>();
    let retries = 0;
    let seed = request.seed;
    let oneTokenBans: Set<number> | null = null;
    for (;;) {
      const remaining = request.maxTokens - this.outputTokens;
      if (remaining <= 0) return this.result('length', true);
      const single = oneTokenBans !== null;
      const attempt = await this.stream(single ? 1 : remaining, seed, oneTokenBans);
      oneTokenBans = null;
      if (attempt.found === null) {
        // The one token written in place of a phrase's start: on to the rest.
        if (single && attempt.finish === 'length') continue;
        return this.result(attempt.finish, attempt.done);
      }
      const spot = this.text.length;
      retries += 1;
      if (retries > MAX_RETRIES) return this.endHere();
      if (attempt.found.size > 0) {
        const bans = bansAt.get(spot) ?? new Set<number>();
        for (const token of attempt.found) bans.add(token);
        bansAt.set(spot, bans);
        oneTokenBans = bans;
      } else {
        const reseeds = (reseedsAt.get(spot) ?? 0) + 1;
        reseedsAt.set(spot, reseeds);
        if (reseeds > MAX_RESEEDS_AT_ONE_SPOT) return this.endHere();
        seed = (seed + 1) % 0x1_0000_0000;
      }
    }
  }

  private get outputTokens(): number {
    return this.tokens.length;
  }

  /**
   * One request from the text kept so far. Returns how it ended, or, where a banned phrase
   * appeared, the tokens to ban for one token at the spot the text was cut back to.
   */
  private async stream(
    maxTokens: number,
    seed: number,
    extraBans: ReadonlySet<number> | null,
  ): Promise<{ finish: FinishReason | null; done: boolean; found: Set<number> | null }> {
    const { request } = this;
    const biases = new Map(request.steering?.biases ?? []);
    for (const token of extraBans ?? []) biases.set(token, -Infinity);
    const wantTokens = request.topAlternatives > 0 || this.guard.active;
    // OpenAI's legacy completions give at most 5 alternatives (and refuse more).
    const top = Math.min(
      request.llamaCpp ? Infinity : OPENAI_MAX_LOGPROBS,
      Math.max(request.topAlternatives, wantTokens ? 1 : 0),
    );
    const body: Record<string, unknown> = {
      ...request.body,
      prompt: request.promptText + this.text,
      max_tokens: maxTokens,
      seed,
      ...(biases.size > 0 ? { logit_bias: logitBiasField(biases, request.llamaCpp) } : {}),
      // llama.cpp: the probabilities of the distribution the token was drawn from, after the
      // sampler chain (as the local engine shows); without the flag, those before it.
      ...(top > 0 ? { logprobs: top, n_probs: top } : {}),
      ...(top > 0 && request.llamaCpp ? { post_sampling_probs: true } : {}),
    };
    const speller = new StepSpeller();
    const attempt = new AbortController();
    const signal = AbortSignal.any([request.signal, attempt.signal]);
    let finish: FinishReason | null = null;
    const state: { found: PhraseFound | null } = { found: null };
    try {
      const { done } = await request.server.streamCompletion(body, signal, (data) => {
        if (state.found) return;
        const choice = firstChoice(data);
        if (choice === null) {
          // A last event with usage alone (OpenAI's stream_options) carries no choice.
          if (isUsageOnly(data)) return;
          throw request.server.wrongShape('/v1/completions: an event without choices[0]');
        }
        const piece = choice.text;
        if (typeof piece !== 'string') {
          throw request.server.wrongShape('/v1/completions: choices[0].text is not text');
        }
        if (typeof choice.finish_reason === 'string') finish = mapFinish(choice.finish_reason);
        const cached = (data as { timings?: { cache_n?: unknown } }).timings?.cache_n;
        if (typeof cached === 'number') this.reused ??= cached;
        const probabilities = readTokenProbabilities(choice.logprobs);
        const spelled = speller.push(probabilities, piece);
        if (piece === '' && spelled.length === 0) return;
        this.firstAt ??= performance.now();
        this.text += piece;
        if (probabilities.length > 0 || spelled.length > 0) this.keep(spelled);
        else if (piece !== '') {
          // No token information: the piece counts as one token (servers send one a piece).
          this.tokens.push({
            start: this.text.length - piece.length,
            end: this.text.length,
            id: undefined,
            step: null,
          });
        }
        const verdict = this.guard.check(this.text, this.released);
        if (verdict.kind === 'found') {
          state.found = new PhraseFound(verdict.at);
          attempt.abort(state.found);
          return;
        }
        this.release(verdict.upTo);
      });
      // The stream may have ended in the same read as the phrase appeared.
      if (state.found) return { finish: null, done: false, found: this.cutBefore(state.found.at) };
      return { finish, done, found: null };
    } catch (error) {
      if (!state.found || request.signal.aborted) throw error;
      return { finish: null, done: false, found: this.cutBefore(state.found.at) };
    }
  }

  private keep(spelled: readonly SpelledStep[]): void {
    // Text that came before its tokens is theirs: a group starts where the last token ended.
    let start = this.tokens.at(-1)?.end ?? 0;
    for (const { step, id } of spelled) {
      const end = start + step.text.length;
      this.tokens.push({
        start,
        end,
        id,
        step: this.request.topAlternatives > 0 ? step : null,
      });
      start = end;
    }
  }

  /** Hands the text up to `upTo`, and the steps wholly within it, to the listeners. */
  private release(upTo: number): void {
    if (upTo <= this.released) return;
    const steps: TokenStep[] = [];
    let count = 0;
    while (this.stepsOut < this.tokens.length) {
      const token = this.tokens[this.stepsOut] as KeptToken;
      if (token.end > upTo) break;
      if (token.step) steps.push(token.step);
      this.stepsOut += 1;
      count += 1;
    }
    if (steps.length > 0) this.request.onSteps?.(steps);
    const text = this.text.slice(this.released, upTo);
    this.released = upTo;
    this.request.onChunk(text, Math.max(1, count));
  }

  /** The end of the text: what was held back in case a phrase began there goes out too. */
  private releaseAll(): void {
    this.release(this.text.length);
    // Steps ending beyond the text (a stop string cut their token) go out cut to fit.
    const steps: TokenStep[] = [];
    for (const token of this.tokens.slice(this.stepsOut)) {
      if (token.step && token.start < this.text.length) {
        steps.push({ ...token.step, text: this.text.slice(token.start, token.end) });
      }
    }
    this.stepsOut = this.tokens.length;
    if (steps.length > 0) this.request.onSteps?.(steps);
  }

  /**
   * Cuts the text back before a phrase that starts at `at`: to the start of the token that
   * holds its first character, when none of that token's text is out yet (that token is then
   * banned at this spot), else to the phrase itself (its first token as the server splits it
   * on its own is banned). Returns the tokens to ban; empty when none is known.
   */
  private cutBefore(at: number): Set<number> {
    const bans = new Set<number>();
    const holder = this.tokens.find((token) => token.start <= at && at < token.end);
    let cut = at;
    if (holder && holder.start >= this.released && holder.id !== undefined) {
      cut = holder.start;
      bans.add(holder.id);
    }
    if (cut === at) {
      for (const phrase of this.request.steering?.phrases ?? []) {
        if (phrase.firstToken !== null && this.text.startsWith(phrase.text, at)) {
          bans.add(phrase.firstToken);
        }
      }
    }
    this.text = this.text.slice(0, cut);
    const keptTokens = this.tokens.filter((token) => token.start < cut);
    this.tokens.length = 0;
    this.tokens.push(...keptTokens);
    const last = this.tokens.at(-1);
    if (last && last.end > cut) {
      // A token the cut goes through keeps the part of its text that stays.
      last.end = cut;
      if (last.step) last.step = { ...last.step, text: this.text.slice(last.start, cut) };
    }
    this.stepsOut = Math.min(this.stepsOut, this.tokens.length);
    this.release(cut);
    return bans;
  }

  /** A banned phrase keeps coming back here: the text ends before it. */
  private endHere(): RemoteCompletionResult {
    return this.result('stop', true);
  }

  private result(finish: FinishReason | null, done: boolean): RemoteCompletionResult {
    this.releaseAll();
    return {
      text: this.text,
      outputTokens: this.outputTokens,
      finish,
      done,
      firstAt: this.firstAt,
      reusedPromptTokens: this.reused,
    };
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
