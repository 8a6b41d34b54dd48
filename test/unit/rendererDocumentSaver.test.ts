import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import {
  DocumentSaver,
  type DocumentSaverOptions,
  type SaveState,
} from '../../renderer/editor/autosave/documentSaver.js';
import type { LocalCopies, LocalCopy } from '../../renderer/editor/autosave/localCopies.js';

type SaveRequest = Parameters<DocumentSaverOptions['save']>[0];

function fakeServer(initial: { version: number; content: string; text?: string }) {
  const server = {
    ...initial,
    text: initial.text ?? initial.content,
    requests: [] as SaveRequest[],
    failNext: 0,
  };
  const options: DocumentSaverOptions = {
    documentId: 'document-1',
    baseVersion: initial.version,
    baseContent: initial.content,
    baseText: initial.text ?? initial.content,
    debounceMs: 20,
    maxWaitMs: 40,
    retryBackoff: { initialMs: 20, maxMs: 40 },
    async save(request) {
      server.requests.push(request);
      if (server.failNext > 0) {
        server.failNext -= 1;
        throw new ApiError('unavailable', 'offline');
      }
      if (request.baseVersion !== server.version) throw new ApiError('conflict', 'stale');
      server.version += 1;
      server.content = request.content;
      server.text = request.text;
      return { id: request.id, version: server.version, updatedAt: 0, revisionCreated: false };
    },
    async fetchCurrent() {
      return { version: server.version, content: server.content, text: server.text };
    },
  };
  return { server, options };
}

/** Another window saves `text` over the version this saver started from. */
function theyWrite(server: { version: number; content: string; text: string }, text: string): void {
  server.version += 1;
  server.content = text;
  server.text = text;
}

