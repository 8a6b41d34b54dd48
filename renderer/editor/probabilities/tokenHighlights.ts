/**
 * The heat map, drawn with the CSS Custom Highlight API over the pending text's own text node:
 * no element is added to the editor's DOM (which Lexical owns), and a new token costs a range.
 * Where the API is missing (an old browser, a test's DOM), nothing is tinted and nothing breaks.
 */
import { PROBABILITY_LEVELS, type TokenRange } from './heatMap.js';

const highlightName = (level: number): string => `inkwell-probability-${level}`;
/** The token the pointer or the popover is on. */
const FOCUS_HIGHLIGHT = 'inkwell-probability-focus';

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
    ? CSS.highlights
    : null;
}

/** The text node inside the pending text's body (its only child), or null. */
export function pendingTextNodeOf(body: Element | null): Text | null {
  const child = body?.firstChild ?? null;
  return child instanceof Text ? child : null;
}

function rangeOver(text: Text, start: number, end: number): Range | null {
  const length = text.length;
  if (start >= length) return null;
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, Math.min(end, length));
  return range;
}

/** Tokens in one text node of the page: the suggestion's, or a piece of kept text's. */
export interface TintedText {
  text: Text | null;
  ranges: readonly Pick<TokenRange, 'start' | 'end' | 'level'>[];
}

export function drawHeatMap(texts: readonly TintedText[]): void {
  const highlights = registry();
  if (!highlights) return;
  const byLevel = Array.from({ length: PROBABILITY_LEVELS }, () => [] as Range[]);
  for (const { text, ranges } of texts) {
    if (!text) continue;
    for (const token of ranges) {
      const range = rangeOver(text, token.start, token.end);
      if (range) byLevel[token.level]?.push(range);
    }
  }
  byLevel.forEach((levelRanges, level) => {
    highlights.set(highlightName(level), new Highlight(...levelRanges));
  });
}

export function drawFocus(
  text: Text | null,
  token: Pick<TokenRange, 'start' | 'end'> | null,
): void {
  const highlights = registry();
  if (!highlights) return;
  const range = text && token ? rangeOver(text, token.start, token.end) : null;
  if (range) highlights.set(FOCUS_HIGHLIGHT, new Highlight(range));
  else highlights.delete(FOCUS_HIGHLIGHT);
}

export function clearHeatMap(): void {
  const highlights = registry();
  if (!highlights) return;
  for (let level = 0; level < PROBABILITY_LEVELS; level += 1) {
    highlights.delete(highlightName(level));
  }
  highlights.delete(FOCUS_HIGHLIGHT);
}

/** The text node a piece of kept text shows its text in (the element's innermost first child). */
export function keptTextNodeOf(element: HTMLElement | null): Text | null {
  let node: Node | null = element;
  while (node && !(node instanceof Text)) node = node.firstChild;
  return node;
}

/** The rectangle of a token on screen, to place the popover under it. */
export function tokenRect(
  text: Text | null,
  token: Pick<TokenRange, 'start' | 'end'>,
): DOMRect | null {
  const range = text ? rangeOver(text, token.start, token.end) : null;
  const rects = range?.getClientRects();
  return rects && rects.length > 0 ? (rects[0] ?? null) : (range?.getBoundingClientRect() ?? null);
}
