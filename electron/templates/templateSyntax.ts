/**
 * Checks a Jinja template's syntax and finds the variables it reads, with line and column.
 * @huggingface/jinja's tokens carry no positions and its errors name none, so the source is
 * scanned here tag by tag ({{ }}, {% %}, {# #}): an unclosed tag, an unbalanced block, or a tag
 * the library cannot parse is reported where that tag starts. Each tag is parsed on its own (a
 * block opener with a matching closer added), so the first bad tag is the one named.
 */
import { parse, tokenize } from '@huggingface/jinja';
import type { LocalizedMessage, LocalizedValue } from '../../shared/errors.js';
import { englishText, localized } from '../../shared/i18n/localizedMessage.js';

/** The library's token, as far as this file reads it (its own types do not resolve under NodeNext). */
interface JinjaToken {
  value: string;
  type: string;
}

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * A syntax problem and where it starts. `detail` is a localized message, or the Jinja library's
 * own (English) words when it is the library that objects.
 */
export class TemplateSyntaxError extends Error {
  readonly localized: LocalizedMessage;

  constructor(
    readonly position: SourcePosition,
    readonly detail: LocalizedValue,
  ) {
    const message = localized('errors:templates.syntax.at', { ...position, detail });
    super(englishText(message));
    this.name = 'TemplateSyntaxError';
    this.localized = message;
  }
}

interface Tag {
  kind: 'expression' | 'statement' | 'comment';
  /** Offset of the tag's opening brace in the source. */
  start: number;
  /** The text between the delimiters, whitespace-control dashes removed. */
  inner: string;
  raw: string;
}

const OPENERS = {
  if: 'endif',
  for: 'endfor',
  macro: 'endmacro',
  call: 'endcall',
  filter: 'endfilter',
} as const;
type Opener = keyof typeof OPENERS;
/** Own keys only: `in` would also find Object's "constructor" or "toString" ({% toString %}). */
const isOpener = (word: string): word is Opener => Object.hasOwn(OPENERS, word);
const CLOSERS = new Set<string>([...Object.values(OPENERS), 'endset']);
const LOOP_ONLY = new Set(['break', 'continue']);

/** Names the language itself provides, and words that are syntax rather than variables. */
const BUILT_IN_NAMES = new Set([
  'true',
  'false',
  'none',
  'True',
  'False',
  'None',
  'in',
  'not',
  'and',
  'or',
  'is',
  'if',
  'else',
  'elif',
  'for',
  'set',
  'loop',
  'range',
  'namespace',
  'recursive',
  'raise_exception',
  'strftime_now',
  'caller',
  'varargs',
  'kwargs',
]);

