/**
 * Keeps the model from computing while the writer types through its suggestion. On a machine
 * with few cores a generation keeps one of them busy, and that slows the writer's keystrokes on
 * the others about as much as taking the core away (lowering the host's priority, nice 19 or
 * SCHED_IDLE, does not help: measured with bench/typingLatency.ts). Their typing matters more
 * than text they are not shown yet (the editor already waits for a pause in their typing before
 * it draws streamed tokens), so the next token waits for that pause too, and the generation then
 * goes on where it was. The editor renews the wait while the writer types through a suggestion
 * well ahead of them.
 */
import { TYPING_PAUSE_MS } from '../../../shared/channels/generation.js';

/** A cell nobody notifies: Atomics.wait on it is a sleep that blocks only this thread. */
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

export class TypingHold {
  private typingUntil = Number.NEGATIVE_INFINITY;
  private heldMs = 0;

  constructor(
    private readonly pauseMs = TYPING_PAUSE_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => void = (ms) => {
      Atomics.wait(sleepCell, 0, 0, ms);
    },
  ) {}

  /** The writer kept a key's worth of the suggestion just now. */
  noteTyping(): void {
    this.typingUntil = this.now() + this.pauseMs;
  }

  /**
   * Called between tokens: returns at once unless the writer is typing, else once they have
   * paused. It blocks the host's thread on purpose: node-llama-cpp computes the next token as
   * soon as this returns, and a key that comes in meanwhile is seen after it (a cancel too, at
   * most one pause late).
   */
  waitForPause(): void {
    const left = this.typingUntil - this.now();
    if (left <= 0) return;
    this.sleep(left);
    this.heldMs += left;
  }

  /** How long the generation waited for the writer, left out of its tokens per second. */
  get totalHeldMs(): number {
    return this.heldMs;
  }
}
