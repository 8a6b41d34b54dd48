import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical';

/** What Lexical puts between two blocks in a document's plain text. */
const BLOCK_SEPARATOR = '\n\n';

function isBlock(node: LexicalNode): boolean {
  return $isElementNode(node) && !node.isInline();
}

/** Drops a lone low surrogate left at the start when a cut fell inside a character pair. */
function withoutBrokenStart(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? text.slice(1) : text;
}

/**
 * The last `limit` characters of the document's plain text before the start of the selection,
 * formatted as the saved plain text is (blocks separated by a blank line). It walks backwards
 * from the cursor and stops once it has enough, so a 50,000-word document costs no more than a
 * short one. Must run inside `editor.read()` or `editor.update()`; '' without a range selection.
 */
export function $textBeforeCursor(limit: number): string {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return '';
  const start = selection.isBackward() ? selection.focus : selection.anchor;
  const pieces: string[] = [];
  let length = 0;
  const prepend = (text: string): void => {
    if (text === '') return;
    pieces.push(text);
    length += text.length;
  };
  const prependSibling = (sibling: LexicalNode): void => {
    prepend(
      isBlock(sibling) ? sibling.getTextContent() + BLOCK_SEPARATOR : sibling.getTextContent(),
    );
  };

  const anchorNode = start.getNode();
  let current: LexicalNode | null = anchorNode;
  if ($isTextNode(anchorNode)) {
    prepend(anchorNode.getTextContent().slice(0, start.offset));
  } else if ($isElementNode(anchorNode)) {
    // An element point: the children before the offset come first, then the element's own
    // earlier siblings as for a text point inside it.
    for (let index = start.offset - 1; index >= 0 && length < limit; index -= 1) {
      const child = anchorNode.getChildAtIndex(index);
      if (child) prependSibling(child);
    }
  }
  while (current && !$isRootNode(current) && length < limit) {
    let sibling = current.getPreviousSibling();
    while (sibling && length < limit) {
      prependSibling(sibling);
      sibling = sibling.getPreviousSibling();
    }
    current = current.getParent();
  }
  const text = pieces.reverse().join('');
  return withoutBrokenStart(text.length > limit ? text.slice(text.length - limit) : text);
}
