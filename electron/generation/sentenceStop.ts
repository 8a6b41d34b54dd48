/**
 * Where the first complete sentence of a streamed continuation ends: a run of . ! or ?, any
 * closing quotes or brackets, then whitespace (so the end is only known once the next character
 * has arrived). Abbreviations ("Mr.", "e.g."), initials ("J.") and ellipses ("...") are not ends.
 */

const SENTENCE_END = /[.!?]+["'”’)\]»]*(?=\s)/gu;
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'fig',
  'vol',
  'ch',
  'gen',
  'col',
  'capt',
  'lt',
  'sgt',
  'rev',
  'hon',
  'gov',
  'sen',
  'rep',
  'approx',
]);

/**
 * The index just after the first sentence's end mark (and closing quotes), or null if the text
 * holds no complete sentence yet. `from` skips text already searched (keep a few characters of
 * overlap: a mark whose whitespace had not arrived is searched again).
 */
export function firstSentenceEnd(text: string, from = 0): number | null {
  SENTENCE_END.lastIndex = Math.max(0, from);
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    const marks = /^[.!?]+/u.exec(match[0])?.[0] ?? '';
    if (marks === '.' && isAbbreviation(text, match.index)) continue;
    if (/^\.{2,}$/u.test(marks)) continue;
    return match.index + match[0].length;
  }
  return null;
}

/** Is the word before the period at `dot` an abbreviation or an initial? */
function isAbbreviation(text: string, dot: number): boolean {
  const before = /(?:^|[\s("'“‘])([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  const word = before?.[1];
  if (word === undefined) return false;
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Watches a stream of chunks for the first sentence end. */
export class SentenceWatcher {
  private text = '';
  private searchedUpTo = 0;
  private end: number | null = null;

  /** Adds a chunk; returns the sentence's end index once there is one (then always the same). */
  push(chunk: string): number | null {
    if (this.end !== null) return this.end;
    this.text += chunk;
    // Back up over a trailing mark and its closers: their whitespace may be in this chunk.
    this.end = firstSentenceEnd(this.text, Math.max(0, this.searchedUpTo - 8));
    this.searchedUpTo = this.text.length;
    return this.end;
  }

  get sentenceEnd(): number | null {
    return this.end;
  }
}
