/**
 * The repetition controls as node-llama-cpp takes them: the classic penalty (divide a recent
 * token's score), the frequency penalty (lower it by so much per time it occurred) and the
 * presence penalty (lower it once if it occurred at all), over the last `repeatLastTokens` tokens,
 * with or without line breaks counted. Off entirely when none of them would do anything.
 */
import type { LLamaContextualRepeatPenalty } from 'node-llama-cpp';
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