export function positionAt(source: string, offset: number): SourcePosition {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * Throws TemplateSyntaxError for the first problem; returns the free variables (names read but
 * not set by the template itself) with where each is first used.
 */
export function checkTemplate(source: string): Map<string, SourcePosition> {
  const tags = scanTags(source);
  const fail = (tag: Tag, problem: LocalizedValue): never => {
    throw new TemplateSyntaxError(
      positionAt(source, tag.start),
      localized('errors:templates.syntax.inTag', { problem, tag: clip(tag.raw) }),
    );
  };
  const open: { tag: Tag; word: Opener | 'set' }[] = [];
  const used = new Map<string, SourcePosition>();
  const defined = new Set<string>();

  for (const tag of tags) {
    if (tag.kind === 'comment') continue;
    const word = /^[A-Za-z_]+/.exec(tag.inner)?.[0] ?? '';
    if (tag.kind === 'statement') {
      const blockSet = word === 'set' && !tag.inner.includes('=');
      if (isOpener(word) || blockSet) open.push({ tag, word: isOpener(word) ? word : 'set' });
      else if (word === 'elif' || word === 'else') {
        const top = open.at(-1);
        if (!top || (top.word !== 'if' && !(word === 'else' && top.word === 'for'))) {
          fail(tag, localized('errors:templates.syntax.branchWithoutIf', { word }));
        }
      } else if (CLOSERS.has(word)) {
        const top = open.pop();
        const expected = top ? closerOf(top.word) : null;
        if (expected !== word) {
          fail(
            tag,
            top
              ? localized('errors:templates.syntax.wrongCloser', {
                  word,
                  expected: expected ?? '',
                  line: positionAt(source, top.tag.start).line,
                })
              : localized('errors:templates.syntax.nothingToClose', { word }),
          );
        }
      } else if (LOOP_ONLY.has(word) && !open.some((entry) => entry.word === 'for')) {
        fail(tag, localized('errors:templates.syntax.outsideLoop', { word }));
      }
    }
    const error = parseError(syntheticFor(tag, word));
    if (error !== null) fail(tag, error);
    collectNames(tag, word, source, used, defined);
  }
  const unclosed = open.at(-1);
  if (unclosed) {
    throw new TemplateSyntaxError(
      positionAt(source, unclosed.tag.start),
      localized('errors:templates.syntax.blockNeverClosed', {
        word: unclosed.word,
        closer: closerOf(unclosed.word),
      }),
    );
  }
  // Anything the per-tag checks missed is still caught, if without a precise place.
  const whole = parseError(source);
  if (whole !== null) throw new TemplateSyntaxError({ line: 1, column: 1 }, whole);
  for (const name of defined) used.delete(name);
  return used;
}

function closerOf(word: Opener | 'set'): string {
  return word === 'set' ? 'endset' : OPENERS[word];
}

/** Finds every tag; an opening delimiter without its closing one is an error at the opening. */
function scanTags(source: string): Tag[] {
  const tags: Tag[] = [];
  const pattern = /\{([{%#])/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source)) !== null) {
    const start = match.index;
    const mark = match[1] as '{' | '%' | '#';
    const close = mark === '{' ? '}}' : `${mark}}`;
    const end = source.indexOf(close, start + 2);
    if (end === -1) {
      const name = mark === '{' ? '{{' : `{${mark}`;
      throw new TemplateSyntaxError(
        positionAt(source, start),
        localized('errors:templates.syntax.tagNeverClosed', {
          open: name,
          close,
          tag: clip(source.slice(start)),
        }),
      );
    }
    const raw = source.slice(start, end + close.length);
    const inner = source
      .slice(start + 2, end)
      .replace(/^[-+]/, '')
      .replace(/-$/, '')
      .trim();
    const kind = mark === '{' ? 'expression' : mark === '%' ? 'statement' : 'comment';
    tags.push({ kind, start, inner, raw });
    pattern.lastIndex = end + close.length;
  }
  return tags;
}

/** A template holding just this tag, completed so that it can parse on its own. */
function syntheticFor(tag: Tag, word: string): string {
  const self = tag.kind === 'expression' ? `{{ ${tag.inner} }}` : `{% ${tag.inner} %}`;
  if (tag.kind === 'expression') return self;
  if (isOpener(word)) return `${self}{% ${OPENERS[word]} %}`;
  if (word === 'set' && !tag.inner.includes('=')) return `${self}{% endset %}`;
  if (word === 'elif') return `{% if true %}${self}{% endif %}`;
  if (LOOP_ONLY.has(word)) return `{% for _ in [] %}${self}{% endfor %}`;
  if (word === 'else' || CLOSERS.has(word)) return '';
  return self;
}

/** The library's objection (its own English words), or null when the source parses. */
function parseError(source: string): LocalizedValue | null {
  if (source === '') return null;
  try {
    parse(tokenize(source, { lstrip_blocks: true, trim_blocks: true }));
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The parser reads past the end on some truncated input and fails with a TypeError.
    return error instanceof TypeError ? localized('errors:templates.syntax.incomplete') : message;
  }
}

/**
 * Free names: identifiers not reached through a dot, not a filter or test name, not a keyword
 * argument's name. Names a template sets itself ({% set %}, loop variables, macros and their
 * parameters) are collected apart and removed at the end.
 */
function collectNames(
  tag: Tag,
  word: string,
  source: string,
  used: Map<string, SourcePosition>,
  defined: Set<string>,
): void {
  let tokens: JinjaToken[];
  try {
    tokens = tokenize(tag.kind === 'expression' ? `{{ ${tag.inner} }}` : `{% ${tag.inner} %}`);
  } catch {
    return;
  }
  const body = tokens.slice(1, -1);
  const definesUntil = definingPrefix(word, body);
  body.forEach((token, index) => {
    if (token.type !== 'Identifier') return;
    const previous = body[index - 1];
    const next = body[index + 1];
    if (index < definesUntil) {
      if (index > 0) defined.add(token.value);
      return;
    }
    if (previous?.type === 'Dot' || previous?.type === 'Pipe') return;
    if (
      previous?.value === 'is' ||
      (previous?.value === 'not' && body[index - 2]?.value === 'is')
    ) {
      return;
    }
    if (next?.type === 'Equals' && word !== 'set') return;
    if (BUILT_IN_NAMES.has(token.value) || CLOSERS.has(token.value)) return;
    if (word === 'macro' && index === 1) return;
    if (!used.has(token.value)) used.set(token.value, positionAt(source, tag.start));
  });
  if (word === 'macro') {
    for (const token of body.slice(1)) if (token.type === 'Identifier') defined.add(token.value);
  }
}

/** How many leading tokens of a statement name what it defines (set x, for a, b in). */
function definingPrefix(word: string, body: JinjaToken[]): number {
  if (word === 'set') {
    const equals = body.findIndex((token) => token.type === 'Equals');
    return equals === -1 ? body.length : equals;
  }
  if (word === 'for') {
    const inAt = body.findIndex((token, index) => index > 0 && token.value === 'in');
    return inAt === -1 ? 0 : inAt;
  }
  if (word === 'macro') return 2;
  return 0;
}

function clip(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
