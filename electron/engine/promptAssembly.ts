/**
 * Builds the prompt for a continue, wherever the tokenizer is (the model host, or a remote engine
 * that asks its server): the document's memory first, then the text before the cursor with the
 * author's note a few lines (or tokens) before its end and the active lorebook entries where each
 * goes (promptLayout.ts), trimmed from the left so that prompt and new tokens fit the model's
 * context. Pure apart from the token counter (the model's own tokenizer, so counts are what the
 * model will see).
 *
 * Trimming: the cut is found by binary search over cut points, counting the assembled prompt at
 * each probe (in process: a probe costs a tokenization, not a message). Cut points sit just before
 * the last whitespace character ahead of a word: GPT-2's pre-tokenizer always splits there (the
 * single space joins the word, a newline stands alone), so the kept text tokenizes exactly as it
 * did inside the whole text, and the count only grows as the cut moves left. Text with no
 * whitespace at all (one enormous word) falls back to cutting between code points.
 *
 * Cost: only a window of `contextSize * charsPerToken` characters at the end is ever tokenized,
 * so a 50,000-word document costs what a short one does.
 *
 * Long documents: when the text does not fit, the window starts where the last one did while
 * that still fits (windowAnchor), else anew with room to spare (WINDOW_FILL), so consecutive
 * continues at the end of a long document share their prefix.
 */
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { LoreInsert, PromptSegment } from '../../shared/schemas/generations.js';
import { chooseLore, layoutPrompt, type LoreChoice, type NoteDepth } from './promptLayout.js';

/** Counts tokens as the engine will for a prompt (including any token the engine prepends). */
export type TokenCounter = (text: string) => number;

export const DEFAULT_NOTE_DEPTH_LINES = 3;
/** English averages ~4.5 characters per GPT-2 token; 8 leaves room for short-word text. */
export const DEFAULT_CHARS_PER_TOKEN_BUDGET = 8;
/**
 * When the text outgrows the context, a new window fills this much of the room the memory and
 * note leave: GPT-2's positions cannot be shifted, so a window that moved with every continue
 * would make every continue read its whole prompt again. The rest is room to grow into.
 */
export const WINDOW_FILL = 0.5;

export interface PromptAssemblyInput {
  memory: string;
  authorsNote: string;
  textBeforeCursor: string;
  contextSize: number;
  maxNewTokens: number;
  /** How many newline-separated lines of text follow the author's note. */
  noteDepthLines?: number;
  /** When set, the note goes before at least this many tokens of text instead (noteDepthLines unused). */
  noteDepthTokens?: number;
  /** Activated lorebook entries; those that fit loreBudgetTokens go in (promptLayout.ts). */
  lore?: readonly LoreInsert[];
  loreBudgetTokens?: number;
  /** Characters of text kept per context token before anything is tokenized. */
  charsPerTokenBudget?: number;
  /** The text the last window kept (AssembledPrompt.windowAnchor): its start is kept while it fits. */
  windowAnchor?: string | null;
}

export interface AssembledPrompt {
  text: string;
  /** The kept text when the text was cut (to find its start again); null when all of it fits. */
  windowAnchor: string | null;
  promptTokens: number;
  /** Tokens of the text left out (oldest first); estimated for text beyond the window. */
  droppedTokens: number;
  /** True when part of droppedTokens was estimated rather than counted. */
  droppedTokensEstimated: boolean;
  contextSize: number;
  maxNewTokens: number;
  /** Each part's tokens, counted on its own. */
  parts: { memory: number; authorsNote: number; text: number; lore: number };
  /** Where each part lies in text. */
  segments: PromptSegment[];
  lore: LoreChoice['report'];
  noteDepth: NoteDepth;
  /** The lorebook budget applied: the setting, or at most half the room memory and note leave. */
  loreBudgetTokens: number;
}

export function formatAuthorsNote(note: string): string | null {
  const trimmed = note.trim();
  return trimmed === '' ? null : `[Author's note: ${trimmed}]`;
}

