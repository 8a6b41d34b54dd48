/**
 * What the model weighed at each generated token: the token's text, its probability and the
 * most likely tokens it was chosen from. The probabilities are those of the distribution the
 * token was drawn from, after the sampler settings (repetition penalty, top-k, top-p, min-p,
 * temperature) have been applied and renormalised; with temperature 0 (greedy) that is the
 * model's own distribution after the repetition penalty. Where the sampler keeps the whole
 * vocabulary (greedy, or no top-k, top-p or min-p), only the chosen token is listed: handing
 * over the whole distribution at every token would cost most of the speed.
 */
import { z } from 'zod';

/** How many alternatives each token carries (the most likely first). */
export const TOP_ALTERNATIVES = 10;
/** A token's text is short; anything longer is not a token the engine made. */
export const MAX_TOKEN_TEXT_CHARS = 256;

const probability = z.number().min(0).max(1);

export const tokenAlternative = z.object({
  text: z.string().max(MAX_TOKEN_TEXT_CHARS),
  p: probability,
});
export type TokenAlternative = z.infer<typeof tokenAlternative>;

export const tokenStep = z.object({
  /** The text this token added to the output ('' for a token that completes a later one). */
  text: z.string().max(MAX_TOKEN_TEXT_CHARS),
  /** The probability of the token that was chosen. */
  p: probability,
  /**
   * The most likely tokens at this step, most likely first; the chosen token is always among
   * them (added last when it was not in the top TOP_ALTERNATIVES).
   */
  alternatives: z.array(tokenAlternative).max(TOP_ALTERNATIVES + 1),
});
export type TokenStep = z.infer<typeof tokenStep>;
