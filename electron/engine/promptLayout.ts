/**
 * Where each part of a continue's prompt goes: the memory first, then lorebook entries placed
 * "after memory", then the text with the author's note and the other entries inserted near its
 * end. Pure apart from the token counter.
 *
 * The layout is measured from the END of the text (how many characters follow each insertion),
 * so it is computed once per prompt and stays the same whichever start the trimming keeps: the
 * inserted lines sit in the same place for every probe, and for consecutive continues.
 *
 * Lorebook budget: entries are taken by priority (highest first; ties by id, so the choice never
 * depends on which key matched first); an entry that does not fit in what is left of the budget is
 * left out whole (never cut), and a smaller entry after it may still go in. Placement order is
 * fixed too (by position, then priority, then id): an unchanged set of entries gives the same
 * prompt prefix, which the prompt cache can reuse. Entries that change late in the prompt
 * ("before the author's note", the default) keep more of the cached prefix than ones "after
 * memory".
 */
import type { LoreInsert, PromptSegment } from '../../shared/schemas/generations.js';
import { cutPoints, type TokenCounter } from './promptAssembly.js';

export interface LoreChoice {
  /** The entries that fit, in placement order. */
  included: LoreInsert[];
  report: { id: string; tokens: number; included: boolean }[];
  tokens: number;
}

/** Picks the entries that fit `budget` tokens, each counted as the line it becomes. */
export function chooseLore(
  entries: readonly LoreInsert[],
  budget: number,
  count: TokenCounter,
): LoreChoice {
  const byPriority = [...entries].sort((a, b) => b.priority - a.priority || compareIds(a.id, b.id));
  let left = budget;
  const chosen = new Set<string>();
  const tokensOf = new Map<string, number>();
  for (const entry of byPriority) {
    const tokens = entry.text.trim() === '' ? 0 : count(`${entry.text.trim()}\n`);
    tokensOf.set(entry.id, tokens);
    if (tokens <= left) {
      chosen.add(entry.id);
      left -= tokens;
    }
  }
  const included = byPriority.filter((entry) => chosen.has(entry.id)).sort(placementOrder);
  return {
    included,
    report: byPriority.map((entry) => ({
      id: entry.id,
      tokens: tokensOf.get(entry.id) ?? 0,
      included: chosen.has(entry.id),
    })),
    tokens: budget - left,
  };
}

