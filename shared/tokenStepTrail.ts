/**
 * Keeps a generation's token steps in line with its text. Steps are known as soon as a token
 * is made, but its text may be held back (a stop string might be starting) or cut off (a stop
 * string, a sentence end): a step is handed on once all of its text is out, and at the end the
 * steps that start before the final text's end are handed on, the last one cut to fit. So the
 * steps a listener gets always spell a prefix of the text it got, and at the end all of it.
 */
import type { TokenStep } from './schemas/tokenSteps.js';

export class TokenStepTrail {
  private readonly queued: TokenStep[] = [];
  /** Characters of text covered by the steps handed on so far. */
  private handedOn = 0;

  push(steps: readonly TokenStep[]): void {
    this.queued.push(...steps);
  }

  /** The queued steps whose text lies wholly within the first `textLength` characters. */
  release(textLength: number): TokenStep[] {
    const out: TokenStep[] = [];
    while (this.queued.length > 0) {
      const next = this.queued[0] as TokenStep;
      if (this.handedOn + next.text.length > textLength) break;
      this.queued.shift();
      this.handedOn += next.text.length;
      out.push(next);
    }
    return out;
  }

  /** The end: steps starting before `textLength` go out (the last one cut), the rest are dropped. */
  finish(textLength: number): TokenStep[] {
    const out = this.release(textLength);
    const next = this.queued[0];
    if (next !== undefined && this.handedOn < textLength) {
      const text = next.text.slice(0, textLength - this.handedOn);
      this.handedOn += text.length;
      out.push({ ...next, text });
    }
    this.queued.length = 0;
    return out;
  }
}
