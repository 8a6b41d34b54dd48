import { $getNodeByKey, $getRoot, HISTORIC_TAG, type LexicalEditor, type NodeKey } from 'lexical';
import { countText, type TextCounts } from '../../../shared/textCounts.js';
import { PENDING_TEXT_TAG } from './pendingText.js';

/**
 * Reports word and character counts after every change (and once for the loaded text). Counts
 * are kept per top-level block and only the blocks an update touched are counted again, so a
 * keystroke in a 50,000-word document costs one paragraph's count, not the whole text's. Blocks
 * are separated by blank lines in the text, so the per-block sums equal the whole text's counts.
 */
export function registerWordCount(
  editor: LexicalEditor,
  onCounts: (counts: TextCounts) => void,
): () => void {
  let blockCounts = new Map<NodeKey, TextCounts>();
  let last: TextCounts | null = null;

  const recount = (isStale: (key: NodeKey) => boolean): void => {
    const next = new Map<NodeKey, TextCounts>();
    const total: TextCounts = { words: 0, characters: 0 };
    for (const key of $getRoot().getChildrenKeys()) {
      let counts = isStale(key) ? undefined : blockCounts.get(key);
      if (!counts) counts = countText($getNodeByKey(key)?.getTextContent() ?? '');
      next.set(key, counts);
      total.words += counts.words;
      total.characters += counts.characters;
    }
    blockCounts = next;
    if (last && last.words === total.words && last.characters === total.characters) return;
    last = total;
    onCounts(total);
  };

  editor.getEditorState().read(() => recount(() => true));
  return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    // Pending continuation text has no text content: showing or growing it changes no count.
    if (tags.has(PENDING_TEXT_TAG)) return;
    // Undo and redo swap in a whole state, marking only the root: everything is counted again.
    const wholeState =
      tags.has(HISTORIC_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 1);
    // Otherwise a changed node marks its ancestors dirty too: a changed block is in the set.
    editorState.read(() =>
      recount((key) => wholeState || dirtyElements.has(key) || dirtyLeaves.has(key)),
    );
  });
}
