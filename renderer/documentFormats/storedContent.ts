/**
 * A stored document's content (Lexical JSON) looked at before the editor takes it: whether it
 * parses, and whether it nests deeper than the editor can show. Lexical's parsing, drawing and
 * every later walk recurse once per level, so a document 1,200 levels deep blanked the page on
 * each reload; measured here first (JSON.parse itself does not recurse), it is shown as plain
 * text instead.
 */
import type { SerializedLexicalNode } from 'lexical';
import { MAX_NESTING_LEVELS } from './importLimits.js';
import { serializedNestingLevels } from './nestingLevels.js';

export type StoredContent =
  /** No JSON: a document made from text only (or never edited). */
  | { kind: 'empty' }
  | { kind: 'blocks'; blocks: SerializedLexicalNode[] }
  | { kind: 'unreadable' }
  | { kind: 'tooDeep'; max: number };

interface SerializedRoot {
  root?: { children?: unknown };
}

export function inspectStoredContent(content: string): StoredContent {
  if (!content) return { kind: 'empty' };
  let parsed: SerializedRoot | null;
  try {
    parsed = JSON.parse(content) as SerializedRoot | null;
  } catch {
    return { kind: 'unreadable' };
  }
  const root = parsed?.root;
  if (!root || !Array.isArray(root.children)) return { kind: 'unreadable' };
  if (serializedNestingLevels(root, MAX_NESTING_LEVELS) > MAX_NESTING_LEVELS) {
    return { kind: 'tooDeep', max: MAX_NESTING_LEVELS };
  }
  return { kind: 'blocks', blocks: root.children as SerializedLexicalNode[] };
}

interface SerializedShape {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

/** Marks, on the walk's stack, where a block ends. */
const END_OF_BLOCK = Symbol('end of block');

/**
 * The words of stored JSON as Lexical's getTextContent() gives them (blocks apart by a blank
 * line), for a document stored without its plain text. Walks with its own stack, like
 * everything that reads a document too deep for the editor.
 */
export function textOfStoredContent(content: string): string {
  let parsed: SerializedRoot | null;
  try {
    parsed = JSON.parse(content) as SerializedRoot | null;
  } catch {
    return '';
  }
  const root = parsed?.root;
  const blocks: string[] = [];
  let block = '';
  const stack: (SerializedShape | typeof END_OF_BLOCK)[] = [root ?? {}];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if (entry === END_OF_BLOCK) {
      blocks.push(block);
      block = '';
      continue;
    }
    if (typeof entry.text === 'string') block += entry.text;
    else if (entry.type === 'linebreak') block += '\n';
    if (!Array.isArray(entry.children)) continue;
    const children = entry.children as (SerializedShape | null)[];
    // A block is an element with no elements inside (a paragraph, a list item's line).
    if (entry !== root && !children.some((child) => Array.isArray(child?.children))) {
      stack.push(END_OF_BLOCK);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return blocks.join('\n\n');
}
