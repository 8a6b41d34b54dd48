/**
 * What the next continue would send, followed once for the status bar and the context viewer
 * together: a Lexical editor without a page, a clock moved by hand and a port whose answers
 * the test gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import type { EventPayload } from '../../shared/contract.js';
import type { EngineStatus } from '../../shared/schemas/engine.js';
import type { PromptPlan } from '../../shared/schemas/generations.js';
import type { ContinuePort } from '../../renderer/editor/continue/continuePort.js';
import {
  createContinueStores,
  type ContextView,
} from '../../renderer/editor/continue/continueState.js';
import { followNextContext } from '../../renderer/editor/continue/nextContext.js';
import type { FollowerClock } from '../../renderer/editor/continue/previewFollower.js';
import { EventListeners } from './support/eventListeners.js';

/** Timers fire at once when the test says the writer has paused; idle callbacks with them. */
function pausedClock(): FollowerClock & { pause(): void } {
  let pending: (() => void)[] = [];
  return {
    after(_ms, work) {
      pending.push(work);
      return () => (pending = pending.filter((other) => other !== work));
    },
    whenIdle(work) {
      pending.push(work);
      return () => (pending = pending.filter((other) => other !== work));
    },
    pause() {
      // A timer's work may queue the idle callback: run until nothing is left.
      while (pending.length > 0) {
        const due = pending;
        pending = [];
        for (const work of due) work();
      }
    },
  };
}

function planFor(text: string): PromptPlan {
  return { promptTokens: text.length, maxNewTokens: 40, contextSize: 1024, droppedTokens: 0 };
}

/** Main's side: each question is recorded; the answer is the fit of that text (or none). */
function fakePort() {
  const questions: { textBeforeCursor: string; loadModel: boolean }[] = [];
  const lorebook = new EventListeners();
  let modelReady = false;
  let failure: Error | null = null;
  const port: Pick<ContinuePort, 'context' | 'onLorebookChanged'> = {
    context(_documentId, textBeforeCursor, loadModel) {
      questions.push({ textBeforeCursor, loadModel });
      if (failure) return Promise.reject(failure);
      const fit =
        modelReady || loadModel
          ? { promptText: textBeforeCursor, plan: planFor(textBeforeCursor) }
          : null;
      const view: ContextView = { fit, activations: [] };
      return Promise.resolve(view);
    },
    onLorebookChanged: (listener) => lorebook.on('lorebook.changed', listener),
  };
  return {
    port,
    questions,
    setModelReady: (ready: boolean) => (modelReady = ready),
    failWith: (error: Error | null) => (failure = error),
    lorebookChanged: (change: EventPayload<'lorebook.changed'>) =>
      lorebook.emit('lorebook.changed', change),
  };
}

const settled = (): Promise<void> => new Promise((done) => setImmediate(done));

function setUp() {
  const editor = createEditor({ onError: (error) => assert.fail(error) });
  const clock = pausedClock();
  const main = fakePort();
  const stores = createContinueStores();
  const follower = followNextContext(editor, main.port, 'doc-1', stores, clock);
  const type = (text: string): void =>
    editor.update(
      () => {
        const paragraph = $createParagraphNode().append($createTextNode(text));
        $getRoot().clear().append(paragraph);
        paragraph.selectEnd();
      },
      { discrete: true },
    );
  return { editor, clock, main, stores, follower, type };
}

describe("the next continue's context is asked once per pause, for everything that shows it", () => {
  it('one question gives the status bar its plan and the context viewer its view', async () => {
    const { clock, main, stores, type } = setUp();
    main.setModelReady(true);
    stores.engineStatus.set({
      state: 'ready',
      model: null,
      loadingPath: null,
      message: null,
      notice: null,
    } as EngineStatus);
    type('The lighthouse keeper');
    clock.pause();
    await settled();
    assert.deepEqual(
      main.questions.map((question) => question.textBeforeCursor),
      ['The lighthouse keeper'],
    );
    assert.deepEqual(stores.continueState.get().plan, planFor('The lighthouse keeper'));
    assert.equal(stores.nextContext.get().view?.fit?.promptText, 'The lighthouse keeper');
  });

  it('with no model ready it asks without loading one, and counts once with it when the writer asks', async () => {
    const { clock, main, stores, follower, type } = setUp();
    type('Everard');
    clock.pause();
    await settled();
    assert.deepEqual(main.questions, [{ textBeforeCursor: 'Everard', loadModel: false }]);
    assert.equal(stores.nextContext.get().view?.fit, null, 'entries only, no counts');
    assert.equal(stores.continueState.get().plan, null, 'the status bar shows no figure yet');

    follower.countWithModel();
    assert.equal(stores.nextContext.get().counting, true);
    clock.pause();
    await settled();
    assert.deepEqual(main.questions.at(-1), { textBeforeCursor: 'Everard', loadModel: true });
    assert.equal(stores.nextContext.get().counting, false);
    assert.deepEqual(stores.continueState.get().plan, planFor('Everard'));

    type('Everard went');
    clock.pause();
    await settled();
    assert.equal(main.questions.at(-1)?.loadModel, false, 'counting once does not keep loading');
  });

  it("asks again when this document's lorebook or the library changes, not another document's", async () => {
    const { clock, main, type } = setUp();
    type('Everard');
    clock.pause();
    await settled();
    main.lorebookChanged({ documentId: 'doc-2' });
    clock.pause();
    await settled();
    assert.equal(main.questions.length, 1);
    main.lorebookChanged({ documentId: 'doc-1' });
    clock.pause();
    await settled();
    main.lorebookChanged({ documentId: null });
    clock.pause();
    await settled();
    assert.equal(main.questions.length, 3);
  });

  it('a question that fails says why and keeps the last view; the next answer clears it', async () => {
    const { clock, main, stores, type } = setUp();
    type('Everard');
    clock.pause();
    await settled();
    main.failWith(new Error('The connection to Inkwell was lost.'));
    type('Everard went');
    clock.pause();
    await settled();
    assert.equal(stores.nextContext.get().view?.fit, null);
    assert.match(stores.nextContext.get().problem ?? '', /connection/);
    main.failWith(null);
    type('Everard went out');
    clock.pause();
    await settled();
    assert.equal(stores.nextContext.get().problem, null);
  });

  it('disposed, it asks nothing more', async () => {
    const { clock, main, follower, type } = setUp();
    follower.dispose();
    type('Everard');
    clock.pause();
    await settled();
    assert.deepEqual(main.questions, []);
  });
});
