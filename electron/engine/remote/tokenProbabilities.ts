/**
 * Each generated token's probability and its most likely alternatives, from a completion event's
 * `logprobs`, in either shape servers send: llama.cpp's (`content: [{token, logprob,
 * top_logprobs: [{token, logprob}]}]`) and OpenAI's legacy completions shape that vLLM follows
 * (`tokens`, `token_logprobs`, `top_logprobs: [{token: logprob}]`). Anything else gives nothing.
 */

export interface TokenAlternative {
  token: string;
  /** Natural log of its probability. */
  logprob: number;
}

export interface TokenProbability extends TokenAlternative {
  /** The most likely tokens at this step, the chosen one among them when it was likely enough. */
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
      const top = (entry as { top_logprobs?: unknown }).top_logprobs;
      return [{ ...item, top: Array.isArray(top) ? top.flatMap((t) => alternative(t) ?? []) : [] }];
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
              typeof lp === 'number' ? [{ token: text, logprob: lp }] : [],
            )
          : [];
      return [{ token, logprob, top: top.sort((a, b) => b.logprob - a.logprob) }];
    });
  }
  return [];
}

function alternative(entry: unknown): TokenAlternative | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { token, logprob } = entry as { token?: unknown; logprob?: unknown };
  return typeof token === 'string' && typeof logprob === 'number' ? { token, logprob } : null;
}
