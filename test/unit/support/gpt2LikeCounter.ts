import type { TokenCounter } from '../../../electron/engine/promptAssembly.js';

/**
 * A stand-in for the engine's tokenizer with GPT-2's pre-tokenizer rules, one token per
 * pre-token: enough to check where parts land and how budgets add up.
 */
export function gpt2LikeCounter(): TokenCounter {
  const pattern = / ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;
  return (text: string) => text.match(pattern)?.length ?? 0;
}