export function assemblePrompt(
  input: PromptAssemblyInput,
  countTokens: TokenCounter,
): AssembledPrompt {
  const { contextSize, maxNewTokens } = input;
  const noteDepth: NoteDepth =
    input.noteDepthTokens !== undefined
      ? { unit: 'tokens', amount: input.noteDepthTokens }
      : { unit: 'lines', amount: input.noteDepthLines ?? DEFAULT_NOTE_DEPTH_LINES };
  const memory = input.memory.trim();
  const memoryPart = memory === '' ? '' : `${memory}\n\n`;
  const noteLine = formatAuthorsNote(input.authorsNote);
  const room = contextSize - maxNewTokens;
  const count = remembered(countTokens);

  if (room < 1) {
    throw localizedError('invalid_request', 'errors:prompt.noRoom', { maxNewTokens, contextSize });
  }

  const budgetChars = contextSize * (input.charsPerTokenBudget ?? DEFAULT_CHARS_PER_TOKEN_BUDGET);
  const fullText = input.textBeforeCursor;
  const windowStart =
    fullText.length > budgetChars ? firstCutAtOrAfter(fullText, fullText.length - budgetChars) : 0;
  const window = fullText.slice(windowStart);

  const layoutWith = (lore: readonly LoreInsert[]) =>
    layoutPrompt({ memory, noteLine, noteDepth, lore, text: window }, count);
  const withoutLore = count(layoutWith([]).fixedText);
  if (withoutLore > room) {
    throw localizedError('invalid_request', 'errors:prompt.fixedTooLong', {
      fixedTokens: withoutLore,
      maxNewTokens,
      room,
      contextSize,
    });
  }
  // The lorebook never takes more than half of what memory and note leave: the story stays.
  const loreBudgetTokens = Math.min(
    input.loreBudgetTokens ?? 0,
    Math.floor((room - withoutLore) / 2),
  );
  const lore = chooseLore(input.lore ?? [], loreBudgetTokens, count);
  const layout = layoutWith(lore.included);
  const compose = (text: string): string => layout.compose(text).text;
  const fixedTokens = count(layout.fixedText);

  let cut = 0;
  let promptTokens = count(compose(window));
  if (promptTokens > room) {
    // The last window's text, where it stands now: the writer usually only added at the end.
    const anchored = input.windowAnchor ? window.lastIndexOf(input.windowAnchor) : -1;
    const anchoredTokens = anchored >= 0 ? count(compose(window.slice(anchored))) : room + 1;
    if (anchoredTokens <= room) {
      // The last window still fits: keep its start, so the evaluated prefix stays valid.
      cut = anchored;
      promptTokens = anchoredTokens;
    } else {
      // A new start, leaving part of the room free for the continues that follow.
      const target = fixedTokens + Math.floor((room - fixedTokens) * WINDOW_FILL);
      ({ cut, promptTokens } = smallestCutWithin(window, target, fixedTokens, (kept) =>
        count(compose(kept)),
      ));
    }
  }

  const kept = window.slice(cut);
  let droppedTokens = 0;
  if (cut > 0 || windowStart > 0) {
    const windowTokens = count(window);
    if (cut > 0) droppedTokens = Math.max(0, windowTokens - count(kept));
    // Text before the window is never tokenized: estimated at the window's tokens per character.
    if (windowStart > 0) {
      droppedTokens += Math.round((windowStart * windowTokens) / Math.max(1, window.length));
    }
  }

  const composed = layout.compose(kept);
  return {
    text: composed.text,
    windowAnchor: cut > 0 ? kept : null,
    promptTokens,
    droppedTokens,
    droppedTokensEstimated: windowStart > 0,
    contextSize,
    maxNewTokens,
    parts: {
      memory: count(memoryPart),
      authorsNote: noteLine === null ? 0 : count(`${noteLine}\n`),
      text: count(kept),
      lore: lore.tokens,
    },
    segments: composed.segments,
    lore: lore.report,
    noteDepth,
    loreBudgetTokens,
  };
}

/** The smallest cut whose prompt has at most `target` tokens (keeping nothing always does). */
function smallestCutWithin(
  window: string,
  target: number,
  fixedTokens: number,
  promptTokensOf: (kept: string) => number,
): { cut: number; promptTokens: number } {
  const cuts = cutPoints(window);
  let cut = window.length;
  let promptTokens = fixedTokens;
  let low = 0;
  let high = cuts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = cuts[middle] as number;
    const tokens = promptTokensOf(window.slice(candidate));
    if (tokens <= target) {
      cut = candidate;
      promptTokens = tokens;
      high = middle - 1;
    } else low = middle + 1;
  }
  return { cut, promptTokens };
}

/** Asks the counter once per distinct text: probes repeat (the empty text, the window). */
function remembered(countTokens: TokenCounter): TokenCounter {
  const counts = new Map<string, number>();
  return (text) => {
    const known = counts.get(text);
    if (known !== undefined) return known;
    const tokens = text === '' ? 0 : countTokens(text);
    counts.set(text, tokens);
    return tokens;
  };
}

/** Cut offsets in ascending order, from 0 (keep everything) to text.length (keep nothing). */
export function cutPoints(text: string): number[] {
  const cuts = [0];
  for (let index = 1; index < text.length; index++) {
    if (isWhitespace(text[index]) && !isWhitespace(text[index + 1])) cuts.push(index);
  }
  if (cuts.length === 1) {
    // No word boundaries at all: any code point boundary will do.
    for (let index = 1; index < text.length; index++) {
      if (!isLowSurrogate(text.charCodeAt(index))) cuts.push(index);
    }
  }
  if (text.length > 0) cuts.push(text.length);
  return cuts;
}

function firstCutAtOrAfter(text: string, offset: number): number {
  for (let index = offset; index < text.length; index++) {
    if (isWhitespace(text[index]) && !isWhitespace(text[index + 1])) return index;
  }
  // No whitespace in the tail: cut at the offset, but never inside a surrogate pair.
  return isLowSurrogate(text.charCodeAt(offset)) ? offset + 1 : offset;
}

function isWhitespace(character: string | undefined): boolean {
  return character !== undefined && /\s/u.test(character);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
