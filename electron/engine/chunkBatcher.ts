/**
 * Joins streamed chunks that come closer together than one frame. A small model writes hundreds
 * of tokens a second, and each message costs every process on its way to the page (this host,
 * main, the browser's network and renderer processes) CPU that the writer's typing needs, while
 * the page shows at most one update a frame anyway. A chunk after a quiet spell (the first one
 * above all) goes at once, so the time to the first token does not change; `flush` hands over
 * what is held, before the end is sent.
 */

/** One frame at 60 Hz. */
export const CHUNK_INTERVAL_MS = 16;

export class ChunkBatcher {
  private text = '';
  private tokens = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly send: (text: string, tokens: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(text: string, tokens: number): void {
    this.text += text;
    this.tokens += tokens;
    const wait = this.lastSentAt + CHUNK_INTERVAL_MS - this.now();
    // Checked on every push as well: a busy event loop can run the timer late.
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.text === '' && this.tokens === 0) return;
    const { text, tokens } = this;
    this.text = '';
    this.tokens = 0;
    this.lastSentAt = this.now();
    this.send(text, tokens);
  }
}
