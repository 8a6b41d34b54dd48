/**
 * Watches streamed text for banned phrases: text is let through only once no phrase can start
 * in it (a tail that could still grow into one is held back, as a stop string's start is), and
 * a phrase that appears whole is reported where it starts, before any of it was let through.
 */
export type GuardVerdict = { kind: 'release'; upTo: number } | { kind: 'found'; at: number };

export class PhraseGuard {
  private readonly longest: number;

  constructor(private readonly phrases: readonly string[]) {
    this.longest = Math.max(0, ...phrases.map((phrase) => phrase.length));
  }

  get active(): boolean {
    return this.phrases.length > 0;
  }

  /**
   * Given all the text so far and how much of it was let through, where the earliest phrase
   * starts, or how far the text may now be let through.
   */
  check(text: string, released: number): GuardVerdict {
    if (!this.active) return { kind: 'release', upTo: text.length };
    let found = -1;
    for (const phrase of this.phrases) {
      const at = text.indexOf(phrase, released);
      if (at >= 0 && (found < 0 || at < found)) found = at;
    }
    if (found >= 0) return { kind: 'found', at: found };
    // A phrase could start only in the last `longest - 1` characters (it is not there whole).
    for (let start = Math.max(released, text.length - this.longest + 1); start < text.length;) {
      const tail = text.slice(start);
      if (this.phrases.some((phrase) => phrase.startsWith(tail)))
        return { kind: 'release', upTo: start };
      start += 1;
    }
    return { kind: 'release', upTo: text.length };
  }
}
