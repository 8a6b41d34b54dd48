import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
} from '@lexical/rich-text';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

/** Turns the blocks under the selection into `BlockType`; applying the current type undoes it. */
export const SET_BLOCK_TYPE_COMMAND = createCommand<BlockType>('SET_BLOCK_TYPE_COMMAND');

function $topLevelBlock(node: LexicalNode): LexicalNode | null {
  if ($isRootOrShadowRoot(node)) return null;
  return $findMatchingParent(node, (candidate) => {
    const parent = candidate.getParent();
    return parent !== null && $isRootOrShadowRoot(parent);
  });
}

/** The block type at the selection's anchor, for the toolbar. Must run inside a read or update. */
export function $currentBlockType(): BlockType | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const block = $topLevelBlock(anchor);
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'paragraph';
  }
  if ($isQuoteNode(block)) return 'quote';
  return 'paragraph';
}

function $applyBlockType(editor: LexicalEditor, requested: BlockType): void {
  if (!$isRangeSelection($getSelection())) return;
  const current = $currentBlockType();
  const target = current === requested && requested !== 'paragraph' ? 'paragraph' : requested;
  if (target === 'bullet' || target === 'number') {
    editor.dispatchCommand(
      target === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
      undefined,
    );
    return;
  }
  if (current === 'bullet' || current === 'number') {
    // List items become paragraphs first; headings and quotes are then made from those.
    editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    if (target === 'paragraph') return;
  }
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (target === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
  else if (target === 'quote') $setBlocksType(selection, () => $createQuoteNode());
  else $setBlocksType(selection, () => $createHeadingNode(target));
}

export function registerBlockFormat(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      SET_BLOCK_TYPE_COMMAND,
      (blockType) => {
        $applyBlockType(editor, blockType);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );
}
