/**
 * The evaluated prefix kept between completions, reused only where reuse is exact.
 *
 * A prompt evaluated in different batches can give slightly different numbers, and then the
 * same seed no longer gives the same text. So every prompt is evaluated in chunks that start at
 * multiples of PROMPT_CHUNK_TOKENS positions (the context's batch size is that chunk, and the
 * evaluation of what is not reused starts on a chunk boundary), whether the cache is cold or
 * warm. A reused prefix is cut back to the last whole chunk that was evaluated as a whole chunk:
 * every token after it is evaluated exactly as a cold evaluation would have, so a warm
 * continuation is the same as a cold one, token for token.
 */
import type { LlamaContextSequence, Token } from 'node-llama-cpp';

/**
 * Small enough that an alternative (the same prompt again) or a sentence added at the end
 * re-evaluates little, large enough that a cold prompt still reads in few batches.
 */
export const PROMPT_CHUNK_TOKENS = 64;

export class PromptCache {
  /** Leading tokens of the sequence that were evaluated as whole aligned chunks. */
  private alignedTokens = 0;
  /**
   * The text the last continue's window kept: its start is kept while the text still fits, so
   * that consecutive continues at the end of a long document share their prefix.
   */
  windowAnchor: string | null = null;

  constructor(private readonly sequence: LlamaContextSequence) {}

  /**
   * Keeps the longest reusable prefix for `tokens` (whole aligned chunks that match), erases the
   * rest, and returns how many tokens are kept. The last token is never kept: the next token is
   * sampled from its evaluation.
   */
  async prepare(tokens: readonly Token[]): Promise<number> {
    const cached = this.sequence.contextTokens;
    const limit = Math.min(cached.length, tokens.length - 1, this.alignedTokens);
    let common = 0;
    while (common < limit && cached[common] === tokens[common]) common += 1;
    const reused = common - (common % PROMPT_CHUNK_TOKENS);
    // Until this prompt has been evaluated, only the kept prefix is known to be whole chunks
    // (a cancel in the middle of the prompt leaves it at that).
    this.alignedTokens = reused;
    if (this.sequence.nextTokenIndex > reused) {
      await this.sequence.eraseContextTokenRanges([
        { start: reused, end: this.sequence.nextTokenIndex },
      ]);
    }
    return reused;
  }

  /** The whole prompt of `length` tokens has been evaluated, chunk by chunk from a boundary. */
  promptEvaluated(length: number): void {
    this.alignedTokens = length - (length % PROMPT_CHUNK_TOKENS);
  }

  /** Something else used the sequence (thread tuning): nothing in it is trusted. */
  forget(): void {
    this.alignedTokens = 0;
  }
}
