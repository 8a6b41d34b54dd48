/**
 * The repetition controls as node-llama-cpp takes them: the classic penalty (divide a recent
 * token's score), the frequency penalty (lower it by so much per time it occurred) and the
 * presence penalty (lower it once if it occurred at all), over the last `repeatLastTokens` tokens,
 * with or without line breaks counted; and DRY, which holds back the token that would extend a
 * repeat of an earlier sequence, the more the longer the repeat. Each is off entirely when it
 * would do nothing.
 */
import type { LLamaContextualDryRepeatPenalty, LLamaContextualRepeatPenalty } from 'node-llama-cpp';
import type { ResolvedGenerationParams } from '../../../shared/schemas/engine.js';

export function repeatPenaltyOf(
  params: ResolvedGenerationParams,
): LLamaContextualRepeatPenalty | false {
  const frequencyPenalty = params.frequencyPenalty ?? 0;
  const presencePenalty = params.presencePenalty ?? 0;
  const any = params.repeatPenalty > 1 || frequencyPenalty > 0 || presencePenalty > 0;
  if (!any || params.repeatLastTokens <= 0) return false;
  return {
    penalty: params.repeatPenalty,
    lastTokens: params.repeatLastTokens,
    ...(frequencyPenalty > 0 ? { frequencyPenalty } : {}),
    ...(presencePenalty > 0 ? { presencePenalty } : {}),
    penalizeNewLine: params.penalizeNewLine ?? true,
  };
}

/** DRY's growth per token of repeat beyond the allowed length: llama.cpp's and node-llama-cpp's default. */
const DRY_BASE = 1.75;

/**
 * DRY over everything generated in this continuation (node-llama-cpp's sampler sees the tokens
 * it chose, not the prompt), broken at line breaks, colons, quotes and asterisks (its defaults).
 * The window is said outright: node-llama-cpp's default (-1, "the whole context" in llama.cpp's
 * own tools) reaches llama.cpp's sampler as is, which reads a negative window as 0 and turns
 * DRY off without a word.
 */
export function dryRepeatPenaltyOf(
  params: ResolvedGenerationParams,
  contextSize: number,
): LLamaContextualDryRepeatPenalty | undefined {
  const strength = params.dryStrength ?? 0;
  if (!(strength > 0)) return undefined;
  return {
    strength,
    base: DRY_BASE,
    allowedLength: params.dryAllowedLength ?? 2,
    lastTokens: contextSize,
  };
}
