/**
 * Which tokens of kept text are still the model's: pure, so the rule is tested without a page.
 *
 * The rule: the pieces of text kept from one generation are compared with the generation's
 * tokens, each piece with the characters of the output it held when it was kept. At the first
 * character, in the output's order, where a piece no longer reads as the model wrote it (typed
 * into, deleted from, pasted over, cut short), the tint ends: the token there and every later
 * token of that generation lose it, and the tokens before it keep it. Text typed at either end
 * of a piece is the writer's own and never changes it.
 */
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import { probabilityLevel } from './heatMap.js';

/** A piece of kept text as the document holds it now. */
export interface KeptPiece {
  key: string;
  generationId: string;
  /** Its offset in the generation's output, and how many characters of it it held. */
  from: number;
  length: number;
  /** Its text now. */
  text: string;
}

/** A token's place in one piece's text (piece offsets) and its tint. */
export interface KeptTokenRange {
  key: string;
  generationId: string;
  /** The token's index in the generation's own steps. */
  step: number;
  start: number;
  end: number;
  level: number;
}

function sharedStartLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let at = 0;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at += 1;
  return at;
}

/**
 * Where the kept text of one generation stops reading as its output: the output offset of the
 * first changed character (Infinity when nothing changed).
 */
export function firstChange(pieces: readonly KeptPiece[], output: string): number {
  let change = Number.POSITIVE_INFINITY;
  for (const piece of pieces) {
    const model = output.slice(piece.from, piece.from + piece.length);
    if (piece.text === model && model.length === piece.length) continue;
    change = Math.min(change, piece.from + sharedStartLength(piece.text, model));
  }
  return change;
}

/** The tinted tokens of every piece, each generation's with its steps (null: none known yet). */
export function keptTokenRanges(
  pieces: readonly KeptPiece[],
  stepsOf: (generationId: string) => readonly TokenStep[] | null,
): KeptTokenRange[] {
  const byGeneration = new Map<string, KeptPiece[]>();
  for (const piece of pieces) {
    if (piece.generationId === '') continue;
    const list = byGeneration.get(piece.generationId) ?? [];
    list.push(piece);
    byGeneration.set(piece.generationId, list);
  }
  const ranges: KeptTokenRange[] = [];
  for (const [generationId, group] of byGeneration) {
    const steps = stepsOf(generationId);
    if (!steps || steps.length === 0) continue;
    const output = steps.map((step) => step.text).join('');
    const change = firstChange(group, output);
    for (const piece of group) {
      const pieceEnd = piece.from + piece.length;
      if (piece.from >= change) continue;
      let start = 0;
      steps.forEach((step, index) => {
        const end = start + step.text.length;
        const overlapStart = Math.max(start, piece.from);
        const overlapEnd = Math.min(end, pieceEnd);
        if (overlapEnd > overlapStart && end <= change) {
          ranges.push({
            key: piece.key,
            generationId,
            step: index,
            start: overlapStart - piece.from,
            end: overlapEnd - piece.from,
            level: probabilityLevel(step.p),
          });
        }
        start = end;
      });
    }
  }
  return ranges;
}

/**
 * The token at a caret in a piece: the one just before the caret (the word the writer is at the
 * end of), or the one after it at the piece's start.
 */
export function keptTokenAtCaret(
  ranges: readonly KeptTokenRange[],
  key: string,
  offset: number,
): KeptTokenRange | null {
  const own = ranges.filter((range) => range.key === key);
  return (
    own.find((range) => offset > range.start && offset <= range.end) ??
    own.find((range) => offset >= range.start && offset < range.end) ??
    null
  );
}

/** The token under a point in a piece (the character at `offset`). */
export function keptTokenAt(
  ranges: readonly KeptTokenRange[],
  key: string,
  offset: number,
): KeptTokenRange | null {
  return (
    ranges.find((range) => range.key === key && offset >= range.start && offset < range.end) ?? null
  );
}

/** The distinct tokens of one generation's tinted kept text, in their order. */
export function keptTokensOf(
  ranges: readonly KeptTokenRange[],
  generationId: string,
): KeptTokenRange[] {
  const byStep = new Map<number, KeptTokenRange>();
  for (const range of ranges) {
    if (range.generationId === generationId && !byStep.has(range.step)) {
      byStep.set(range.step, range);
    }
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}
