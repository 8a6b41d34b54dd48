import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import {
  DocumentSaver,
  type DocumentSaverOptions,
} from '../../renderer/editor/autosave/documentSaver.js';

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
