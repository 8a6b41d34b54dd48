import type { PromptFit } from '../../../shared/schemas/generations.js';

/**
 * A part longer than this is shown as its beginning and its end, with how much lies between:
 * a model with a long context reads tens of thousands of characters, and laying all of them
 * out again on every answer would cost the page more than the writer gains from seeing them.
 */
export const LONG_PART_CHARS = 2400;
const HEAD_CHARS = 400;
const TAIL_CHARS = 1600;

export interface PromptPiece {
  part: string;
  entryId?: string | undefined;
  /** Where the piece starts in the prompt (a stable key). */
  start: number;
  text: string;
  /** Characters left out after this piece (shown as a marker), or 0. */
  elided: number;
}

/** The prompt's parts as pieces to draw; a long part as its head and tail unless `whole`. */
export function promptPieces(fit: PromptFit, whole: boolean): PromptPiece[] {
  const segments = fit.segments ?? [
    { part: 'text' as const, start: 0, end: fit.promptText.length },
  ];
  const pieces: PromptPiece[] = [];
  for (const segment of segments) {
    const { part, entryId, start, end } = segment;
    const length = end - start;
    if (whole || length <= LONG_PART_CHARS) {
      pieces.push({ part, entryId, start, text: fit.promptText.slice(start, end), elided: 0 });
      continue;
    }
    const tailStart = end - TAIL_CHARS;
    pieces.push({
      part,
      entryId,
      start,
      text: fit.promptText.slice(start, start + HEAD_CHARS),
      elided: tailStart - (start + HEAD_CHARS),
    });
    pieces.push({
      part,
      entryId,
      start: tailStart,
      text: fit.promptText.slice(tailStart, end),
      elided: 0,
    });
  }
  return pieces;
}
