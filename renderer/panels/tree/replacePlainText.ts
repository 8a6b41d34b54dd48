/**
 * Replaces a span of the document's plain text (blocks joined by a blank line, as Lexical's
 * getTextContent and the continue prompt spell it) with new text, in one editor update: "Use
 * this branch" is one undo step.
 */
import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { $insertAcceptedText } from '../../editor/continue/pendingText.js';

type Place = { key: string; offset: number; type: PointType['type'] };

const BLOCK_SEPARATOR = 2;

/** Where a plain-text offset falls inside `node` (whose text starts at offset 0). */
function $placeIn(node: LexicalNode, offset: number): Place | null {
  if ($isTextNode(node)) return { key: node.getKey(), offset, type: 'text' };
  if (!$isElementNode(node)) return null;
  const children = node.getChildren();
  let at = 0;
  for (const [index, child] of children.entries()) {
    const length = child.getTextContentSize();
    if (offset <= at + length) {
      const inside = $placeIn(child, offset - at);
      // A line break or a decorator: the point goes beside it in its parent.
      return (
        inside ?? { key: node.getKey(), offset: offset === at ? index : index + 1, type: 'element' }
      );
    }
    at += length;
    const block = $isElementNode(child) && !child.isInline() && index < children.length - 1;
    if (block) {
      // Inside the blank line between two blocks: the start of the next one.
      if (offset < at + BLOCK_SEPARATOR) return $placeIn(children[index + 1] as LexicalNode, 0);
      at += BLOCK_SEPARATOR;
    }
  }
  return { key: node.getKey(), offset: children.length, type: 'element' };
}

/** Replaces [start, end) of the plain text with `text`; false when the offsets are not there. */
export function replacePlainText(
  editor: LexicalEditor,
  start: number,
  end: number,
  text: string,
): boolean {
  let done = false;
  editor.update(
    () => {
      const root = $getRoot();
      const from = $placeIn(root, start);
      const to = $placeIn(root, end);
      if (!from || !to) return;
      const selection = $createRangeSelection();
      selection.anchor.set(from.key, from.offset, from.type);
      selection.focus.set(to.key, to.offset, to.type);
      $setSelection(selection);
      if (start !== end) selection.removeText();
      $insertAcceptedText(text);
      done = true;
    },
    { discrete: true, tag: HISTORY_PUSH_TAG },
  );
  return done;
}
