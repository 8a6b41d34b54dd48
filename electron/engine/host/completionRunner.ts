/**
 * One completion in the host on a fitted prompt: stream chunks, stop at stop strings (left out
 * of the text), honour cancel, and measure.
 *
 * Stop strings are matched here (StopStringMatcher), not by node-llama-cpp's customStopTriggers:
 * a stop string counts only once the output holds visible text, so a leading "\n\n" does not end
 * a completion before it starts. When one completes, an internal abort ends the generation.
 *
 * The evaluated prefix is kept between completions and reused where that is exact (see
 * promptCache.ts): only what differs from it is read again.
 */
import type { LlamaCompletionResponse } from 'node-llama-cpp';
import type {
  FinishReason,
  GenerationTimings,
  ResolvedGenerationParams,
} from '../../../shared/schemas/engine.js';
import type { ApiErrorShape } from '../../../shared/errors.js';
import { localizedError } from '../../../shared/i18n/localizedMessage.js';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import { TokenStepTrail } from '../../../shared/tokenStepTrail.js';
import type { LoadedModel } from './modelLoader.js';
import { ProbabilityCompletion } from './probabilityCompletion.js';
import { completionStartToken, type FittedPrompt } from './promptFit.js';
import { StopStringMatcher } from './stopStringMatcher.js';
import { TypingHold } from './typingHold.js';
import { dryRepeatPenaltyOf, repeatPenaltyOf } from './repeatPenalty.js';
import { WordBias } from './wordBias.js';

export interface CompletionResult {
  finishReason: FinishReason;
  text: string;
  error?: ApiErrorShape;
  timings: GenerationTimings;
}

/** steps: with probabilities on, the token steps whose text is now out (see TokenStepTrail). */
export type ChunkListener = (text: string, tokens: number, steps?: TokenStep[]) => void;

function finishReasonOf(
  stopReason: LlamaCompletionResponse['metadata']['stopReason'],
): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'abort') return 'cancelled';
  return 'stop';
}

/**
 * Runs one completion on a prompt already fitted (fitPrompt): the caller has told main how it
 * was fitted before this starts computing.
 */
