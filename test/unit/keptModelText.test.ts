/**
 * Kept model text: which of its tokens stay tinted as the writer edits it, how keeping a
 * suggestion (all of it, word by word, across a paragraph break, a branch's lead) records where
 * each piece came from, that the pieces are saved with the document and export as plain text,
 * and that choosing another token of kept text cuts the rest of that generation's text (not the
 * writer's after it), streams a branch recorded at the token, and that Ctrl+Z brings it back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $generateHtmlFromNodes } from '@lexical/html';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  createEditor,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { ContinueController } from '../../renderer/editor/continue/continueController.js';
import { createContinuePort } from '../../renderer/editor/continue/continuePort.js';
import { createContinueStores } from '../../renderer/editor/continue/continueState.js';
import {
  $isKeptModelTextNode,
  KeptModelTextNode,
} from '../../renderer/editor/continue/KeptModelTextNode.js';
import { PendingTextNode } from '../../renderer/editor/continue/PendingTextNode.js';
import { $getPendingNode } from '../../renderer/editor/continue/pendingText.js';
import { $exportMarkdown } from '../../renderer/documentFormats/markdown.js';
import { $exportPlainText } from '../../renderer/documentFormats/plainText.js';
import { $cutKeptFrom } from '../../renderer/editor/probabilities/keptCut.js';
import { $withoutOrigins } from '../../renderer/editor/continue/keptTextRules.js';
import { $createKeptModelTextNode } from '../../renderer/editor/continue/KeptModelTextNode.js';
import {
  keptTokenAtCaret,
  keptTokenRanges,
  type KeptPiece,
} from '../../renderer/editor/probabilities/keptRuns.js';
import { ContinueServer, stepOf } from './support/continueServer.js';

globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback): number =>
  Number(setTimeout(() => callback(performance.now()), 0));
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** "The lamp was lit": four tokens, one of each of four tint levels. */
const STEPS = [stepOf('The', 0.9), stepOf(' lamp', 0.3), stepOf(' was', 0.05), stepOf(' lit', 0.6)];
const piece = (text: string, from: number, length: number, key = `k${from}`): KeptPiece => ({
  key,
  generationId: 'g1',
  from,
  length,
  text,
});
const tinted = (pieces: KeptPiece[]): [string, number, string][] =>
  keptTokenRanges(pieces, (id) => (id === 'g1' ? STEPS : null)).map((range) => [
    range.key,
    range.step,
    pieces.find((entry) => entry.key === range.key)!.text.slice(range.start, range.end),
  ]);

describe('the tint of kept text', () => {
  it('tints every token of kept text that reads as the model wrote it', () => {
    assert.deepEqual(tinted([piece('The lamp was lit', 0, 16)]), [
      ['k0', 0, 'The'],
      ['k0', 1, ' lamp'],
      ['k0', 2, ' was'],
      ['k0', 3, ' lit'],
    ]);
    // Kept up to the middle of a token (typed through "The la"): the kept part of it is tinted.
    assert.deepEqual(tinted([piece('The la', 0, 6)]), [
      ['k0', 0, 'The'],
      ['k0', 1, ' la'],
    ]);
  });

  it('drops the tint from the first changed token on, in that piece and every later one', () => {
    // "lamp" became "lamb": " lamp" and everything after it are the writer's now.
    assert.deepEqual(tinted([piece('The lamb was lit', 0, 16)]), [['k0', 0, 'The']]);
    // The last character deleted: the token it was in is no longer the model's.
    assert.deepEqual(tinted([piece('The lamp was li', 0, 16)]), [
      ['k0', 0, 'The'],
      ['k0', 1, ' lamp'],
      ['k0', 2, ' was'],
    ]);
    // Kept as two paragraphs; the second edited: the first keeps all of its tint.
    assert.deepEqual(tinted([piece('The lamp', 0, 8), piece(' wax lit', 8, 8)]), [
      ['k0', 0, 'The'],
      ['k0', 1, ' lamp'],
    ]);
    // The first edited: the second, later in the output, loses its tint too.
    assert.deepEqual(tinted([piece('The lump', 0, 8), piece(' was lit', 8, 8)]), [
      ['k0', 0, 'The'],
    ]);
  });

  it('tints nothing of a generation whose steps are not known', () => {
    assert.deepEqual(
      keptTokenRanges([{ ...piece('The lamp', 0, 8), generationId: 'g2' }], () => null),
      [],
    );
  });

  it('finds the token at the caret: the one before it, or the first at the start', () => {
    const ranges = keptTokenRanges([piece('The lamp was lit', 0, 16)], () => STEPS);
    assert.equal(keptTokenAtCaret(ranges, 'k0', 0)?.step, 0);
    assert.equal(keptTokenAtCaret(ranges, 'k0', 3)?.step, 0);
    assert.equal(keptTokenAtCaret(ranges, 'k0', 4)?.step, 1);
    assert.equal(keptTokenAtCaret(ranges, 'k0', 16)?.step, 3);
    assert.equal(keptTokenAtCaret(ranges, 'other', 1), null);
  });
});

