/**
 * Continue writing in the renderer: the pure rules for pending text and keys, and the editor
 * behaviour in a headless Lexical editor (the prompt's tail, pending text kept out of the
 * document's text and saved JSON, accepted text as paragraphs).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import {
  continueKeyAction,
  type ContinueKeyEvent,
} from '../../renderer/editor/continue/continueKeys.js';
import {
  $getPendingNode,
  $insertAcceptedText,
  $insertPendingNode,
  $isCaretBefore,
} from '../../renderer/editor/continue/pendingText.js';
import {
  PENDING_TEXT_TYPE,
  PendingTextNode,
} from '../../renderer/editor/continue/PendingTextNode.js';
import {
  alternativeLabel,
  cycleIndex,
  isPrintableKey,
  leadingLineBreaksLength,
  nextWordLength,
  pendingDisplayText,
  splitIntoParagraphs,
  typeThroughLength,
  withoutNodesOfType,
} from '../../renderer/editor/continue/pendingTextRules.js';
import {
  contextText,
  firstTokenText,
  speedText,
} from '../../renderer/editor/continue/statusFormat.js';
import { $textBeforeCursor } from '../../renderer/editor/continue/textBeforeCursor.js';

function newEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'inkwell-continue-test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, PendingTextNode],
    onError: (error) => {
      throw error;
    },
  });
}

function update(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true });
}

function read<T>(editor: LexicalEditor, reader: () => T): T {
  return editor.getEditorState().read(reader);
}

/** Paragraphs with the given texts, the caret at the end of the last one. */
function withParagraphs(editor: LexicalEditor, texts: string[]): void {
  update(editor, () => {
    const root = $getRoot();
    root.clear();
    for (const text of texts) {
      const paragraph = $createParagraphNode();
      if (text) paragraph.append($createTextNode(text));
      root.append(paragraph);
    }
    root.selectEnd();
  });
}

function key(init: Partial<ContinueKeyEvent> & { key: string; code: string }): ContinueKeyEvent {
  return {
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    isComposing: false,
    ...init,
  };
}

describe('pending text rules', () => {
  it('splits accepted text into paragraphs at blank lines only', () => {
    assert.deepEqual(splitIntoParagraphs(' and then.\n\nNext day\nshe left.'), [
      ' and then.',
      'Next day\nshe left.',
    ]);
    assert.deepEqual(splitIntoParagraphs('a\r\n \r\n\n\nb'), ['a', 'b']);
    assert.deepEqual(splitIntoParagraphs('one line'), ['one line']);
  });

  it('shows pending text exactly as Tab keeps it: a run of blank lines is one paragraph break', () => {
    const suggestion = ' the door opened.\n\n\n\n\nShe waited.\n  \n\n\nThen\nnothing.';
    const shown = pendingDisplayText(suggestion);
    assert.equal(shown, ' the door opened.\n\nShe waited.\n\nThen\nnothing.');
    // Tab keeps paragraphs; shown, those paragraphs are separated by one blank line each.
    assert.deepEqual(shown.split('\n\n'), splitIntoParagraphs(suggestion));
  });

  it('takes the next word with the spaces before it, or what is left', () => {
    assert.equal(nextWordLength(' the keeper'), 4);
    assert.equal(nextWordLength('\n\nThe'), 5);
    assert.equal(nextWordLength('   '), 3);
  });

  it('type-through consumes a matching character and nothing else', () => {
    assert.equal(typeThroughLength(' the', ' '), 1);
    assert.equal(typeThroughLength('The', 't'), 0);
    assert.equal(typeThroughLength('😀 ok', '😀'), 2);
    assert.equal(leadingLineBreaksLength('\n\nNext'), 2);
    assert.equal(leadingLineBreaksLength('Next'), 0);
  });

  it('tells typed characters from shortcuts (AltGr types)', () => {
    const base = { ctrlKey: false, metaKey: false, altKey: false };
    assert.equal(isPrintableKey({ ...base, key: 'a' }), true);
    assert.equal(isPrintableKey({ ...base, key: 'Enter' }), false);
    assert.equal(isPrintableKey({ ...base, ctrlKey: true, key: 'a' }), false);
    assert.equal(isPrintableKey({ ...base, ctrlKey: true, altKey: true, key: '@' }), true);
  });

  it('labels and cycles alternatives, wrapping at both ends', () => {
    assert.equal(alternativeLabel(1, 3), '2 / 3');
    assert.equal(alternativeLabel(0, 1), '');
    assert.equal(cycleIndex(0, 3, -1), 2);
    assert.equal(cycleIndex(2, 3, 1), 0);
  });

  it('formats the status bar figures', () => {
    const plan = { promptTokens: 312, maxNewTokens: 80, contextSize: 1024, droppedTokens: 0 };
    assert.equal(contextText(plan), 'Context 312 + 80 / 1,024');
    assert.equal(speedText(123.4), '123 tokens/s');
    assert.equal(speedText(4.25), '4.3 tokens/s');
    assert.equal(speedText(null), '');
    assert.equal(firstTokenText(120), 'first words in 0.12 s');
    assert.equal(firstTokenText(null), '');
  });
});