export async function runCompletion(
  loaded: LoadedModel,
  prompt: FittedPrompt,
  params: ResolvedGenerationParams,
  signal: AbortSignal,
  onChunk: ChunkListener,
  typing: TypingHold = new TypingHold(),
  withProbabilities = false,
): Promise<CompletionResult> {
  const { llama, info } = loaded;
  const trail = withProbabilities ? new TokenStepTrail() : null;
  const dryRepeatPenalty = dryRepeatPenaltyOf(params, loaded.sequence.context.contextSize);
  // One completion for every run, probabilities or not: node-llama-cpp's LlamaCompletion gives the
  // same tokens (test/integration/completionMatchesLlamaCompletion.test.ts) but no steps, and it
  // drops the DRY option (3.21.1 does not pass it on to the sequence).
  const completion = new ProbabilityCompletion(
    loaded.sequence,
    trail ? (steps) => trail.push(steps) : null,
  );
  const { reserved, startedAt } = prompt;
  const fit = { tokens: prompt.tokens, maxTokens: prompt.maxTokens };
  const droppedPromptTokens = prompt.fit.plan.droppedTokens;
  let firstTokenAt: number | null = null;
  let reusedPromptTokens = 0;
  let outputTokens = 0;
  let tokensInChunk = 0;
  let text = '';
  const matcher = new StopStringMatcher(params.stop);
  // Banned words and word biases; multi-token ones follow the tokens read and written.
  const wordBias = new WordBias(loaded.model, params);
  wordBias.observe(fit.tokens);
  // Aborted when a stop string completes; the caller's signal still means cancel.
  const stopController = new AbortController();
  const generationSignal = AbortSignal.any([signal, stopController.signal]);
  const emit = (chunk: string): void => {
    if (chunk === '') return;
    text += chunk;
    if (trail) onChunk(chunk, tokensInChunk, trail.release(text.length));
    else onChunk(chunk, tokensInChunk);
    tokensInChunk = 0;
  };
  /** The steps of the text that ended up out, the last one cut where the text was. */
  const emitLastSteps = (): void => {
    const steps = trail?.finish(text.length) ?? [];
    if (steps.length > 0) onChunk('', 0, steps);
  };
  /** How the completion ends: a completed stop string wins, else held-back text is handed out. */
  const finish = (reason: FinishReason, error?: ApiErrorShape): CompletionResult => {
    if (stopController.signal.aborted) {
      emitLastSteps();
      return { finishReason: 'stop', text, timings: measure() };
    }
    emit(matcher.flush());
    emitLastSteps();
    return { finishReason: reason, text, ...(error ? { error } : {}), timings: measure() };
  };

  const measure = (): GenerationTimings => {
    const endedAt = performance.now();
    const promptTokens = fit.tokens.length + reserved;
    const promptSeconds = firstTokenAt === null ? 0 : (firstTokenAt - startedAt) / 1000;
    // The model's speed: time spent waiting for the writer to pause is not generation time.
    const generationSeconds =
      firstTokenAt === null ? 0 : (endedAt - firstTokenAt - typing.totalHeldMs) / 1000;
    return {
      timeToFirstTokenMs: firstTokenAt === null ? null : round(firstTokenAt - startedAt),
      promptTokens,
      droppedPromptTokens,
      reusedPromptTokens,
      outputTokens,
      tokensPerSecond:
        outputTokens > 1 && generationSeconds > 0
          ? round((outputTokens - 1) / generationSeconds)
          : 0,
      promptTokensPerSecond: promptSeconds > 0 ? round(promptTokens / promptSeconds) : 0,
      totalMs: round(endedAt - startedAt),
    };
  };

  if (signal.aborted) return { finishReason: 'cancelled', text, timings: measure() };
  try {
    // Prompt batches and single-token steps run best with different thread counts.
    llama.maxThreads = info.threads.prompt;
    // The cache evaluates what the completion will find in the sequence: any start token too.
    const start = completionStartToken(loaded.model);
    const evaluated = start === null ? fit.tokens : [start, ...fit.tokens];
    reusedPromptTokens = await loaded.cache.evaluatePrompt(evaluated, generationSignal);
    if (signal.aborted) return finish('cancelled');
    const response = await completion.generateCompletionWithMeta(fit.tokens, {
      onToken: (generated) => {
        wordBias.observe(generated);
        if (matcher.stopped) return;
        if (firstTokenAt === null) {
          firstTokenAt = performance.now();
          llama.maxThreads = info.threads.generation;
        }
        outputTokens += generated.length;
        tokensInChunk += generated.length;
      },
      onTextChunk: (chunk) => {
        if (matcher.stopped) return;
        const step = matcher.push(chunk);
        emit(step.emit);
        if (step.stopped) stopController.abort();
        // The token is out; the next one is computed as soon as this returns.
        else typing.waitForPause();
      },
      // Abort throws at the next step (even mid-prompt); the text so far is kept from the chunks.
      signal: generationSignal,
      stopOnAbortSignal: false,
      maxTokens: fit.maxTokens,
      temperature: params.temperature,
      topK: params.topK,
      topP: params.topP,
      minP: params.minP,
      seed: params.seed,
      repeatPenalty: repeatPenaltyOf(params),
      ...(dryRepeatPenalty ? { dryRepeatPenalty } : {}),
      ...(wordBias.active ? { tokenBias: wordBias.tokenBias } : {}),
      // The prompt was trimmed so that prompt + maxTokens fits: no context shift is ever needed.
      disableContextShift: true,
      contextShiftSize: 1,
    });
    // A stop string may complete on the very token that reaches maxTokens: it still ends 'stop'.
    return finish(finishReasonOf(response.metadata.stopReason));
  } catch (error) {
    if (signal.aborted) return finish('cancelled');
    return finish(
      'error',
      localizedError('internal', 'errors:engine.couldNotContinue', {
        detail: describe(error),
      }).toJSON(),
    );
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
