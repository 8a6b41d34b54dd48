import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  type NodeKey,
} from 'lexical';
import {
  $createPendingTextNode,
  $isPendingTextNode,
  type PendingTextNode,
} from './PendingTextNode.js';
import { splitIntoParagraphs } from './pendingTextRules.js';

/** Tags every update that only shows, changes or hides pending text (autosave ignores them). */
export const PENDING_TEXT_TAG = 'inkwell-pending-text';

export function $getPendingNode(key: NodeKey | null): PendingTextNode | null {
  if (key === null) return null;
  const node = $getNodeByKey(key);
  return $isPendingTextNode(node) ? node : null;
}

/**
 * Makes the selection a caret where a continuation goes: the end of a selected range (so the
 * selected words are part of the prompt), or the end of the document when nothing is selected.
 */
export function $collapseSelectionForContinue(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) {
    $getRoot().selectEnd();
    return;
  }
  if (selection.isCollapsed()) return;
  const end = selection.isBackward() ? selection.anchor : selection.focus;
  selection.anchor.set(end.key, end.offset, end.type);
  selection.focus.set(end.key, end.offset, end.type);
}

/** Puts an empty pending node at the caret, the caret staying in front of it. */
export function $insertPendingNode(): NodeKey | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = $createPendingTextNode();
  selection.insertNodes([node]);
  node.selectPrevious();
  return node.getKey();
}

/** Whether the caret is directly in front of the pending node, where the writer left it. */
export function $isCaretBefore(node: PendingTextNode): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const { anchor } = selection;
  const anchorNode = anchor.getNode();
  if (anchor.type === 'text' && $isTextNode(anchorNode)) {
    // By key: `node` may be an older copy of the node than its sibling link gives.
    return (
      anchor.offset === anchorNode.getTextContentSize() &&
      anchorNode.getNextSibling()?.is(node) === true
    );
  }
  return (
    $isElementNode(anchorNode) &&
    anchorNode.is(node.getParent()) &&
    anchor.offset === node.getIndexWithinParent()
  );
}

/**
 * Inserts accepted text at the caret as ordinary text: blank lines become paragraph breaks and
 * single line breaks stay line breaks, in the current block's style.
 */
export function $insertAcceptedText(text: string): void {
  splitIntoParagraphs(text).forEach((part, index) => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (index > 0) selection.insertParagraph();
    if (part !== '') $getSelection()?.insertRawText(part);
  });
}