describe('continue keys', () => {
  it('continues and asks for another alternative with or without pending text', () => {
    assert.equal(
      continueKeyAction(key({ key: 'Enter', code: 'Enter', ctrlKey: true }), null).kind,
      'continue',
    );
    assert.equal(
      continueKeyAction(key({ key: 'r', code: 'KeyR', ctrlKey: true }), 'x').kind,
      'another',
    );
    assert.equal(continueKeyAction(key({ key: 'Tab', code: 'Tab' }), null).kind, 'none');
  });

  it('maps the keys that decide about pending text', () => {
    const pending = ' the night';
    assert.equal(continueKeyAction(key({ key: 'Tab', code: 'Tab' }), pending).kind, 'acceptAll');
    assert.equal(
      continueKeyAction(key({ key: 'ArrowRight', code: 'ArrowRight', ctrlKey: true }), pending)
        .kind,
      'acceptWord',
    );
    assert.equal(continueKeyAction(key({ key: 'Escape', code: 'Escape' }), pending).kind, 'escape');
    assert.deepEqual(
      continueKeyAction(key({ key: '“', code: 'BracketLeft', altKey: true }), pending),
      { kind: 'cycle', step: -1 },
    );
    assert.deepEqual(continueKeyAction(key({ key: ' ', code: 'Space' }), pending), {
      kind: 'typeThrough',
      count: 1,
    });
    assert.equal(continueKeyAction(key({ key: 'x', code: 'KeyX' }), pending).kind, 'reject');
    assert.equal(
      continueKeyAction(key({ key: 'Backspace', code: 'Backspace' }), pending).kind,
      'reject',
    );
    assert.equal(continueKeyAction(key({ key: 'Enter', code: 'Enter' }), pending).kind, 'reject');
    assert.deepEqual(continueKeyAction(key({ key: 'Enter', code: 'Enter' }), '\n\nNext'), {
      kind: 'typeThrough',
      count: 2,
    });
    assert.equal(
      continueKeyAction(key({ key: 'ArrowLeft', code: 'ArrowLeft' }), pending).kind,
      'none',
    );
    assert.equal(
      continueKeyAction(key({ key: 'a', code: 'KeyA', isComposing: true }), pending).kind,
      'none',
    );
  });
});

describe('pending text in the editor', () => {
  it('sends only the tail before the caret, blocks separated as in the saved text', () => {
    const editor = newEditor();
    withParagraphs(editor, ['First paragraph.', 'Second one.']);
    assert.equal(
      read(editor, () => $textBeforeCursor(1000)),
      'First paragraph.\n\nSecond one.',
    );
    assert.equal(
      read(editor, () => $textBeforeCursor(8)),
      'ond one.',
    );
    update(editor, () => {
      const text = $getRoot().getFirstDescendant();
      if ($isTextNode(text)) text.select(5, 5);
    });
    assert.equal(
      read(editor, () => $textBeforeCursor(1000)),
      'First',
    );
  });

  it('keeps pending text out of the text content and the saved JSON, with the caret before it', () => {
    const editor = newEditor();
    withParagraphs(editor, ['The keeper climbed']);
    let key: string | null = null;
    update(editor, () => {
      key = $insertPendingNode();
      $getPendingNode(key)?.setText(' the stairs.');
    });
    assert.notEqual(key, null);
    assert.equal(
      read(editor, () => $getRoot().getTextContent()),
      'The keeper climbed',
    );
    assert.equal(
      read(editor, () => {
        const node = $getPendingNode(key);
        return node !== null && $isCaretBefore(node);
      }),
      true,
    );
    const json = editor.getEditorState().toJSON();
    assert.match(JSON.stringify(json), new RegExp(PENDING_TEXT_TYPE));
    const saved = JSON.stringify(withoutNodesOfType(json.root, PENDING_TEXT_TYPE));
    assert.doesNotMatch(saved, new RegExp(PENDING_TEXT_TYPE));
    assert.match(saved, /The keeper climbed/);
  });

  it('inserts accepted text before the pending node, blank lines as new paragraphs', () => {
    const editor = newEditor();
    withParagraphs(editor, ['The keeper climbed']);
    let key: string | null = null;
    update(editor, () => {
      key = $insertPendingNode();
    });
    update(editor, () => $insertAcceptedText(' the stairs.\n\nAt the top'));
    const blocks = read(editor, () =>
      $getRoot()
        .getChildren()
        .map((block) => block.getTextContent()),
    );
    assert.deepEqual(blocks, ['The keeper climbed the stairs.', 'At the top']);
    const caretStillBefore = read(editor, () => {
      const node = $getPendingNode(key);
      return node !== null && $isCaretBefore(node);
    });
    assert.equal(caretStillBefore, true);
  });

  it('serializes no pending node inside nested children either', () => {
    const tree = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text' }, { type: PENDING_TEXT_TYPE }] }],
    };
    assert.deepEqual(withoutNodesOfType(tree, PENDING_TEXT_TYPE), {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text' }] }],
    });
  });
});