const snapshot = (content: string) => () => ({ content, text: content });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DocumentSaver', () => {
  it('saves once after typing stops, with the version it last saw', async () => {
    const { server, options } = fakeServer({ version: 3, content: '' });
    const saver = new DocumentSaver(options);
    saver.markChanged(snapshot('a'));
    saver.markChanged(snapshot('ab'));
    assert.equal(saver.saveState.get().status, 'pending');
    await wait(80);
    assert.deepEqual(
      server.requests.map((request) => [request.content, request.baseVersion]),
      [['ab', 3]],
    );
    assert.equal(saver.saveState.get().status, 'saved');
    assert.equal(saver.baseVersion, 4);
  });

  it('saves within the longest wait while typing goes on, also when it waits for idle time', async () => {
    const { server, options } = fakeServer({ version: 1, content: '' });
    // A page whose idle moments come a little later than the next key.
    const idleCallbacks = new Map<number, ReturnType<typeof setTimeout>>();
    let nextHandle = 1;
    globalThis.requestIdleCallback = (callback: IdleRequestCallback): number => {
      const handle = nextHandle++;
      idleCallbacks.set(
        handle,
        setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 10 }), 15),
      );
      return handle;
    };
    globalThis.cancelIdleCallback = (handle: number): void => {
      clearTimeout(idleCallbacks.get(handle));
      idleCallbacks.delete(handle);
    };
    try {
      const saver = new DocumentSaver(options);
      let text = '';
      for (let key = 0; key < 40; key += 1) {
        text += 'a';
        saver.markChanged(snapshot(text));
        await wait(5);
      }
      assert.ok(server.requests.length >= 2, `saved ${server.requests.length} times while typing`);
      await saver.flush();
      assert.equal(server.content, text);
    } finally {
      Reflect.deleteProperty(globalThis, 'requestIdleCallback');
      Reflect.deleteProperty(globalThis, 'cancelIdleCallback');
    }
  });

  it('keeps the text and retries when a save fails', async () => {
    const { server, options } = fakeServer({ version: 1, content: '' });
    server.failNext = 2;
    const saver = new DocumentSaver(options);
    saver.markChanged(snapshot('kept'));
    assert.equal(await saver.flush(), false);
    assert.equal(saver.saveState.get().status, 'retrying');
    await wait(150);
    assert.equal(server.content, 'kept');
    assert.equal(saver.saveState.get().status, 'saved');
  });

  it('builds on a rename-only version bump without asking the writer', async () => {
    const { server, options } = fakeServer({ version: 1, content: 'same' });
    const saver = new DocumentSaver(options);
    server.version = 2; // a rename elsewhere: same content, newer version
    saver.markChanged(snapshot('mine'));
    assert.equal(await saver.flush(), true);
    assert.equal(server.content, 'mine');
  });

  it('reports a real conflict and saves over it only on "Keep mine"', async () => {
    const { server, options } = fakeServer({ version: 1, content: 'old' });
    const saver = new DocumentSaver(options);
    theyWrite(server, 'theirs');
    saver.markChanged(snapshot('mine'));
    assert.equal(await saver.flush(), false);
    assert.equal(saver.saveState.get().status, 'conflict');
    assert.equal(server.content, 'theirs');
    assert.equal(await saver.keepMine(), true);
    assert.equal(server.content, 'mine');
  });

  it('never saves over text written elsewhere as plain text only (empty content)', async () => {
    // A template's output is appended by main as plain text; the editor had the opening.
    const { server, options } = fakeServer({ version: 1, content: '', text: 'Autumn Moon' });
    const saver = new DocumentSaver(options);
    server.version = 2;
    server.text = 'Autumn Moon\nThe leaves fall.';
    saver.markChanged(() => ({ content: '{"root":{}}', text: 'Autumn Moon' }));
    assert.equal(await saver.flush(), false);
    assert.equal(saver.saveState.get().status, 'conflict');
    assert.equal(server.text, 'Autumn Moon\nThe leaves fall.');
  });

  it('sends nothing when the text is edited back to what the server holds', async () => {
    const { server, options } = fakeServer({ version: 1, content: 'as loaded' });
    const saver = new DocumentSaver(options);
    saver.markChanged(snapshot('as loaded, and more'));
    saver.markChanged(snapshot('as loaded'));
    assert.equal(await saver.flush(), true);
    assert.equal(saver.saveState.get().status, 'saved');
    assert.equal(server.requests.length, 0);

    saver.markChanged(snapshot('saved once'));
    assert.equal(await saver.flush(), true);
    saver.markChanged(snapshot('saved once'));
    assert.equal(await saver.flush(), true);
    assert.deepEqual(
      server.requests.map((request) => request.content),
      ['saved once'],
    );
  });

  it('"Keep mine" saves the text over theirs even when it is the text as loaded', async () => {
    const { server, options } = fakeServer({ version: 1, content: 'as loaded' });
    const saver = new DocumentSaver(options);
    theyWrite(server, 'theirs');
    saver.markChanged(snapshot('mine'));
    assert.equal(await saver.flush(), false);
    saver.markChanged(snapshot('as loaded'));
    assert.equal(await saver.keepMine(), true);
    assert.equal(server.content, 'as loaded');
  });

  it('treats its own save whose answer was lost as saved', async () => {
    const { server, options } = fakeServer({ version: 1, content: '' });
    const saver = new DocumentSaver(options);
    server.version = 2;
    server.content = 'mine'; // applied, but the reply never came back
    server.text = 'mine';
    saver.markChanged(snapshot('mine'));
    assert.equal(await saver.flush(), true);
    assert.equal(saver.saveState.get().status, 'saved');
    assert.equal(saver.baseVersion, 2);
  });
});

/** A local copy store in memory: what the page's IndexedDB would hold. */
function memoryCopies(options: { canKeep?: boolean } = {}) {
  const copies = new Map<string, LocalCopy>();
  const store: LocalCopies = {
    keep: (copy) => {
      if (options.canKeep === false) return Promise.resolve(false);
      copies.set(copy.documentId, copy);
      return Promise.resolve(true);
    },
    read: (documentId) => Promise.resolve(copies.get(documentId) ?? null),
    forget: (documentId) => {
      copies.delete(documentId);
      return Promise.resolve();
    },
  };
  return { copies, store };
}

