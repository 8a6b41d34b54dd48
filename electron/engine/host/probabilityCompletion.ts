/**
 * The host's completion, for every run: node-llama-cpp's LlamaCompletion has no way to hand out
 * per-token probabilities (and drops the DRY option), so this one drives the sequence itself
 * through `evaluateWithMetadata` (which LlamaCompletion's `evaluate` is a thin wrapper of) with
 * the same sampler options, the same way of holding back a token that ends in half a character,
 * and the same repetition-penalty window. With the same seed it gives the same tokens as
 * LlamaCompletion, steps asked for or not (test/integration/completionMatchesLlamaCompletion.test.ts),
 * so turning probabilities on never changes the text and older history replays as written.
 *
 * It takes LlamaCompletion's options object. What it does not implement (grammars, custom stop
 * triggers, context shifts: completionRunner uses none of them) is refused, not ignored.
 *
 * Greedy (temperature 0) is not run on llama.cpp's greedy sampler: asked for probabilities
 * there, node-llama-cpp's addon sorts the whole ~50,000-token candidate array at every token
 * (AddonContext.cpp, SampleToken), which cost ~60% of the speed (bench/probabilities.ts).
 * Instead each step is sampled with the same token biases and repetition penalties but top-k
 * GREEDY_CANDIDATES at temperature 1, so llama.cpp keeps (partial-sorts) only the most likely
 * candidates and hands over their probabilities, and the token llama.cpp's greedy sampler
 * would take is picked from them and fed back to the evaluation in place of the sampled one
 * (`generator.next(token)`; see greedyChoice). The sampler's repetition-penalty state follows the tokens fed back, as
 * node-llama-cpp re-reads the punished tokens before each step.
 */
