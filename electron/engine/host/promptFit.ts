/**
 * Fitting a prompt into the model's context: GPT-2 sees at most 1024 tokens, prompt and new
 * tokens together, so the oldest text goes first. Cutting happens on token boundaries, and never
 * leaves half a character at the start (GPT-2's byte-level tokens can split one UTF-8 character).
 */

export interface PromptFitLimits {
  contextSize: number;
  maxTokens: number;
  /** Tokens the engine adds itself before the prompt (a BOS token), which use context too. */
  reservedTokens: number;
}

export interface PromptFit<T> {
  tokens: T[];
  /** How many tokens were cut from the start. */
  dropped: number;
  /** The new-token budget, lowered if the context cannot hold it with at least one prompt token. */
  maxTokens: number;
}

export function fitPromptToContext<T>(
  promptTokens: readonly T[],
  limits: PromptFitLimits,
  startsMidCharacter: (token: T) => boolean = () => false,
): PromptFit<T> {
  const usable = limits.contextSize - limits.reservedTokens;
  if (usable < 2) throw new RangeError(`A context of ${limits.contextSize} tokens is too small.`);
  const maxTokens = Math.max(1, Math.min(limits.maxTokens, usable - 1));
  const room = usable - maxTokens;
  let dropped = Math.max(0, promptTokens.length - room);
  if (dropped > 0) {
    // Only when cutting: a prompt that fits is left exactly as the writer wrote it.
    while (dropped < promptTokens.length - 1 && startsMidCharacter(promptTokens[dropped] as T)) {
      dropped += 1;
    }
  }
  return { tokens: promptTokens.slice(dropped), dropped, maxTokens };
}