/** Resolves once the saver's state satisfies `holds` (now or on a later change). */
function untilState(
  saver: DocumentSaver,
  holds: (state: SaveState) => boolean,
): Promise<SaveState> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const state = saver.saveState.get();
      if (!holds(state)) return false;
      resolve(state);
      return true;
    };
    if (check()) return;
    const unsubscribe = saver.saveState.subscribe(() => {
      if (check()) unsubscribe();
    });
  });
}

describe('DocumentSaver, a save that cannot succeed as it is', () => {
  // Retries are timers: with the clock in the test's hands, "never retried" is checked by
  // running every timer there is, not by waiting.
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'] }));
  afterEach(() => mock.timers.reset());

  it('is not sent when over the size the server takes, not retried, says so and keeps a local copy', async () => {
    const { server, options } = fakeServer({ version: 4, content: 'short' });
    const { copies, store } = memoryCopies();
    const saver = new DocumentSaver({ ...options, maxChars: 1024 * 1024, localCopies: store });
    const pasted = 'x'.repeat(1024 * 1024 + 1);
    saver.markChanged(snapshot(pasted));
    assert.equal(await saver.flush(), false);

    const state = await untilState(saver, (s) => s.localCopy === 'kept');
    assert.equal(state.status, 'tooLarge');
    // In words, with both sizes: the status bar shows this sentence, not only a tooltip.
    assert.equal(
      state.lastError,
      'This document is 1.1 MB as saved, more than the 1.0 MB Inkwell can save. Shorten it, or move part of it into a new document, and it saves.',
    );
    assert.deepEqual(server.requests, [], 'nothing was sent');
    assert.deepEqual(copies.get('document-1'), {
      documentId: 'document-1',
      baseVersion: 4,
      content: pasted,
      text: pasted,
      keptAt: Date.now(),
    });

    mock.timers.runAll();
    assert.equal(await saver.flush(), false, 'leaving does not send it either');
    assert.deepEqual(server.requests, []);
    assert.equal(saver.saveState.get().status, 'tooLarge');
    assert.equal(saver.pendingSnapshot()?.text, pasted, 'the text is never dropped');

    // Shortened: the new text is saved, and the copy is let go.
    saver.markChanged(snapshot('short again'));
    assert.equal(await saver.flush(), true);
    assert.equal(server.text, 'short again');
    assert.deepEqual(saver.saveState.get(), {
      status: 'saved',
      lastError: null,
      localCopy: 'none',
    });
    assert.equal(copies.size, 0);
  });

  const transportTooLarge = new ApiError('too_large', 'Too large to send.', undefined, {
    key: 'errors:connection.tooLarge',
    values: { limitMb: 8 },
  });
  for (const [code, status, error, message] of [
    [
      'too_large',
      'tooLarge',
      transportTooLarge,
      // Counted in bytes once refused: 'refused text' twice is 24 bytes, so 0.1 MB at least.
      'This document is 0.1 MB as saved, more than the 8.0 MB Inkwell can save. Shorten it, or move part of it into a new document, and it saves.',
    ],
    [
      'invalid_request',
      'refused',
      new ApiError('invalid_request', 'The text holds half of a character.'),
      'The text holds half of a character.',
    ],
  ] as const) {
    it(`is not retried when the server answers ${code}, only a changed text is sent`, async () => {
      const { server, options } = fakeServer({ version: 1, content: '' });
      const { copies, store } = memoryCopies();
      let refuse = true;
      const saver = new DocumentSaver({
        ...options,
        localCopies: store,
        save: (request) => {
          if (!refuse) return options.save(request);
          server.requests.push(request);
          return Promise.reject(error);
        },
      });
      saver.markChanged(snapshot('refused text'));
      assert.equal(await saver.flush(), false);
      const state = await untilState(saver, (s) => s.localCopy === 'kept');
      assert.deepEqual(state, { status, lastError: message, localCopy: 'kept' });

      mock.timers.runAll();
      await saver.flush();
      assert.equal(server.requests.length, 1, 'the same text is never sent again');

      refuse = false;
      saver.markChanged(snapshot('refused text, fixed'));
      mock.timers.runAll();
      await saver.flush();
      assert.equal(server.text, 'refused text, fixed');
      assert.equal(saver.saveState.get().status, 'saved');
      assert.equal(copies.size, 0);
    });
  }

  it('for a document in the trash: says so, keeps a copy, and tries again only when the writer leaves', async () => {
    const { server, options } = fakeServer({ version: 2, content: 'before' });
    const { store } = memoryCopies();
    let inTrash = true;
    const saver = new DocumentSaver({
      ...options,
      localCopies: store,
      save: (request) => {
        if (!inTrash) return options.save(request);
        server.requests.push(request);
        return Promise.reject(new ApiError('not_found', '"Draft" is in the trash.'));
      },
    });
    saver.markChanged(snapshot('typed as it was deleted'));
    assert.equal(await saver.flush(), false);
    await untilState(saver, (s) => s.localCopy === 'kept');
    assert.equal(saver.saveState.get().status, 'refused');
    mock.timers.runAll();
    assert.equal(server.requests.length, 1, 'no retry on a timer');

    inTrash = false; // restored (Undo): the same text now saves when the writer leaves
    assert.equal(await saver.flush(), true);
    assert.equal(server.text, 'typed as it was deleted');
  });

  it('says plainly when this browser could not keep a copy', async () => {
    const { options } = fakeServer({ version: 1, content: '' });
    const { store } = memoryCopies({ canKeep: false });
    const saver = new DocumentSaver({ ...options, maxChars: 4, localCopies: store });
    saver.markChanged(snapshot('too long'));
    await saver.flush();
    const state = await untilState(saver, (s) => s.localCopy !== 'none');
    assert.deepEqual([state.status, state.localCopy], ['tooLarge', 'notKept']);
  });

  it('takes a copy kept before a reload as the writer’s pending text', async () => {
    const { server, options } = fakeServer({ version: 3, content: 'on the server' });
    const { copies, store } = memoryCopies();
    const kept = { content: 'kept here', text: 'kept here' };
    copies.set('document-1', { documentId: 'document-1', baseVersion: 3, keptAt: 0, ...kept });
    const saver = new DocumentSaver({ ...options, localCopies: store });
    const shown: unknown[] = [];
    const taken = await saver.takeLocalCopy((copy) => shown.push(copy) > 0);
    assert.deepEqual(taken, kept);
    assert.deepEqual(shown, [kept]);
    assert.equal(saver.saveState.get().status, 'pending');
    assert.equal(await saver.flush(), true);
    assert.equal(server.content, 'kept here');
    assert.equal(copies.size, 0, 'saved, so the copy is let go');
  });

  it('never saves a kept copy over a version it was not written on, and leaves it when the writer typed first', async () => {
    const { server, options } = fakeServer({ version: 3, content: 'written elsewhere' });
    const { copies, store } = memoryCopies();
    const kept = { content: 'kept here', text: 'kept here' };
    copies.set('document-1', { documentId: 'document-1', baseVersion: 2, keptAt: 0, ...kept });

    const typedFirst = new DocumentSaver({ ...options, localCopies: store });
    assert.equal(await typedFirst.takeLocalCopy(() => false), null);
    assert.equal(copies.size, 1, 'still there for the next opening');

    const saver = new DocumentSaver({ ...options, localCopies: store });
    await saver.takeLocalCopy(() => true);
    assert.equal(await saver.flush(), false);
    assert.equal(saver.saveState.get().status, 'conflict');
    assert.equal(server.content, 'written elsewhere');
    assert.equal(copies.size, 1, 'kept until the writer chooses');
  });
});