import {
  type LlamaCompletionGenerationOptions,
  type LlamaCompletionResponse,
  type LlamaContextSequence,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import {
  GREEDY_CANDIDATES,
  TOP_ALTERNATIVES,
  type TokenStep,
} from '../../../shared/schemas/tokenSteps.js';
import { completionStartToken } from './promptFit.js';

const UNKNOWN_UNICODE_CHAR = '\uFFFD';
/** LlamaCompletion's default, kept so both run the same evaluation priority. */
const DEFAULT_EVALUATION_PRIORITY = 5;
/** LlamaCompletion's default repetition-penalty window. */
const DEFAULT_REPEAT_LAST_TOKENS = 64;

export type StepListener = (steps: TokenStep[]) => void;

export class ProbabilityCompletion {
  /** Each token's own text, detokenized once per completion (alternatives repeat a lot). */
  private readonly pieces = new Map<Token, string>();

  /**
   * Without a step listener it asks for no probabilities at all: it then runs what
   * LlamaCompletion cannot (DRY, which LlamaCompletion drops), at LlamaCompletion's speed.
   */
  constructor(
    private readonly sequence: LlamaContextSequence,
    private readonly onSteps: StepListener | null,
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
    const shown = this.onSteps === null ? null : shownDistribution(options);
    const sampler =
      shown === 'greedy'
        ? { temperature: 1, topK: GREEDY_CANDIDATES, topP: 1, minP: 0, seed: 0 }
        : {
            temperature: options.temperature,
            minP: options.minP,
            topK: options.topK,
            topP: options.topP,
            seed: options.seed,
          };
    const evaluation = sequence.evaluateWithMetadata(
      toEvaluate,
      shown === null
        ? {}
        : shown === 'chosenOnly'
          ? { confidence: true, probabilities: false }
          : { confidence: false, probabilities: true },
      withoutUndefined({
        ...sampler,
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
    // The token each step takes, fed back to the evaluation (greedy replaces the sampled one).
    let token: Token = 0 as Token;
    try {
      for (
        let result = await evaluation.next();
        result.done !== true;
        result = await evaluation.next(token)
      ) {
        ensureNotAborted();
        generated += 1;
        const output = result.value as {
          token: Token;
          probabilities?: Map<Token, number>;
          confidence?: number;
        };
        const { probabilities, confidence } = output;
        token = shown === 'greedy' && probabilities ? greedyChoice(probabilities) : output.token;
        const piece = this.piece(model, token);
        const step = this.stepOf(model, token, probabilities, confidence);
        if (shown === 'greedy') step.distribution = 'greedy';
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
          this.onSteps?.(steps);
          if (text !== '') options.onTextChunk?.(text);
          released.push(...group);
        }
        if (generated >= maxTokens) return respond('maxTokens');
        // The prompt was fitted so that maxTokens fits: the context never fills before that.
        if (sequence.nextTokenIndex >= sequence.context.contextSize - 1) {
          return respond('maxTokens');
        }
      }
    } finally {
      // Ends the evaluation (and frees its sampler) however the loop was left.
      await evaluation.return(undefined);
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
      // A banned token (p 0) among the candidates is no alternative.
      if (!(p > 0) && candidate !== token) continue;
      alternatives.push({ text: this.piece(model, candidate), p: clampProbability(p) });
      if (candidate === token) chosenListed = true;
    }
    const p = clampProbability(probabilities?.get(token) ?? confidence ?? 0);
    if (!chosenListed) alternatives.push({ text: this.piece(model, token), p });
    return { text: '', p, alternatives };
  }
}

/**
 * What a step's probabilities show, by sampler:
 * - 'sampled': the distribution the token is drawn from, after top-k, top-p, min-p, temperature
 *   and the penalties, which keep few enough candidates to hand over.
 * - 'greedy' (temperature 0): the model's distribution after the token biases and repetition
 *   penalties, over its GREEDY_CANDIDATES most likely tokens, renormalised; the token is the
 *   most likely of them (greedyChoice). Not with DRY or XTC, whose samplers keep state of, or
 *   act on, the sampled token rather than the one fed back.
 * - 'chosenOnly': temperature above 0 with no top-k, top-p or min-p draws from the whole
 *   vocabulary, and only llama.cpp's own sampler can draw that token for a seed; handing over
 *   all ~50,000 probabilities at every token costs most of the speed, so only the chosen
 *   token's probability is asked for (exact, and cheap: top-k 0 has already sorted them).
 */
export type ShownDistribution = 'sampled' | 'greedy' | 'chosenOnly';

export function shownDistribution(options: LlamaCompletionGenerationOptions): ShownDistribution {
  if ((options.temperature ?? 0) <= 0) {
    return options.dryRepeatPenalty !== undefined || options.xtc !== undefined
      ? 'chosenOnly'
      : 'greedy';
  }
  const topK = options.topK ?? 0;
  const truncated = topK > 0 || (options.topP ?? 1) < 1 || (options.minP ?? 0) > 0;
  return truncated ? 'sampled' : 'chosenOnly';
}

/**
 * The token llama.cpp's greedy sampler takes from these candidates (the most likely ones, after
 * the same biases and penalties): the highest logit, and of equal ones the lowest token id (it
 * scans the vocabulary in id order and moves only to a strictly higher logit). Equal logits give
 * bit-equal probabilities here (the converse fails only for two top logits within ~3e-8 of each
 * other and of magnitude under 0.5, where expf rounds both to the same float). The lowest-id one of a tie is always among the candidates:
 * llama.cpp keeps the top k with std::partial_sort, which lets a later token displace a kept one
 * only with a strictly higher logit.
 */
export function greedyChoice(probabilities: ReadonlyMap<Token, number>): Token {
  let best: Token | null = null;
  let bestP = -Infinity;
  for (const [candidate, p] of probabilities) {
    if (p > bestP || (p === bestP && best !== null && candidate < best)) {
      best = candidate;
      bestP = p;
    }
  }
  if (best === null) throw new Error('The sampler kept no candidate token');
  return best;
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
