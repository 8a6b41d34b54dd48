/**
 * The word count that keeps up with long documents: only the blocks an update touched are
 * counted again, and the totals stay those of the whole text (including after undo, which
 * swaps in a whole state, and with pending continuation text, which is never counted).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  HISTORIC_TAG,
  type ParagraphNode,
} from 'lexical';
import { $insertPendingNode, $getPendingNode } from '../../renderer/editor/continue/pendingText.js';
import { PendingTextNode } from '../../renderer/editor/continue/PendingTextNode.js';
import { registerWordCount } from '../../renderer/editor/continue/incrementalWordCount.js';
import type { TextCounts } from '../../shared/textCounts.js';

it('counts words per block and follows edits, removals, undo and pending text', () => {
  const editor = createHeadlessEditor({
    namespace: 'inkwell-word-count-test',
    nodes: [PendingTextNode],
    onError: (error) => {
      throw error;
    },
  });
  const update = (change: () => void, tag?: string): void =>
    editor.update(change, { discrete: true, ...(tag ? { tag } : {}) });
  update(() => {
    for (const text of ['one two three', 'four five', 'six']) {
      $getRoot().append($createParagraphNode().append($createTextNode(text)));
    }
  });
  let counts: TextCounts | null = null;
  const unregister = registerWordCount(editor, (next: TextCounts) => (counts = next));
  assert.deepEqual(counts, { words: 6, characters: 25 });

  update(() => {
    const text = $getRoot().getChildAtIndex<ParagraphNode>(1)?.getFirstDescendant();
    if ($isTextNode(text)) text.setTextContent('four five seven');
  });
  assert.deepEqual(counts, { words: 7, characters: 31 });
  const beforeRemoval = editor.getEditorState();

  update(() => $getRoot().getFirstChild()?.remove());
  assert.deepEqual(counts, { words: 4, characters: 18 });

  editor.setEditorState(beforeRemoval, { tag: HISTORIC_TAG });
  assert.deepEqual(counts, { words: 7, characters: 31 });

  update(() => {
    $getRoot().selectEnd();
    $getPendingNode($insertPendingNode())?.setText(' and a great many more words');
  });
  assert.deepEqual(counts, { words: 7, characters: 31 });
  unregister();
});