interface Setup {
  editor: LexicalEditor;
  server: ContinueServer;
  controller: ContinueController;
}

async function continuing(...tokens: string[]): Promise<Setup> {
  const editor = createEditor({
    namespace: 'inkwell-kept-model-text-test',
    nodes: [PendingTextNode, KeptModelTextNode],
    onError: (error) => {
      throw error;
    },
  });
  registerHistory(editor, createEmptyHistoryState(), 0);
  editor.update(
    () => {
      $getRoot().append($createParagraphNode().append($createTextNode('The keeper')));
      $getRoot().selectEnd();
    },
    { discrete: true },
  );
  const server = new ContinueServer();
  const controller = new ContinueController({
    editor,
    port: createContinuePort(server),
    documentId: 'document-1',
    stores: createContinueStores(),
    reportError: (error) => assert.fail(String(error)),
    onIdle: () => undefined,
  });
  controller.continueAtCursor();
  await settle();
  server.tokens(...tokens);
  await settle(20);
  return { editor, server, controller };
}

/** Each paragraph's text nodes: [text, generation (by start number) or null, from, length]. */
function pieces(
  editor: LexicalEditor,
  server: ContinueServer,
): [string, number | null, number, number][][] {
  const ids = server.starts.map((start) => start.generationId);
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) =>
        ($isElementNode(block) ? block.getAllTextNodes() : []).filter($isTextNode).map((node) => {
          if (!$isKeptModelTextNode(node)) return [node.getTextContent(), null, 0, 0];
          const origin = node.getOrigin();
          return [
            node.getTextContent(),
            ids.indexOf(origin.generationId),
            origin.from,
            origin.length,
          ];
        }),
      ),
  ) as [string, number | null, number, number][][];
}

const documentText = (editor: LexicalEditor): string =>
  editor.getEditorState().read(() => $getRoot().getTextContent());

describe('keeping a suggestion', () => {
  it('records the generation and the offsets of the kept text, joining word after word', async () => {
    const { editor, server, controller } = await continuing(' climbed', ' the', ' stairs');
    controller.acceptNextWord();
    controller.acceptNextWord();
    assert.deepEqual(pieces(editor, server), [
      [
        ['The keeper', null, 0, 0],
        [' climbed the', 0, 0, 12],
      ],
    ]);
    controller.acceptAll();
    assert.deepEqual(pieces(editor, server), [
      [
        ['The keeper', null, 0, 0],
        [' climbed the stairs', 0, 0, 19],
      ],
    ]);
    controller.dispose();
  });

  it('follows the output across a paragraph break and a line break', async () => {
    const { editor, server, controller } = await continuing(' Night.', '\n\n', 'Day', '\n', 'came');
    controller.acceptAll();
    assert.deepEqual(pieces(editor, server), [
      [
        ['The keeper', null, 0, 0],
        [' Night.', 0, 0, 7],
      ],
      [
        ['Day', 0, 9, 3],
        ['came', 0, 13, 4],
      ],
    ]);
    controller.dispose();
  });

  it('keeps a branch’s lead as its parent’s text, the chosen token as the writer’s', async () => {
    const { editor, server, controller } = await continuing(' climbed', ' the', ' stairs');
    controller.branchAt(2, ' other');
    await settle();
    server.tokens(' door');
    await settle(20);
    controller.acceptAll();
    assert.deepEqual(pieces(editor, server), [
      [
        ['The keeper', null, 0, 0],
        [' climbed the', 0, 0, 12],
        [' other', null, 0, 0],
        [' door', 1, 0, 5],
      ],
    ]);
    controller.dispose();
  });

  it('is saved with the document and exports as plain text', async () => {
    const { editor, controller } = await continuing(' climbed', ' the', ' stairs');
    controller.acceptAll();
    controller.dispose();
    const saved = JSON.stringify(editor.getEditorState().toJSON());
    const reloaded = createEditor({
      namespace: 'inkwell-kept-model-text-reload',
      nodes: [PendingTextNode, KeptModelTextNode],
      onError: (error) => {
        throw error;
      },
    });
    reloaded.setEditorState(reloaded.parseEditorState(saved));
    const origins = reloaded.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter($isKeptModelTextNode)
        .map((node) => node.getOrigin()),
    );
    assert.equal(origins.length, 1);
    assert.deepEqual(
      { ...origins[0], generationId: '' },
      { generationId: '', from: 0, length: 19 },
    );
    assert.equal(
      reloaded.getEditorState().read(() => $exportPlainText()),
      'The keeper climbed the stairs\n',
    );
    assert.equal(
      reloaded.getEditorState().read(() => $exportMarkdown()),
      'The keeper climbed the stairs\n',
    );
  });

  it('reads a damaged origin as none: the text stays, untinted', () => {
    const editor = createEditor({
      namespace: 'inkwell-kept-model-text-damaged',
      nodes: [KeptModelTextNode],
      onError: (error) => {
        throw error;
      },
    });
    const node = { type: 'inkwell-kept-model-text', version: 1, text: 'lamp', format: 0 };
    const state = editor.parseEditorState({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [{ ...node, detail: 0, mode: 'normal', style: '', model: { from: 'x' } }],
          },
        ],
      },
    } as unknown as Parameters<LexicalEditor['parseEditorState']>[0]);
    const read = state.read(() => {
      const [text] = $getRoot().getAllTextNodes();
      return [text?.getTextContent(), $isKeptModelTextNode(text) ? text.getOrigin() : null];
    });
    assert.deepEqual(read, ['lamp', { generationId: '', from: 0, length: 0 }]);
  });
});

