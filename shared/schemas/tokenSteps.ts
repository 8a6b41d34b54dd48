/**
 * What the model weighed at each generated token: the token's text, its probability and the
 * most likely tokens it was chosen from. Which distribution the probabilities are from is said
 * by `distribution`:
 * - absent ('sampled'): the distribution the token was drawn from, after the sampler settings
 *   (token biases, repetition penalty, top-k, top-p, min-p, temperature) have been applied and
 *   renormalised over what they keep. Where the sampler keeps the whole vocabulary at a
 *   temperature above 0 (no top-k, top-p or min-p), only the chosen token is listed: handing
 *   over the whole distribution at every token would cost most of the speed.
 * - 'greedy' (temperature 0, the most likely token always taken): the model's own distribution
 *   after the token biases and repetition penalty, over its GREEDY_CANDIDATES most likely
 *   tokens, renormalised over them. The true probabilities are these times the share of the
 *   whole distribution those candidates hold, which llama.cpp does not hand over cheaply.
 */
import { z } from 'zod';

/** How many alternatives each token carries (the most likely first). */
export const TOP_ALTERNATIVES = 10;
/**
 * Greedy steps show the model's distribution over this many of its most likely tokens. More
 * would show truer figures but cost speed: measured as CPU time a token on the demo model, 64
 * cost no more than greedy itself, 100 cost 3–15% more. At most 128: llama.cpp's cheap partial
 * sort, on which greedy's tie rule relies (electron/engine/host/probabilityCompletion.ts).
 */
export const GREEDY_CANDIDATES = 64;
/** A token's text is short; anything longer is not a token the engine made. */
export const MAX_TOKEN_TEXT_CHARS = 256;

const probability = z.number().min(0).max(1);

export const tokenAlternative = z.object({
  text: z.string().max(MAX_TOKEN_TEXT_CHARS),
  p: probability,
});
export type TokenAlternative = z.infer<typeof tokenAlternative>;

/** Which distribution a step's probabilities are from (see the top of this file). */
export const stepDistribution = z.enum(['sampled', 'greedy']);
export type StepDistribution = z.infer<typeof stepDistribution>;

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
  /** Absent: 'sampled'. */
  distribution: stepDistribution.optional(),
});
export type TokenStep = z.infer<typeof tokenStep>;
