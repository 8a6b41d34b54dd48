/**
 * A completion that also reports what the model weighed at each token: node-llama-cpp's
 * LlamaCompletion has no way to hand out per-token probabilities, so this one drives the
 * sequence itself through `evaluateWithMetadata` (which LlamaCompletion's `evaluate` is a thin
 * wrapper of) with the same sampler options, the same way of holding back a token that ends in
 * half a character, and the same repetition-penalty window. With the same seed it gives the same
 * tokens as LlamaCompletion (test/integration/tokenProbabilities.test.ts checks it), so turning
 * probabilities on never changes the text.
 *
 * It takes LlamaCompletion's options object, so completionRunner passes one set of sampler
 * options to whichever of the two runs. What it does not implement (grammars, custom stop
 * triggers, context shifts: completionRunner uses none of them) is refused, not ignored.
 */
import {
  type LlamaCompletionGenerationOptions,
  type LlamaCompletionResponse,
  type LlamaContextSequence,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import { TOP_ALTERNATIVES, type TokenStep } from '../../../shared/schemas/tokenSteps.js';
import { completionStartToken } from './promptFit.js';

const UNKNOWN_UNICODE_CHAR = '\uFFFD';
/** LlamaCompletion's default, kept so both run the same evaluation priority. */
const DEFAULT_EVALUATION_PRIORITY = 5;
/** LlamaCompletion's default repetition-penalty window. */
const DEFAULT_REPEAT_LAST_TOKENS = 64;

export type StepListener = (steps: TokenStep[]) => void;

/** The part of LlamaCompletion that completionRunner calls. */
export interface TokenCompletion {
  generateCompletionWithMeta(
    tokens: Token[],
    options: LlamaCompletionGenerationOptions,
  ): Promise<LlamaCompletionResponse>;
}

export class ProbabilityCompletion implements TokenCompletion {
  /** Each token's own text, detokenized once per completion (alternatives repeat a lot). */
  private readonly pieces = new Map<Token, string>();

  constructor(
    private readonly sequence: LlamaContextSequence,
    private readonly onSteps: StepListener,
  ) {}

  async generateCompletionWithMeta(
    input: Token[],
    options: LlamaCompletionGenerationOptions,
  ): Promise<LlamaCompletionResponse> {
    refuseUnsupported(options);
    const { sequence } = this;
    const model = sequence.model;
    const { signal } = options;
    const ensureNotAborted = (): void => {
      if (signal?.aborted) throw signal.reason;
    };
    const bos = completionStartToken(model);
    const tokens = bos === null ? input.slice() : [bos, ...input];
    const room = sequence.context.contextSize - tokens.length;
    const maxTokens =
      options.maxTokens !== undefined && options.maxTokens > 0
        ? Math.min(options.maxTokens, room)
        : room;
    ensureNotAborted();

    // What the sequence already holds of the prompt is kept (the prompt cache prepared it).
    const last = tokens.pop() as Token;
    await sequence.adaptStateToTokens(tokens, false);
    tokens.push(last);
    ensureNotAborted();
    const toEvaluate = tokens.slice(sequence.nextTokenIndex);

    const released: Token[] = [];
    const penalty = options.repeatPenalty === false ? null : (options.repeatPenalty ?? {});
    const lastTokens = penalty?.lastTokens ?? DEFAULT_REPEAT_LAST_TOKENS;
    const punishTokens = (): Token[] => {
      const recent = released.slice(-lastTokens);
      const newline = model.tokens.nl;
      return penalty?.penalizeNewLine || newline === null
        ? recent
        : recent.filter((token) => token !== newline);
    };
    const evaluation = sequence.evaluateWithMetadata(
      toEvaluate,
      wholeVocabulary(options)
        ? { confidence: true, probabilities: false }
        : { confidence: false, probabilities: true },
      withoutUndefined({
        temperature: options.temperature,
        minP: options.minP,
        topK: options.topK,
        topP: options.topP,
        seed: options.seed,
        xtc: options.xtc,
        repeatPenalty:
          penalty === null || lastTokens <= 0
            ? undefined
            : {
                punishTokens,
                maxPunishTokens: lastTokens,
                penalty: penalty.penalty,
                frequencyPenalty: penalty.frequencyPenalty,
                presencePenalty: penalty.presencePenalty,
              },
        dryRepeatPenalty: options.dryRepeatPenalty,
        tokenBias: options.tokenBias,
        evaluationPriority: options.evaluationPriority ?? DEFAULT_EVALUATION_PRIORITY,
        yieldEogToken: true,
      }),
    );

    // Tokens that end in half a character wait for the token that completes it.
    let held: { token: Token; step: TokenStep }[] = [];
    let generated = 0;
    const respond = (stopReason: 'eogToken' | 'maxTokens'): LlamaCompletionResponse => ({
      response: model.detokenize(released),
      metadata: { stopReason },
    });
    for await (const output of evaluation) {
      ensureNotAborted();
      generated += 1;
      const { token } = output;
      const piece = this.piece(model, token);
      const { probabilities, confidence } = output as {
        probabilities?: Map<Token, number>;
        confidence?: number;
      };
      const step = this.stepOf(model, token, probabilities, confidence);
      if (model.isEogToken(token)) return respond('eogToken');
      const special = model.isSpecialToken(token);
      const halfCharacter = piece.endsWith(UNKNOWN_UNICODE_CHAR) && !special;
      if (held.length === 0 && halfCharacter) {
        // As LlamaCompletion: the first held token does not count towards maxTokens yet.
        held.push({ token, step });
        continue;
      }
      held.push({ token, step });
      const waitsOn = halfCharacter || (piece === '' && held.length > 1 && !special);
      if (!waitsOn) {
        const group = held.map((entry) => entry.token);
        const text = model.detokenize(group, false, released);
        const steps = held.map((entry, index) => ({
          ...entry.step,
          text: index === held.length - 1 ? text : '',
        }));
        held = [];
        options.onToken?.(group);
        this.onSteps(steps);
        if (text !== '') options.onTextChunk?.(text);
        released.push(...group);
      }
      if (generated >= maxTokens) return respond('maxTokens');
      // The prompt was fitted so that maxTokens fits: the context never fills before that.
      if (sequence.nextTokenIndex >= sequence.context.contextSize - 1) return respond('maxTokens');
    }
    return respond('eogToken');
  }

  private piece(model: LlamaModel, token: Token): string {
    let text = this.pieces.get(token);
    if (text === undefined) {
      text = model.detokenize([token]);
      this.pieces.set(token, text);
    }
    return text;
  }

  private stepOf(
    model: LlamaModel,
    token: Token,
    probabilities: Map<Token, number> | undefined,
    confidence: number | undefined,
  ): TokenStep {
    const alternatives: TokenStep['alternatives'] = [];
    let chosenListed = false;
    // The map is sorted by probability, most likely first.
    for (const [candidate, p] of probabilities ?? []) {
      if (alternatives.length === TOP_ALTERNATIVES) break;
      alternatives.push({ text: this.piece(model, candidate), p: clampProbability(p) });
      if (candidate === token) chosenListed = true;
    }
    const p = clampProbability(probabilities?.get(token) ?? confidence ?? 0);
    if (!chosenListed) alternatives.push({ text: this.piece(model, token), p });
    return { text: '', p, alternatives };
  }
}

/**
 * Whether the sampler keeps the whole vocabulary (greedy, or no top-k, top-p or min-p): then
 * node-llama-cpp would hand over all ~50,000 probabilities at every token, which costs about
 * 90% of the speed (bench/probabilities.ts), and it has no way to ask for the top few only. So
 * then only the chosen token's probability is asked for (computed in llama.cpp's own code), and
 * its step lists no other alternatives.
 */
export function wholeVocabulary(options: LlamaCompletionGenerationOptions): boolean {
  if ((options.temperature ?? 0) <= 0) return true;
  const topK = options.topK ?? 0;
  return !(topK > 0) && (options.topP ?? 1) >= 1 && !((options.minP ?? 0) > 0);
}

function refuseUnsupported(options: LlamaCompletionGenerationOptions): void {
  const unsupported = (
    ['grammar', 'customStopTriggers', 'trimWhitespaceSuffix', 'stopOnAbortSignal'] as const
  ).filter((key) => options[key] !== undefined && options[key] !== false);
  if (options.disableContextShift !== true) unsupported.push('disableContextShift' as never);
  if (unsupported.length > 0) {
    throw new Error(`ProbabilityCompletion does not support: ${unsupported.join(', ')}`);
  }
}

function clampProbability(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
