/**
 * The continue controller in a Lexical editor without a page, against a fake server: typing through a
 * suggestion while it streams in. A long document pays for every editor update (listeners,
 * reconcile, layout), so each typed key is one update, and streamed tokens wait while the
 * writer types (the key's update shows them).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  createEditor,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import {
  LOOKAHEAD_CHARS,
  TYPING_PAUSE_MS,
  WRITER_ENGAGED_MS,
} from '../../shared/channels/generation.js';
import { ContinueController } from '../../renderer/editor/continue/continueController.js';
import { createContinuePort } from '../../renderer/editor/continue/continuePort.js';
import { createContinueStores } from '../../renderer/editor/continue/continueState.js';
import { $getPendingNode, $isCaretBefore } from '../../renderer/editor/continue/pendingText.js';
import { PendingTextNode } from '../../renderer/editor/continue/PendingTextNode.js';
import { ContinueServer } from './support/continueServer.js';

// Frames, as a browser would give them (Node has none).
globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback): number =>
  Number(setTimeout(() => callback(performance.now()), 0));

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

interface Setup {
  editor: LexicalEditor;
  server: ContinueServer;
  controller: ContinueController;
  /** Editor updates committed so far. */
  updates: () => number;
  documentText: () => string;
  pending: () => {
    text: string;
    key: string;
    caretBefore: boolean;
    loading: string | null;
  } | null;
}