describe('kept text formatted or split by the writer', () => {
  /** The tokens tinted now, with the steps the test's generation streamed. */
  const tintedNow = (editor: LexicalEditor, ...tokens: string[]): string[] => {
    const kept = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter($isKeptModelTextNode)
        .map((node) => ({ key: node.getKey(), ...node.getOrigin(), text: node.getTextContent() })),
    );
    return keptTokenRanges(kept, () => tokens.map((text) => stepOf(text, 0.4))).map((range) =>
      kept.find((entry) => entry.key === range.key)!.text.slice(range.start, range.end),
    );
  };

  it('stays tinted where a word of it is made bold: each part holds its share', async () => {
    const { editor, server, controller } = await continuing(' climbed', ' the', ' stairs');
    controller.acceptAll();
    controller.dispose();
    editor.update(
      () => {
        const kept = $getRoot().getAllTextNodes().find($isKeptModelTextNode)!;
        kept.select(8, 12);
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.formatText('bold');
      },
      { discrete: true },
    );
    assert.deepEqual(pieces(editor, server), [
      [
        ['The keeper', null, 0, 0],
        [' climbed', 0, 0, 8],
        [' the', 0, 8, 4],
        [' stairs', 0, 12, 7],
      ],
    ]);
    const bold = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter((node) => node.hasFormat('bold'))
        .map((node) => node.getTextContent()),
    );
    assert.deepEqual(bold, [' the']);
    assert.deepEqual(tintedNow(editor, ' climbed', ' the', ' stairs'), [
      ' climbed',
      ' the',
      ' stairs',
    ]);
  });

  it('stays tinted on both sides of an Enter typed inside it, the caret on the new line', async () => {
    const { editor, server, controller } = await continuing(' climbed', ' the', ' stairs');
    controller.acceptAll();
    controller.dispose();
    editor.update(
      () => {
        $getRoot().getAllTextNodes().find($isKeptModelTextNode)!.select(8, 8);
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertParagraph();
      },
      { discrete: true },
    );
    assert.deepEqual(pieces(editor, server), [
      [
        ['The keeper', null, 0, 0],
        [' climbed', 0, 0, 8],
      ],
      [[' the stairs', 0, 8, 11]],
    ]);
    // What the writer types next, at the start of the new line, is the writer's own.
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText('Then');
      },
      { discrete: true },
    );
    assert.deepEqual(pieces(editor, server)[1], [
      ['Then', null, 0, 0],
      [' the stairs', 0, 8, 11],
    ]);
    assert.deepEqual(tintedNow(editor, ' climbed', ' the', ' stairs'), [
      ' climbed',
      ' the',
      ' stairs',
    ]);
  });

  it('keeps a cut short piece cut short when it is split', () => {
    const editor = createEditor({
      namespace: 'inkwell-kept-model-text-split',
      nodes: [KeptModelTextNode],
      onError: (error) => {
        throw error;
      },
    });
    editor.update(
      () => {
        // "The lamp was lit" kept, then its last character deleted; then split after "lamp".
        const kept = $createKeptModelTextNode('The lamp was li', {
          generationId: 'g1',
          from: 0,
          length: 16,
        });
        $getRoot().append($createParagraphNode().append(kept));
        kept.splitText(8);
      },
      { discrete: true },
    );
    const parts = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .map((node) =>
          $isKeptModelTextNode(node)
            ? { ...node.getOrigin(), key: node.getKey(), text: node.getTextContent() }
            : null,
        ),
    );
    assert.ok(
      parts.every((part) => part !== null),
      'both parts are kept text',
    );
    assert.deepEqual(
      tinted(parts.map((part) => piece(part!.text, part!.from, part!.length, `k${part!.from}`))),
      [
        ['k0', 0, 'The'],
        ['k0', 1, ' lamp'],
        ['k8', 2, ' was'],
      ],
    );
  });
});

