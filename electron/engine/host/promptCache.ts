/**
 * The evaluated prefix kept between completions, reused only where reuse is exact.
 *
 * A prompt evaluated in different batches can give slightly different numbers, and then the
 * same seed no longer gives the same text. So every prompt is evaluated the same way, whether
 * the cache is cold or warm: all but its last token in chunks that start at multiples of
 * PROMPT_CHUNK_TOKENS positions (the context's batch size is that chunk), and the last token on
 * its own, as the first step of the generation. What a warm evaluation keeps is therefore
 * exactly what a cold one would have computed:
 * - the same prompt again (an alternative, a replay) keeps everything but the last token, which
 *   is evaluated alone as it always is: one step instead of the whole prompt;
 * - any other prompt keeps the whole aligned chunks it shares with the last one, and every token
 *   after them is evaluated as a cold evaluation would have.
 * Generated tokens are evaluated one at a time, so a prompt that includes them (kept text) reads
 * them again in chunks.
 */
import type { LlamaContextSequence, Token } from 'node-llama-cpp';

/**
 * Small enough that a sentence added at the end re-reads little, large enough that a cold prompt
 * still reads in few batches.
 */
export const PROMPT_CHUNK_TOKENS = 64;

export class PromptCache {
  /** Leading tokens of the sequence that were evaluated as whole aligned chunks. */
  private wholeChunkTokens = 0;
  /** The prompt whose all-but-last tokens are in the sequence as a cold evaluation leaves them. */
  private evaluatedPromptLength: number | null = null;
  /**
   * The text the last continue's window kept: its start is kept while the text still fits, so
   * that consecutive continues at the end of a long document share their prefix.
   */
  windowAnchor: string | null = null;

  constructor(private readonly sequence: LlamaContextSequence) {}

  /**
   * Evaluates all of `tokens` but the last, reusing what is exact to reuse, and returns how many
   * tokens were reused. The last token is left for the generation's first step, which samples
   * from its evaluation. An aborted signal stops between chunks; what is kept is still exact.
   */
  async evaluatePrompt(tokens: readonly Token[], signal: AbortSignal): Promise<number> {
    const body = Math.max(0, tokens.length - 1);
    const reused = this.reusableTokens(tokens, body);
    // Until this prompt has been evaluated, only whole chunks of the kept prefix are trusted
    // (a cancel in the middle of the prompt leaves it at that).
    this.wholeChunkTokens = reused - (reused % PROMPT_CHUNK_TOKENS);
    this.evaluatedPromptLength = null;
    if (this.sequence.nextTokenIndex > reused) {
      await this.sequence.eraseContextTokenRanges([
        { start: reused, end: this.sequence.nextTokenIndex },
      ]);
    }
    for (let start = reused; start < body;) {
      if (signal.aborted) return reused;
      const end = Math.min(body, start - (start % PROMPT_CHUNK_TOKENS) + PROMPT_CHUNK_TOKENS);
      await this.sequence.evaluateWithoutGeneratingNewTokens(tokens.slice(start, end));
      start = end;
      this.wholeChunkTokens = start - (start % PROMPT_CHUNK_TOKENS);
    }
    this.evaluatedPromptLength = tokens.length;
    return reused;
  }

  private reusableTokens(tokens: readonly Token[], body: number): number {
    const cached = this.sequence.contextTokens;
    const limit = Math.min(cached.length, body);
    let common = 0;
    while (common < limit && cached[common] === tokens[common]) common += 1;
    if (common === body && this.evaluatedPromptLength === tokens.length) return body;
    return Math.min(common - (common % PROMPT_CHUNK_TOKENS), this.wholeChunkTokens);
  }
}
