/**
 * Where each token of the shown continuation lies in the pending text, and how strongly it is
 * tinted: pure functions, so the view's mapping is tested without a browser.
 */
import type { ShownStep } from '../continue/continueState.js';
import { pendingDisplayText } from '../continue/pendingTextRules.js';

/** Tint levels, least likely first; the legend lists them in this order. */
export const PROBABILITY_LEVELS = 5;
/** The lower bound of each level above the first. */
const LEVEL_FLOORS = [0.1, 0.25, 0.5, 0.8] as const;

export function probabilityLevel(p: number): number {
  let level = 0;
  for (const floor of LEVEL_FLOORS) if (p >= floor) level += 1;
  return level;
}

/** A token's place in the pending text as shown (display offsets) and its tint. */
export interface TokenRange {
  /** The index of the step in the shown steps. */
  step: number;
  start: number;
  end: number;
  level: number;
}

/**
 * The ranges of the tokens that are still pending, in the text the pending node shows (which
 * spells blank lines its own way, pendingDisplayText). A token partly kept shows its pending part.
 */
export function pendingTokenRanges(
  steps: readonly ShownStep[],
  keptLength: number,
  pending: string,
): TokenRange[] {
  const ranges: TokenRange[] = [];
  const shownOffset = (rawOffset: number): number =>
    pendingDisplayText(pending.slice(0, Math.max(0, rawOffset - keptLength))).length;
  let offset = 0;
  steps.forEach((step, index) => {
    const start = offset;
    const end = offset + step.text.length;
    offset = end;
    if (end <= keptLength || step.text === '' || start - keptLength >= pending.length) return;
    const shownStart = shownOffset(Math.max(start, keptLength));
    const shownEnd = shownOffset(Math.min(end, keptLength + pending.length));
    if (shownEnd > shownStart) {
      ranges.push({
        step: index,
        start: shownStart,
        end: shownEnd,
        level: probabilityLevel(step.p),
      });
    }
  });
  return ranges;
}

/** The token at a display offset of the pending text (the one the pointer is on), if any. */
export function tokenAt(ranges: readonly TokenRange[], offset: number): TokenRange | null {
  return ranges.find((range) => offset >= range.start && offset < range.end) ?? null;
}

/** A probability as the popover says it: one decimal under 10%, whole percents above. */
export function formatPercent(p: number, locale: string): string {
  const digits = p < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(p);
}

/** A token's text, made visible: spaces and line breaks would otherwise read as nothing. */
export function visibleToken(text: string): string {
  return text.replace(/\n/g, '↵').replace(/^ /, '␣').replace(/ $/, '␣') || '∅';
}