/** Lower priority first: the highest-priority entry ends nearest the story text. */
function placementOrder(a: LoreInsert, b: LoreInsert): number {
  return a.priority - b.priority || compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type NoteDepth = { unit: 'lines'; amount: number } | { unit: 'tokens'; amount: number };

/** A block of lines inserted into the text, `fromEnd` characters before the text's end. */
interface Insertion {
  fromEnd: number;
  /** At a word boundary (token depth) rather than a line start: the space there is replaced. */
  atWord: boolean;
  pieces: Piece[];
}

interface Piece {
  part: PromptSegment['part'];
  entryId?: string;
  text: string;
}

export interface PromptLayout {
  compose(kept: string): { text: string; segments: PromptSegment[] };
  /** The fixed parts alone (no text), as compose('') gives them. */
  fixedText: string;
}

export interface LayoutInput {
  memory: string;
  noteLine: string | null;
  noteDepth: NoteDepth;
  lore: readonly LoreInsert[];
  /** The text the insertions are measured on (the window: its end is the text's end). */
  text: string;
}

export function layoutPrompt(input: LayoutInput, count: TokenCounter): PromptLayout {
  const memory = input.memory.trim();
  const head: Piece[] = [];
  if (memory !== '') head.push({ part: 'memory', text: `${memory}\n\n` });
  const afterMemory = input.lore.filter((entry) => entry.position === 'afterMemory');
  for (const entry of afterMemory) head.push(lorePiece(entry));

  const noteFromEnd =
    input.noteDepth.unit === 'lines'
      ? linesFromEnd(input.text, input.noteDepth.amount)
      : tokensFromEnd(input.text, input.noteDepth.amount, count);
  const noteAtWord = input.noteDepth.unit === 'tokens';
  const insertions = new Map<number, Insertion>();
  const add = (fromEnd: number, atWord: boolean, piece: Piece): void => {
    const insertion = insertions.get(fromEnd) ?? { fromEnd, atWord, pieces: [] };
    insertion.pieces.push(piece);
    insertions.set(fromEnd, insertion);
  };
  for (const entry of input.lore) {
    if (entry.position === 'atDepth') {
      add(linesFromEnd(input.text, entry.depthLines), false, lorePiece(entry));
    }
  }
  for (const entry of input.lore) {
    if (entry.position === 'beforeNote') add(noteFromEnd, noteAtWord, lorePiece(entry));
  }
  if (input.noteLine !== null) {
    add(noteFromEnd, noteAtWord, { part: 'note', text: `${input.noteLine}\n` });
  }
  // Nearest the start first, so each insertion's offset is taken on the text as it was.
  const ordered = [...insertions.values()].sort((a, b) => b.fromEnd - a.fromEnd);

  const compose = (kept: string): { text: string; segments: PromptSegment[] } => {
    const pieces: Piece[] = [...head];
    let at = 0;
    for (const insertion of ordered) {
      const point = Math.max(at, kept.length - insertion.fromEnd);
      let before = kept.slice(at, point);
      if (point > 0 && before !== '' && !before.endsWith('\n')) before += '\n';
      if (before !== '') pieces.push({ part: 'text', text: before });
      pieces.push(...insertion.pieces);
      at = point;
      // The inserted lines end in a newline: the space that began the next word is not needed.
      if (insertion.atWord && kept[at] === ' ') at += 1;
    }
    if (at < kept.length) pieces.push({ part: 'text', text: kept.slice(at) });
    return join(pieces);
  };
  return { compose, fixedText: compose('').text };
}

function lorePiece(entry: LoreInsert): Piece {
  return { part: 'lore', entryId: entry.id, text: `${entry.text.trim()}\n` };
}

function join(pieces: readonly Piece[]): { text: string; segments: PromptSegment[] } {
  let text = '';
  const segments: PromptSegment[] = [];
  for (const piece of pieces) {
    if (piece.text === '') continue;
    const start = text.length;
    text += piece.text;
    const last = segments[segments.length - 1];
    if (last && last.part === piece.part && last.entryId === piece.entryId && last.end === start) {
      last.end = text.length;
    } else {
      segments.push({
        part: piece.part,
        ...(piece.entryId !== undefined ? { entryId: piece.entryId } : {}),
        start,
        end: text.length,
      });
    }
  }
  return { text, segments };
}

/** Characters in the last `depth` lines (from the start of the first of them). */
export function linesFromEnd(text: string, depth: number): number {
  if (depth <= 0) return 0;
  let index = text.length;
  for (let line = 0; line < depth; line++) {
    const newline = text.lastIndexOf('\n', index - 1);
    if (newline < 0) return text.length;
    index = newline;
  }
  return text.length - (index + 1);
}

/**
 * Characters from the last word boundary that leaves at least `tokens` tokens of text after it
 * (all of the text when it has fewer). Only the tail that could hold them is tokenized.
 */
export function tokensFromEnd(text: string, tokens: number, count: TokenCounter): number {
  if (tokens <= 0 || text === '') return 0;
  const tailStart = Math.max(0, text.length - tokens * 16);
  const tail = text.slice(tailStart);
  if (count(tail) < tokens) return text.length;
  const cuts = cutPoints(tail);
  // The last cut whose rest still holds `tokens` tokens: counts only fall as the cut moves right.
  let low = 0;
  let high = cuts.length - 1;
  let best = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cut = cuts[middle] as number;
    if (count(tail.slice(cut)) >= tokens) {
      best = cut;
      low = middle + 1;
    } else high = middle - 1;
  }
  return tail.length - best;
}
