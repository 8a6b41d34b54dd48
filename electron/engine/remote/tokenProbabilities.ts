/**
 * Each generated token's probability and its most likely alternatives, from a completion event's
 * `logprobs`, in the shapes servers send, and as the TokenSteps the probabilities view and
 * branching read.
 *
 * Which distribution they describe depends on the server:
 * - llama.cpp asked for `post_sampling_probs` (the remote engine always asks) sends `prob` and
 *   `top_probs`: the distribution the token was drawn from, after its sampler chain (penalties,
 *   logit biases, top-k, top-p, min-p, temperature), renormalised — what the local engine shows.
 *   Without it (an older server that ignores the flag) it sends `logprob`/`top_logprobs` of a
 *   plain softmax of the logits, before any sampler setting.
 * - OpenAI's legacy completions shape, which vLLM follows (`tokens`, `token_logprobs`,
 *   `top_logprobs: [{token: logprob}]`), carries log-probabilities of the model's raw
 *   distribution, before the sampler settings.
 * Log-probabilities are turned into probabilities with exp; everything is clamped to 0…1.
 */
import {
  MAX_TOKEN_TEXT_CHARS,
  TOP_ALTERNATIVES,
  type TokenStep,
} from '../../../shared/schemas/tokenSteps.js';

export interface TokenAlternative {
  token: string;
  /** Its probability, 0…1. */
  p: number;
}

export interface TokenProbability extends TokenAlternative {
  /** The token's id where the server says (llama.cpp does). */
  id?: number;
  /** The most likely tokens at this step, most likely first. */
  top: TokenAlternative[];
}

export function readTokenProbabilities(logprobs: unknown): TokenProbability[] {
  if (typeof logprobs !== 'object' || logprobs === null) return [];
  const value = logprobs as {
    content?: unknown;
    tokens?: unknown;
    token_logprobs?: unknown;
    top_logprobs?: unknown;
  };
  if (Array.isArray(value.content)) {
    return value.content.flatMap((entry: unknown): TokenProbability[] => {
      const item = alternative(entry);
      if (!item) return [];
      const { id, top_probs, top_logprobs } = entry as {
        id?: unknown;
        top_probs?: unknown;
        top_logprobs?: unknown;
      };
      const top = Array.isArray(top_probs) ? top_probs : top_logprobs;
      return [
        {
          ...item,
          ...(typeof id === 'number' && Number.isInteger(id) && id >= 0 ? { id } : {}),
          top: Array.isArray(top) ? top.flatMap((t) => alternative(t) ?? []) : [],
        },
      ];
    });
  }
  if (Array.isArray(value.tokens) && Array.isArray(value.token_logprobs)) {
    const tops = Array.isArray(value.top_logprobs) ? value.top_logprobs : [];
    return value.tokens.flatMap((token: unknown, index): TokenProbability[] => {
      const logprob: unknown = (value.token_logprobs as unknown[])[index];
      if (typeof token !== 'string' || typeof logprob !== 'number') return [];
      const topEntry: unknown = tops[index];
      const top =
        typeof topEntry === 'object' && topEntry !== null
          ? Object.entries(topEntry as Record<string, unknown>).flatMap(([text, lp]) =>
              typeof lp === 'number' ? [{ token: text, p: fromLogprob(lp) }] : [],
            )
          : [];
      return [{ token, p: fromLogprob(logprob), top: top.sort((a, b) => b.p - a.p) }];
    });
  }
  return [];
}

/**
 * The step for one token: its probability, and the top alternatives, most likely first, with
 * the chosen token always among them (added last when it was not in the top). `text` is the
 * text it added to the output, which the caller knows (a server's token text may be half a
 * character, or held back by a stop string).
 */
export function tokenStep(token: TokenProbability, text: string): TokenStep {
  const alternatives: TokenStep['alternatives'] = [];
  let chosenListed = false;
  for (const candidate of [...token.top].sort((a, b) => b.p - a.p)) {
    if (alternatives.length === TOP_ALTERNATIVES) break;
    // A sampler that cut a token gives it probability 0: it was not a candidate.
    if (candidate.p <= 0 && candidate.token !== token.token) continue;
    alternatives.push({ text: short(candidate.token), p: clamp(candidate.p) });
    if (candidate.token === token.token) chosenListed = true;
  }
  const p = clamp(token.p);
  if (!chosenListed) alternatives.push({ text: short(token.token), p });
  return { text: short(text), p, alternatives };
}

function alternative(entry: unknown): TokenAlternative | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { token, logprob, prob } = entry as { token?: unknown; logprob?: unknown; prob?: unknown };
  if (typeof token !== 'string') return null;
  if (typeof prob === 'number') return { token, p: clamp(prob) };
  if (typeof logprob === 'number') return { token, p: fromLogprob(logprob) };
  return null;
}

function fromLogprob(logprob: number): number {
  // -Infinity (a banned token) is probability 0; NaN is nothing known, also 0.
  return clamp(Math.exp(logprob));
}

function clamp(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

function short(text: string): string {
  return text.length > MAX_TOKEN_TEXT_CHARS ? text.slice(0, MAX_TOKEN_TEXT_CHARS) : text;
}

/**
 * Turns a stream's tokens and texts into steps that spell the text. A server's token texts
 * usually spell what it sends, and then each step gets its own; where they do not (text held
 * back by a stop string, half a character, a token whose probabilities were not sent), the last
 * step of the group gets all of the group's text and the ones before it '' (as the local engine
 * does for a token completed by a later one). Tokens wait for their text and text for its
 * tokens; what still waits at the end never came out (a stop string) and has no step.
 */
export interface SpelledStep {
  step: TokenStep;
  id: number | undefined;
}

export class StepSpeller {
  private tokens: TokenProbability[] = [];
  private text = '';

  /** The steps whose text is now known, each with its token's id where the server said. */
  push(tokens: readonly TokenProbability[], text: string): SpelledStep[] {
    this.tokens.push(...tokens);
    this.text += text;
    if (this.tokens.length === 0 || this.text === '') return [];
    const group = this.tokens;
    const spelled = group.map((token) => token.token).join('') === this.text;
    const steps = group.map((token, index) => ({
      step: tokenStep(token, spelled ? token.token : index === group.length - 1 ? this.text : ''),
      id: token.id,
    }));
    this.tokens = [];
    this.text = '';
    return steps;
  }
}