describe('kept text in HTML', () => {
  let dom: JSDOM;
  before(() => {
    dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, {
      window: dom.window,
      document: dom.window.document,
      Node: dom.window.Node,
      HTMLElement: dom.window.HTMLElement,
    });
  });
  after(() => dom.window.close());

  it('exports as ordinary text, without the view’s mark', async () => {
    const { editor, controller } = await continuing(' climbed', ' the');
    controller.acceptAll();
    controller.dispose();
    const html = editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
    assert.match(html, /climbed the/);
    assert.doesNotMatch(html, /kept-model-text/);
  });
});

describe('choosing another token of kept text', () => {
  it('cuts the rest of its generation’s text, not the writer’s after it, and branches there', async () => {
    const { editor, server, controller } = await continuing(
      ' climbed',
      ' the',
      ' stairs',
      ' slowly',
    );
    controller.acceptAll();
    const parent = server.starts[0]!.generationId;
    // The writer goes on in their own words after the kept text.
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(' Then.');
      },
      { discrete: true },
    );
    assert.equal(documentText(editor), 'The keeper climbed the stairs slowly Then.');
    await settle();
    const keys = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter($isKeptModelTextNode)
        .map((node) => node.getKey()),
    );
    controller.branchFromKept({
      generationId: parent,
      tokenIndex: 2,
      text: ' other',
      step: stepOf(' other', 0.2),
      modelBefore: ' climbed the',
      $cut: () => $cutKeptFrom(keys, parent, ' climbed the'.length),
    });
    await settle();
    assert.equal(documentText(editor), 'The keeper climbed the Then.');
    const pending = editor
      .getEditorState()
      .read(() => $getPendingNode(controller.pendingNodeKey)?.getText());
    assert.equal(pending, ' other');
    const branch = server.starts[1]!;
    assert.equal(branch.parentId, parent);
    assert.equal(branch.textBeforeCursor, 'The keeper climbed the other');
    assert.deepEqual(branch.branch, { tokenIndex: 2, prefix: ' climbed the other' });
    assert.deepEqual(pieces(editor, server)[0]?.slice(0, 2), [
      ['The keeper', null, 0, 0],
      [' climbed the', 0, 0, 12],
    ]);

    server.tokens(' door');
    await settle(20);
    // Ctrl+Z: the kept text is back as it was, and the branch's suggestion goes.
    editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settle(20);
    assert.equal(documentText(editor), 'The keeper climbed the stairs slowly Then.');
    assert.equal(controller.active, false);
    assert.deepEqual(pieces(editor, server)[0]?.slice(0, 2), [
      ['The keeper', null, 0, 0],
      [' climbed the stairs slowly', 0, 0, 26],
    ]);
    controller.dispose();
  });
});

describe('kept text copied elsewhere', () => {
  const plainEditor = (): LexicalEditor =>
    createEditor({
      namespace: 'inkwell-kept-model-text-paste',
      nodes: [KeptModelTextNode],
      onError: (error) => {
        throw error;
      },
    });

  it('comes in as the writer’s plain text when pasted, keeping its formats', () => {
    const editor = plainEditor();
    editor.update(
      () => {
        const origin = { generationId: 'g1', from: 0, length: 4 };
        const loose = $createKeptModelTextNode('lamp', origin).setFormat('bold');
        const inside = $createParagraphNode().append($createKeptModelTextNode(' lit', origin));
        const nodes = [loose, inside];
        $withoutOrigins(nodes);
        $getRoot().append($createParagraphNode().append(nodes[0]!), nodes[1]!);
      },
      { discrete: true },
    );
    const read = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .map((node) => [node.getTextContent(), $isKeptModelTextNode(node), node.hasFormat('bold')]),
    );
    assert.deepEqual(read, [
      ['lamp', false, true],
      [' lit', false, false],
    ]);
  });

  it('is never cut with the run it was copied from', () => {
    const editor = plainEditor();
    let keys: string[] = [];
    editor.update(
      () => {
        const run = $createKeptModelTextNode('The lamp was lit', {
          generationId: 'g1',
          from: 0,
          length: 16,
        });
        // The writer's own words, then a copy of " lamp" that kept its origin somehow.
        const copy = $createKeptModelTextNode(' lamp', { generationId: 'g1', from: 3, length: 5 });
        $getRoot().append(
          $createParagraphNode().append(run, $createTextNode(' and then')),
          $createParagraphNode().append(copy),
        );
        keys = [run.getKey(), copy.getKey()];
      },
      { discrete: true },
    );
    editor.update(() => $cutKeptFrom(keys, 'g1', 8), { discrete: true });
    assert.equal(documentText(editor), 'The lamp and then\n\n lamp');
  });
});
