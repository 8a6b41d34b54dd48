/**
 * Fitting a prompt into a remote server's context with the server's own tokenizer. The assembly
 * is the local engine's (promptAssembly.ts: memory first, the author's note near the end, the
 * oldest text cut at word boundaries), whose counter is synchronous; here each count is a request
 * to the server. So assembly runs, stops at the first text it has no count for, that text is
 * counted (one /tokenize), and it runs again: the probes of its search are asked one by one, each
 * once. A server without /tokenize gets estimates instead, generous enough that the prompt fits,
 * and the plan says so.
 */
import type { EnginePrompt, PromptFit } from '../../../shared/schemas/generations.js';
import { assemblePrompt } from '../promptAssembly.js';

/** Counts a text as a prompt on the server; null when the server cannot count. */
export type RemoteTokenCounter = (text: string) => Promise<number | null>;

/**
 * Characters per token assumed without a tokenizer: English runs at ~4 characters per token on
 * common vocabularies, other scripts fewer, so 2.5 leaves room (and a BOS token is added).
 */
const ESTIMATED_CHARS_PER_TOKEN = 2.5;
/** Distinct texts counted for one fit at most (a binary search over a window needs ~20). */
const MAX_COUNTS = 64;

export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.ceil(text.length / ESTIMATED_CHARS_PER_TOKEN) + 1;
}

class CountNeeded {
  constructor(readonly text: string) {}
}

export interface RemoteFit {
  fit: PromptFit;
  /** The new-token budget that fits. */
  maxTokens: number;
  /** Where a continue's window of text began, to be kept next time (null: nothing was cut). */
  windowAnchor: string | null;
  /** The counts are estimates (the server has no tokenizer endpoint). */
  estimated: boolean;
}

export async function fitRemotePrompt(
  prompt: EnginePrompt,
  maxTokens: number,
  contextSize: number,
  countTokens: RemoteTokenCounter,
  windowAnchor: string | null,
): Promise<RemoteFit> {
  const counts = new Map<string, number>();
  let estimated = false;
  const input =
    prompt.kind === 'parts'
      ? {
          memory: prompt.memory,
          authorsNote: prompt.authorsNote,
          textBeforeCursor: prompt.textBeforeCursor,
          noteDepthLines: prompt.noteDepthLines,
        }
      : { memory: '', authorsNote: '', textBeforeCursor: prompt.text };
  const budget = Math.max(1, Math.min(maxTokens, contextSize - 2));
  for (;;) {
    try {
      const assembled = assemblePrompt(
        {
          ...input,
          contextSize,
          maxNewTokens: budget,
          windowAnchor: prompt.kind === 'parts' ? windowAnchor : null,
        },
        (text) => {
          const known = counts.get(text);
          if (known !== undefined) return known;
          if (estimated || counts.size >= MAX_COUNTS) return estimateTokens(text);
          throw new CountNeeded(text);
        },
      );
      return {
        fit: {
          promptText: assembled.text,
          plan: {
            promptTokens: assembled.promptTokens,
            maxNewTokens: budget,
            contextSize,
            droppedTokens: assembled.droppedTokens,
            droppedTokensEstimated: estimated || assembled.droppedTokensEstimated,
            ...(prompt.kind === 'parts' ? { parts: assembled.parts } : {}),
            ...(estimated ? { tokensEstimated: true } : {}),
          },
        },
        maxTokens: budget,
        windowAnchor: assembled.windowAnchor,
        estimated,
      };
    } catch (error) {
      if (!(error instanceof CountNeeded)) throw error;
      const count = await countTokens(error.text);
      if (count === null) estimated = true;
      else counts.set(error.text, count);
    }
  }
}
