/**
 * Pure rules for pending text: how much a key takes from it, how accepted text becomes
 * paragraphs, how the alternatives counter reads. No Lexical here, so they are unit tested alone.
 */

/** A blank line (possibly with spaces on it) and any further blank lines: a paragraph break. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/;

/**
 * Accepted text as paragraphs: blank lines end a paragraph; a single line break stays a line
 * break inside it. The first part continues the paragraph at the cursor.
 */
export function splitIntoParagraphs(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split(PARAGRAPH_BREAK);
}

/**
 * Pending text as it is shown: each paragraph break as one blank line, exactly as Tab will keep
 * it (splitIntoParagraphs), so a run of blank lines the model wrote never shows more than lands.
 */
export function pendingDisplayText(text: string): string {
  return splitIntoParagraphs(text).join('\n\n');
}

/** How many characters Ctrl/Cmd+Right accepts: the spaces before the next word and the word. */
export function nextWordLength(pending: string): number {
  const match = /^\s*\S+/u.exec(pending);
  return match ? match[0].length : pending.length;
}

/** How many characters Enter takes when the pending text starts a new line (0: it does not). */
export function leadingLineBreaksLength(pending: string): number {
  return /^(?:\r?\n)+/.exec(pending)?.[0].length ?? 0;
}

/**
 * Type-through: the typed character is the next pending one, so it is taken from the pending
 * text instead of rejecting it. Returns how many pending characters it consumes (0: a mismatch).
 */
export function typeThroughLength(pending: string, typed: string): number {
  return typed !== '' && pending.startsWith(typed) ? typed.length : 0;
}

/** Whether a keydown types one character (as opposed to a shortcut or a named key). */
export function isPrintableKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  // AltGr arrives as Ctrl+Alt on Windows and types characters such as "@" or "{".
  const altGraph = event.ctrlKey && event.altKey;
  if (event.metaKey || (event.ctrlKey && !altGraph)) return false;
  return [...event.key].length === 1;
}

/** "2 / 3" for the second of three alternatives; nothing when there is only one. */
export function alternativeLabel(index: number, count: number): string {
  return count > 1 && index >= 0 ? `${index + 1} / ${count}` : '';
}

/** The index after stepping `step` through `count` alternatives, wrapping at both ends. */
export function cycleIndex(index: number, count: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  return (((index + step) % count) + count) % count;
}

/** The saved document without pending text: nodes of `type` dropped from a serialized tree. */
export function withoutNodesOfType<T extends { type?: unknown; children?: unknown }>(
  node: T,
  type: string,
): T {
  if (!Array.isArray(node.children)) return node;
  const children = (node.children as T[])
    .filter((child) => child.type !== type)
    .map((child) => withoutNodesOfType(child, type));
  return { ...node, children };
}
