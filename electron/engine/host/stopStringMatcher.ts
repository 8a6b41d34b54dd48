/**
 * Stop strings for one completion, found in the text as it streams.
 *
 * A stop string counts only after the model has written some visible (non-whitespace) text: a
 * match that starts before the first visible character is ordinary text. A writer expects a stop
 * string such as "\n\n" to end what the model wrote, not to end the completion before it wrote
 * anything (GPT-2 often starts with its single "\n\n" token).
 *
 * Text that could still become the start of a counted stop string is held back until the next
 * chunk settles it, so a stop string is never part of the text handed out, even when it arrives
 * split across chunks.
 */

export interface StopStringStep {
  /** Text that is safe to hand out now (possibly empty). */
  emit: string;
  /** A stop string completed: `emit` is the last text, ending just before the stop string. */
  stopped: boolean;
}

const VISIBLE = /\S/u;

export class StopStringMatcher {
  private readonly stops: string[];
  /** All the text fed so far (up to the stop string once stopped). */
  private text = '';
  /** How much of `text` has been handed out. */
  private emitted = 0;
  /** Index of the first visible character in `text`, or -1 while there is none. */
  private firstVisible = -1;
  private done = false;

  constructor(stops: readonly string[]) {
    this.stops = [...new Set(stops.filter((stop) => stop.length > 0))];
  }

  /** Whether a stop string has completed. */
  get stopped(): boolean {
    return this.done;
  }

  /** The text handed out so far. */
  get output(): string {
    return this.text.slice(0, this.emitted);
  }

  /** Feeds the next chunk of generated text. After a stop, further chunks are ignored. */
  push(chunk: string): StopStringStep {
    if (this.done) return { emit: '', stopped: true };
    const searchFrom = this.emitted;
    this.text += chunk;
    if (this.firstVisible < 0) {
      const index = chunk.search(VISIBLE);
      if (index >= 0) this.firstVisible = this.text.length - chunk.length + index;
    }
    if (this.firstVisible < 0 || this.stops.length === 0) return this.release(this.text.length);

    // A counted stop string starts after the first visible character.
    const earliest = Math.max(searchFrom, this.firstVisible + 1);
    let stopAt = -1;
    for (const stop of this.stops) {
      const index = this.text.indexOf(stop, earliest);
      if (index >= 0 && (stopAt < 0 || index < stopAt)) stopAt = index;
    }
    if (stopAt >= 0) {
      this.text = this.text.slice(0, stopAt);
      this.done = true;
      return { emit: this.release(stopAt).emit, stopped: true };
    }
    return this.release(this.holdBackFrom(earliest));
  }

  /** Ends the text (the generation ended without a stop string): hands out what was held back. */
  flush(): string {
    if (this.done) return '';
    this.done = true;
    return this.release(this.text.length).emit;
  }

  private release(until: number): StopStringStep {
    const end = Math.max(until, this.emitted);
    const emit = this.text.slice(this.emitted, end);
    this.emitted = end;
    return { emit, stopped: this.done };
  }

  /** Where the longest tail that is a proper prefix of some stop string starts (else the end). */
  private holdBackFrom(earliest: number): number {
    const longest = Math.max(...this.stops.map((stop) => stop.length));
    const first = Math.max(earliest, this.text.length - longest + 1);
    for (let start = first; start < this.text.length; start += 1) {
      const tail = this.text.slice(start);
      if (this.stops.some((stop) => stop.length > tail.length && stop.startsWith(tail))) {
        return start;
      }
    }
    return this.text.length;
  }
}
