/**
 * The engine as everything above it sees it: load a model, fit a prompt where the tokenizer is,
 * and complete it with streamed tokens. Two implementations: the local model host (EngineService
 * over the supervised node-llama-cpp process) and a remote OpenAI-compatible server
 * (remote/remoteEngine.ts); ActiveEngine (activeEngine.ts) is the one generations use, and
 * nothing above this interface knows which runs.
 */
import type {
  EngineStatus,
  LoadedModelInfo,
  ResolvedGenerationParams,
  TokenCount,
} from '../../shared/schemas/engine.js';
import type { EnginePrompt, PromptFit } from '../../shared/schemas/generations.js';
import type { TokenStep } from '../../shared/schemas/tokenSteps.js';
import type { CompletionOutcome } from './supervisor/hostConnection.js';

export type { CompletionOutcome };

/** One completion as it runs. `done` never rejects: a failure ends it with finish reason 'error'. */
export interface EngineCompletion {
  done: Promise<CompletionOutcome>;
  /** Ends it soon with finish reason 'cancelled'; harmless once it has ended. */
  cancel(): void;
  /** The writer typed through its text: the next token waits until they pause. */
  typing(): void;
}

export interface CompletionListeners {
  /**
   * How the prompt was fitted, before anything is computed; called once, before the first chunk
   * (a completion whose prompt cannot be fitted ends without it).
   */
  fitted(fit: PromptFit): void;
  chunk(text: string, tokens: number): void;
  /**
   * Given, the engine is asked for each token's probability and top alternatives (where it has
   * the capability, EngineCapabilities.tokenProbabilities): called before the chunk whose text
   * completes them; together they spell the text so far (see shared/tokenStepTrail.ts).
   */
  steps?(steps: TokenStep[]): void;
}

/** What an engine can do beyond loading, fitting and completing. Absent: none of it. */
export interface EngineCapabilities {
  /**
   * Reports what the model weighed at each token: its probability and the top alternatives in
   * the distribution it was drawn from (after the sampler settings). An engine that cannot (a
   * remote server that does not say) leaves this false and never calls `steps`.
   */
  tokenProbabilities: boolean;
}

export interface Engine {
  readonly capabilities?: EngineCapabilities;
  status(): EngineStatus;
  /** The loaded model; with none, the startup model is loaded first. Throws if none can be. */
  ensureModel(): Promise<LoadedModelInfo>;
  /** How a prompt would be fitted for maxNewTokens new tokens (nothing is computed). */
  plan(prompt: EnginePrompt, maxNewTokens: number): Promise<PromptFit>;
  countTokens(text: string): Promise<TokenCount>;
  complete(
    prompt: EnginePrompt,
    params: ResolvedGenerationParams,
    listeners: CompletionListeners,
  ): EngineCompletion;
}