/** "The keeper" with the caret at its end, a continue asked for and its first tokens shown. */
async function continuing(firstTokens: string, stores = createContinueStores()): Promise<Setup> {
  // Not attached to a page (Node has none), as in the app before the editor mounts.
  const editor = createEditor({
    namespace: 'inkwell-continue-controller-test',
    nodes: [PendingTextNode],
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
  let updates = 0;
  editor.registerUpdateListener(() => (updates += 1));
  const server = new ContinueServer();
  const controller = new ContinueController({
    editor,
    port: createContinuePort(server),
    documentId: 'document-1',
    stores,
    reportError: () => undefined,
    onIdle: () => undefined,
  });
  controller.continueAtCursor();
  await settle();
  if (firstTokens !== '') server.token(firstTokens);
  await settle();
  return {
    editor,
    server,
    controller,
    updates: () => updates,
    documentText: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
    pending: () =>
      editor.getEditorState().read(() => {
        const node = $getPendingNode(controller.pendingNodeKey);
        if (!node) return null;
        return {
          text: node.getText(),
          key: node.getKey(),
          caretBefore: $isCaretBefore(node),
          loading: node.__loading?.text ?? null,
        };
      }),
  };
}

describe('typing through a streaming suggestion', () => {
  it('keeps each typed character as text in one editor update, the suggestion staying put', async () => {
    const setup = await continuing(' climbed the stairs');
    const shownAs = setup.pending();
    assert.equal(shownAs?.text, ' climbed the stairs');

    for (const [typed, expected] of [
      [' ', 'climbed the stairs'],
      ['c', 'limbed the stairs'],
      ['l', 'imbed the stairs'],
    ] as const) {
      const before = setup.updates();
      setup.controller.acceptTyped(typed.length);
      assert.equal(setup.updates() - before, 1, `one update for "${typed}"`);
      assert.deepEqual(setup.pending(), {
        text: expected,
        key: shownAs?.key,
        caretBefore: true,
        loading: null,
      });
    }
    assert.equal(setup.documentText(), 'The keeper cl');
  });

  it('shows tokens that come while the writer types with the next key, not in frames of their own', async () => {
    const setup = await continuing(' climbed');
    setup.controller.acceptTyped(1);
    const afterKey = setup.updates();

    setup.server.token(' the');
    await settle();
    assert.equal(setup.updates(), afterKey, 'no update for the token alone while typing');
    assert.equal(setup.pending()?.text, 'climbed');

    setup.controller.acceptTyped(1);
    assert.equal(setup.updates(), afterKey + 1);
    assert.equal(setup.pending()?.text, 'limbed the');

    // Once the typing pauses, tokens show by themselves again.
    setup.server.token(' stairs');
    await settle(TYPING_PAUSE_MS + 100);
    assert.equal(setup.pending()?.text, 'limbed the stairs');
  });

  it('asks the model to wait with each key typed through while it writes', async () => {
    const setup = await continuing(' climbed');
    setup.controller.acceptTyped(1);
    setup.controller.acceptTyped(1);
    const typingCalls = setup.server.calls.filter((call) => call.channel === 'continue.typing');
    assert.deepEqual(
      typingCalls.map((call) => call.request),
      [{ generationId: setup.server.generationId }, { generationId: setup.server.generationId }],
    );
    assert.equal(setup.documentText(), 'The keeper c', 'a refused request changes nothing');
  });

  it('keeps the model waiting while the writer types through a suggestion far ahead of them, until they stop', async () => {
    const farAhead = ' climbed the stairs at dusk and lit the lamp'.repeat(6);
    assert.ok(farAhead.length > LOOKAHEAD_CHARS + 10);
    const setup = await continuing(farAhead);
    const waitRequests = () =>
      setup.server.calls.filter((call) => call.channel === 'continue.typing').length;

    setup.controller.acceptTyped(1);
    await settle(TYPING_PAUSE_MS * 2);
    assert.ok(waitRequests() >= 2, 'the wait is renewed before it runs out');
    setup.controller.acceptTyped(1);
    await settle(WRITER_ENGAGED_MS + TYPING_PAUSE_MS);
    const whenTheyStopped = waitRequests();
    assert.ok(whenTheyStopped >= 2 + Math.floor(WRITER_ENGAGED_MS / TYPING_PAUSE_MS));

    await settle(TYPING_PAUSE_MS * 2);
    assert.equal(waitRequests(), whenTheyStopped, 'the model writes on once they stop typing');
    assert.equal(setup.documentText(), 'The keeper c');
  });

  it('lets the model write on after the key when the writer is near the end of the suggestion', async () => {
    const setup = await continuing(' climbed the stairs');
    setup.controller.acceptTyped(1);
    await settle(TYPING_PAUSE_MS * 2);
    const typingCalls = setup.server.calls.filter((call) => call.channel === 'continue.typing');
    assert.equal(typingCalls.length, 1, 'only the key asked it to wait');
  });

  it('drops the suggestion on undo, which brings back an older copy of it', async () => {
    const setup = await continuing(' climbed the stairs');
    setup.controller.acceptTyped(1);
    setup.controller.acceptTyped(1);
    setup.editor.dispatchCommand(UNDO_COMMAND, undefined);
    await settle();
    assert.equal(setup.controller.active, false);
    assert.equal(setup.pending(), null);
    const pendingNodes = setup.editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .flatMap((block) => ($isElementNode(block) ? block.getChildren() : []))
        .filter((node) => node instanceof PendingTextNode),
    );
    assert.deepEqual(pendingNodes, []);
    assert.equal(
      setup.server.calls.some((call) => call.channel === 'continue.stop'),
      true,
      'the running generation is stopped',
    );
  });
});

describe('a continue while the model loads', () => {
  /** A fresh start: no model yet, so the continue's request is what loads one. */
  const loadingStores = () => {
    const stores = createContinueStores();
    stores.engineStatus.set({
      state: 'idle',
      model: null,
      loadingPath: null,
      message: null,
      notice: null,
    });
    return stores;
  };
  const startLoading = (stores: ReturnType<typeof createContinueStores>) =>
    stores.engineStatus.set({
      state: 'loading',
      model: null,
      loadingPath: '/models/demo.gguf',
      message: null,
      notice: null,
    });

  it('shows at the cursor the load step, how far it is, and that Esc stops', async () => {
    const stores = loadingStores();
    const setup = await continuing('', stores);
    startLoading(stores);
    await settle();
    assert.match(
      setup.pending()?.loading ?? '',
      /^Loading the model \(1 of 4: starting engine\) · Esc stops$/,
    );
    stores.loadProgress.set({ path: '/models/demo.gguf', step: 'loading model', progress: 0.45 });
    await settle();
    assert.equal(
      setup.pending()?.loading,
      'Loading the model (3 of 4: loading model 45%) · Esc stops',
    );
    assert.equal(setup.pending()?.text, '');
    assert.equal(setup.documentText(), 'The keeper', 'the hint is not part of the text');
  });

  it('starts while a load the Models panel asked for is under way, and shows it at the cursor', async () => {
    const stores = loadingStores();
    startLoading(stores);
    const setup = await continuing('', stores);
    assert.equal(setup.controller.active, true);
    assert.ok(setup.server.calls.some((call) => call.channel === 'continue.start'));
    assert.match(setup.pending()?.loading ?? '', /^Loading the model/);
  });

  it('keeps waiting on Tab (nothing to keep yet), then shows the words in place of the hint', async () => {
    const stores = loadingStores();
    const setup = await continuing('', stores);
    startLoading(stores);
    setup.controller.acceptAll();
    setup.controller.acceptNextWord();
    await settle();
    assert.equal(setup.controller.active, true, 'Tab did not end the continue');
    assert.equal(setup.controller.phase, 'starting');
    assert.ok(
      !setup.server.calls.some((call) => call.channel === 'continue.stop'),
      'the generation was not stopped',
    );
    stores.engineStatus.set({ ...stores.engineStatus.get()!, state: 'ready' });
    setup.server.token(' climbed');
    await settle();
    assert.deepEqual(
      { text: setup.pending()?.text, loading: setup.pending()?.loading },
      { text: ' climbed', loading: null },
    );
    setup.controller.acceptAll();
    assert.equal(setup.documentText(), 'The keeper climbed');
  });
});
