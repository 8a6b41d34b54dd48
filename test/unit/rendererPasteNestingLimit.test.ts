/**
 * Pasting is an import too: content that would nest deeper than the editor shows, where it
 * lands, comes in as its words alone (and the writer is told), while ordinary pastes are left
 * to Lexical. Runs the editor's clipboard command in a headless editor, as a paste reaches it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import { $createListItemNode, $createListNode, $isListNode, type ListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { documentNodes } from '../../renderer/documentFormats/editorNodes.js';
import { MAX_NESTING_LEVELS } from '../../renderer/documentFormats/importLimits.js';
import { registerPasteNestingLimit } from '../../renderer/editor/nestingLimit.js';

/** A bullet list `levels` deep, one item with text on each level. */
function $nestedList(levels: number): ListNode {
  const top = $createListNode('bullet');
  let list = top;
  for (let level = 1; level <= levels; level += 1) {
    list.append($createListItemNode().append($createTextNode(`level ${level}`)));
    if (level === levels) break;
    const inner = $createListNode('bullet');
    list.append($createListItemNode().append(inner));
    list = inner;
  }
  return top;
}

interface Paste {
  handled: boolean;
  refusals: number;
  editor: LexicalEditor;
}

/** Dispatches a paste of a list `levels` deep into an empty paragraph. */
function paste(levels: number): Paste {
  const editor = createHeadlessEditor({
    namespace: 'inkwell-test',
    nodes: [...documentNodes],
    onError: (error) => {
      throw error;
    },
  });
  const result: Paste = { handled: false, refusals: 0, editor };
  registerPasteNestingLimit(editor, () => (result.refusals += 1));
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().clear().append(paragraph);
      paragraph.select();
      const selection = $getSelection();
      assert.ok(selection);
      result.handled = editor.dispatchCommand(SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, {
        nodes: [$nestedList(levels)],
        selection,
      });
    },
    { discrete: true },
  );
  return result;
}

describe('pasting nested content', () => {
  it('pastes only the words of a list nested past the limit, and says so', () => {
    const { handled, refusals, editor } = paste(300);
    assert.equal(handled, true);
    assert.equal(refusals, 1);
    editor.getEditorState().read(() => {
      const root = $getRoot();
      assert.equal(root.getChildren().some($isListNode), false);
      const text = root.getTextContent();
      assert.match(text, /level 1\b/);
      assert.match(text, /level 300\b/);
    });
  });

  it('leaves a list within the limit to Lexical', () => {
    const { handled, refusals } = paste(MAX_NESTING_LEVELS);
    assert.equal(handled, false);
    assert.equal(refusals, 0);
  });
});
