/**
 * Autosave's snapshot of a long document: byte for byte what Lexical's own export writes (less
 * pending text), in any state the editor passes through, while serializing only the blocks that
 * changed since the previous snapshot.
 */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  ParagraphNode,
  type EditorState,
  type LexicalEditor,
} from 'lexical';
import { SnapshotSerializer } from '../../renderer/editor/autosave/snapshotSerializer.js';
import { $getPendingNode, $insertPendingNode } from '../../renderer/editor/continue/pendingText.js';
import {
  PENDING_TEXT_TYPE,
  PendingTextNode,
} from '../../renderer/editor/continue/PendingTextNode.js';
import { withoutNodesOfType } from '../../renderer/editor/continue/pendingTextRules.js';

function newEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'inkwell-snapshot-test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, PendingTextNode],
    onError: (error) => {
      throw error;
    },
  });
}

function update(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true });
}

/** What autosave sent before the serializer: the whole export, pending nodes filtered out. */
function expectedSnapshot(state: EditorState): { content: string; text: string } {
  const json = state.toJSON();
  return {
    content: JSON.stringify({ ...json, root: withoutNodesOfType(json.root, PENDING_TEXT_TYPE) }),
    text: state.read(() => $getRoot().getTextContent()),
  };
}

/** A heading, formatted text, a nested list and plain paragraphs; the caret at the end. */
function writeStory(editor: LexicalEditor, paragraphs: number): void {
  update(editor, () => {
    const root = $getRoot();
    root.clear();
    root.append($createHeadingNode('h1').append($createTextNode('The keeper "of" the light')));
    const styled = $createParagraphNode();
    styled.append($createTextNode('Bold ').toggleFormat('bold'), $createTextNode('and plain.'));
    root.append(styled);
    const inner = $createListNode('number').append(
      $createListItemNode().append($createTextNode('inner')),
    );
    root.append(
      $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('outer')),
        $createListItemNode().append(inner),
      ),
    );
    for (let i = 0; i < paragraphs; i += 1) {
      root.append($createParagraphNode().append($createTextNode(`Paragraph ${i}, naïve — ✓.`)));
    }
    root.selectEnd();
  });
}

describe('autosave snapshot', () => {
  it('writes exactly what the editor exports, with pending text left out', () => {
    const editor = newEditor();
    const serializer = new SnapshotSerializer(PENDING_TEXT_TYPE);
    writeStory(editor, 3);
    assert.deepEqual(
      serializer.snapshot(editor.getEditorState()),
      expectedSnapshot(editor.getEditorState()),
    );

    update(editor, () => {
      const key = $insertPendingNode();
      $getPendingNode(key)?.setText(' and the sea.');
    });
    const withPending = serializer.snapshot(editor.getEditorState());
    assert.deepEqual(withPending, expectedSnapshot(editor.getEditorState()));
    assert.doesNotMatch(withPending.content, new RegExp(PENDING_TEXT_TYPE));
  });

  it('follows every edit, a restored earlier state included, while reusing what did not change', () => {
    const editor = newEditor();
    const serializer = new SnapshotSerializer(PENDING_TEXT_TYPE);
    writeStory(editor, 5);
    const original = editor.getEditorState();
    assert.deepEqual(serializer.snapshot(original), expectedSnapshot(original));

    // Typing in the last paragraph: its text node changes, its paragraph object does not.
    update(editor, () => {
      const last = $getRoot().getLastDescendant();
      if ($isTextNode(last)) last.setTextContent(`${last.getTextContent()} More.`);
    });
    assert.deepEqual(
      serializer.snapshot(editor.getEditorState()),
      expectedSnapshot(editor.getEditorState()),
    );

    // A formatting change deep inside the nested list.
    update(editor, () => {
      const inner = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent() === 'inner');
      inner?.toggleFormat('italic');
    });
    assert.deepEqual(
      serializer.snapshot(editor.getEditorState()),
      expectedSnapshot(editor.getEditorState()),
    );

    // Undo and "load theirs" put an earlier state back: the same keys, older nodes.
    editor.setEditorState(original);
    assert.deepEqual(serializer.snapshot(editor.getEditorState()), expectedSnapshot(original));

    // Blocks removed and added.
    update(editor, () => {
      $getRoot().getFirstChild()?.remove();
      $getRoot().append($createParagraphNode().append($createTextNode('The end.')));
    });
    assert.deepEqual(
      serializer.snapshot(editor.getEditorState()),
      expectedSnapshot(editor.getEditorState()),
    );
  });

  it('serializes only the blocks that changed since the last snapshot', () => {
    const editor = newEditor();
    const serializer = new SnapshotSerializer(PENDING_TEXT_TYPE);
    writeStory(editor, 50);
    serializer.snapshot(editor.getEditorState());

    const exports = mock.method(ParagraphNode.prototype, 'exportJSON');
    try {
      update(editor, () => {
        const last = $getRoot().getLastDescendant();
        if ($isTextNode(last)) last.setTextContent('Rewritten.');
      });
      serializer.snapshot(editor.getEditorState());
      assert.equal(exports.mock.callCount(), 1);

      // Pending text growing in a paragraph is not a change of what is saved.
      update(editor, () => {
        const key = $insertPendingNode();
        $getPendingNode(key)?.setText(' a suggestion');
      });
      serializer.snapshot(editor.getEditorState());
      update(editor, () => {
        const last = $getRoot().getLastChild();
        const pending = $isElementNode(last)
          ? last.getChildren().find((node) => node instanceof PendingTextNode)
          : undefined;
        if (pending instanceof PendingTextNode) pending.setText(' a suggestion that grows');
      });
      exports.mock.resetCalls();
      serializer.snapshot(editor.getEditorState());
      assert.equal(exports.mock.callCount(), 0);
    } finally {
      exports.mock.restore();
    }
  });
});
