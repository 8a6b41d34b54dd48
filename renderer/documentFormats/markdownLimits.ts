/**
 * A look at Markdown before Lexical reads it, refusing the two shapes that make Lexical's
 * reader slow or overflow its stack: lists nested past the limit (it took 27 s, then failed,
 * on 2,000 levels) and lines crowded with emphasis marks (time grows with their count times
 * the line's length). One pass over the text, so a hostile file is refused at once.
 */
import {
  ImportRefusedError,
  MAX_EMPHASIS_RUNS_PER_LINE,
  MAX_NESTING_LEVELS,
} from './importLimits.js';

/** A bullet (`-`, `*`, `+`) or a number (`1.`, `1)`) and a space, after the indentation. */
const LIST_LINE = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/;
/** Lines that start a block of another kind; Lexical closes the open list levels there. */
const OTHER_BLOCK = /^[ \t]*(?:#{1,6}[ \t]|>)/;
const TAB_STOP = 4;

interface Indentation {
  /** The column the marker starts at, a tab reaching the next multiple of four. */
  column: number;
  /** The level that indentation names on its own: one per tab or four spaces. */
  level: number;
}

function indentationOf(whitespace: string): Indentation {
  let column = 0;
  let tabs = 0;
  let spaces = 0;
  for (const char of whitespace) {
    if (char === '\t') {
      tabs += 1;
      column += TAB_STOP - (column % TAB_STOP);
    } else {
      spaces += 1;
      column += 1;
    }
  }
  return { column, level: tabs + Math.floor(spaces / TAB_STOP) };
}

/**
 * The most levels deep this list line can land (1 for a top-level item), given the previous
 * list line's bound. A sublist is read against where its parent item's text starts, at least
 * two columns in per level, and is at most one deeper than the line before it; a list that
 * starts afresh reads a level from each tab or four spaces. The larger of the two is an upper
 * bound either way, and in ordinary files it is the level Lexical gives the line.
 */
function listLineLevels(indentation: Indentation, previousLevels: number): number {
  const fromColumns = Math.min(previousLevels + 1, Math.floor(indentation.column / 2) + 1);
  return Math.max(indentation.level + 1, fromColumns);
}

/** Maximal runs of `*` or `_`: each is one delimiter for Lexical's emphasis matcher. */
function emphasisRuns(line: string): number {
  let runs = 0;
  let previous = '';
  for (const char of line) {
    const isMark = char === '*' || char === '_';
    if (isMark && char !== previous) runs += 1;
    previous = isMark ? char : '';
  }
  return runs;
}

/** Throws ImportRefusedError when the Markdown is deeper or denser than Inkwell reads. */
export function checkMarkdownLimits(markdown: string): void {
  let listLevels = 0;
  let lineNumber = 0;
  for (const line of markdown.split(/\r\n?|\n/)) {
    lineNumber += 1;
    const list = LIST_LINE.exec(line);
    if (list) {
      listLevels = listLineLevels(indentationOf(list[1] ?? ''), listLevels);
      if (listLevels > MAX_NESTING_LEVELS) {
        throw new ImportRefusedError({ kind: 'nesting', max: MAX_NESTING_LEVELS });
      }
    } else if (OTHER_BLOCK.test(line)) {
      listLevels = 0;
    }
    if (emphasisRuns(line) > MAX_EMPHASIS_RUNS_PER_LINE) {
      throw new ImportRefusedError({
        kind: 'emphasis',
        max: MAX_EMPHASIS_RUNS_PER_LINE,
        line: lineNumber,
      });
    }
  }
}
