import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { channelNames } from '../../shared/contract.js';
import { ApiError } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { DocumentRecord } from '../../shared/schemas/documents.js';
import type { Handlers } from '../../electron/core/handler.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { createRouter } from '../../electron/ipc/router.js';

const context: RequestContext = { transport: 'test', clientId: 'unit-test' };
const goodId = 'doc_0123456789';

const sampleDocument: DocumentRecord = {
  id: goodId,
  title: 'The lighthouse',
  excerpt: 'The keeper climbed',
  wordCount: 3,
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
  version: 1,
  content: '',
  text: 'The keeper climbed',
};

function refuse(): never {
  throw new Error('this handler is not part of the test');
}

/** Every channel refuses by default; each test replaces the handlers it exercises. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  const handlers = {} as Record<string, unknown>;
  for (const name of channelNames) {
    handlers[name] = refuse;
  }
  return { ...(handlers as Handlers), ...overrides };
}

interface LoggedFailure {
  channel: string;
  error: unknown;
}

function routerWith(overrides: Partial<Handlers>) {
  const logged: LoggedFailure[] = [];
  const router = createRouter(handlersWith(overrides), (channel, error) => {
    logged.push({ channel, error });
  });
  return { router, logged };
}

describe('the router', () => {
  it('passes the parsed request and the context to the handler and answers with its data', async () => {
    let seen: { id: string; context: RequestContext } | null = null;
    const { router } = routerWith({
      'documents.get': (request, ctx) => {
        seen = { id: request.id, context: ctx };
        return sampleDocument;
      },
    });
    const reply = await router.dispatch('documents.get', { id: goodId }, context);
    assert.deepEqual(reply, { ok: true, data: sampleDocument });
    assert.deepEqual(seen, { id: goodId, context });
  });

  it('answers an unknown channel with unknown_channel, naming it', async () => {
    const { router } = routerWith({});
    const reply = await router.dispatch('documents.explode', {}, context);
    assert.equal(reply.ok, false);
    if (reply.ok) return;
    assert.equal(reply.error.code, 'unknown_channel');
    assert.match(reply.error.message, /documents\.explode/);
  });

  it('treats inherited object keys and non-strings as unknown channels', async () => {
    const { router } = routerWith({});
    for (const channel of ['constructor', '__proto__', undefined, 17, { name: 'x' }]) {
      const reply = await router.dispatch(channel, {}, context);
      assert.equal(reply.ok ? 'ok' : reply.error.code, 'unknown_channel');
    }
  });

  it('answers a payload that fails the schema with invalid_request and the field path', async () => {
    let called = false;
    const { router } = routerWith({
      'documents.rename': () => {
        called = true;
        return sampleDocument;
      },
    });
    const reply = await router.dispatch('documents.rename', { id: goodId, title: 12 }, context);
    assert.equal(called, false, 'the handler never sees an invalid request');
    assert.equal(reply.ok, false);
    if (reply.ok) return;
    assert.equal(reply.error.code, 'invalid_request');
    assert.deepEqual(
      reply.error.issues?.map((issue) => issue.path),
      ['title'],
    );
    assert.match(reply.error.message, /documents\.rename/);
    assert.match(reply.error.message, /title/);
  });

  it('refuses a request with keys the contract does not list', async () => {
    const { router } = routerWith({});
    const reply = await router.dispatch('documents.get', { id: goodId, sneaky: 1 }, context);
    assert.equal(reply.ok ? 'ok' : reply.error.code, 'invalid_request');
  });

  it('treats a missing payload as an empty request', async () => {
    const { router } = routerWith({ 'documents.list': () => [] });
    assert.deepEqual(await router.dispatch('documents.list', undefined, context), {
      ok: true,
      data: [],
    });
  });

  it('passes an ApiError through with its own code and message, without logging it', async () => {
    const { router, logged } = routerWith({
      'documents.get': () => {
        throw new ApiError('not_found', 'That document does not exist.');
      },
    });
    const reply = await router.dispatch('documents.get', { id: goodId }, context);
    assert.deepEqual(reply, {
      ok: false,
      error: { code: 'not_found', message: 'That document does not exist.' },
    });
    assert.deepEqual(logged, []);
  });

  it('passes an ApiError’s i18n key and values through with its English message', async () => {
    const { router } = routerWith({
      'documents.get': () => {
        throw localizedError('conflict', 'errors:documents.changedElsewhere', {
          title: 'The lighthouse',
          current: 5,
          base: 4,
        });
      },
    });
    const reply = await router.dispatch('documents.get', { id: goodId }, context);
    assert.deepEqual(reply, {
      ok: false,
      error: {
        code: 'conflict',
        message:
          '"The lighthouse" was changed somewhere else since you opened it (it is now at version 5, you had version 4). Nothing was overwritten; your text is still in the editor.',
        localized: {
          key: 'errors:documents.changedElsewhere',
          values: { title: 'The lighthouse', current: 5, base: 4 },
        },
      },
    });
  });

  it('answers an unexpected error with internal and a generic message, and logs the cause', async () => {
    const cause = new Error('secret detail: /home/writer/.config/Inkwell/inkwell.db is corrupt');
    const { router, logged } = routerWith({
      'documents.list': async () => {
        throw cause;
      },
    });
    const reply = await router.dispatch('documents.list', {}, context);
    assert.equal(reply.ok, false);
    if (reply.ok) return;
    assert.equal(reply.error.code, 'internal');
    assert.doesNotMatch(reply.error.message, /secret detail|inkwell\.db/);
    assert.deepEqual(logged, [{ channel: 'documents.list', error: cause }]);
  });

  for (const code of ['SQLITE_FULL', 'ENOSPC']) {
    it(`says the disk is full when a handler fails with ${code}`, async () => {
      const { router } = routerWith({
        'documents.save': () => {
          throw Object.assign(new Error('database or disk is full'), { code });
        },
      });
      const reply = await router.dispatch(
        'documents.save',
        { id: goodId, content: '{}', text: 'words', baseVersion: 1 },
        context,
      );
      assert.equal(reply.ok, false);
      if (reply.ok) return;
      assert.equal(reply.error.code, 'internal');
      assert.match(reply.error.message, /disk is full/i);
    });
  }

  it('says the data folder is read-only when a handler fails with SQLITE_READONLY', async () => {
    const { router } = routerWith({
      'documents.create': () => {
        throw Object.assign(new Error('attempt to write a readonly database'), {
          code: 'SQLITE_READONLY',
        });
      },
    });
    const reply = await router.dispatch('documents.create', {}, context);
    assert.equal(reply.ok ? '' : reply.error.message.includes('read-only'), true);
  });

  it('survives a handler that throws something that is not an Error', async () => {
    const { router, logged } = routerWith({
      'documents.list': () => {
        throw 'a bare string';
      },
    });
    const reply = await router.dispatch('documents.list', {}, context);
    assert.equal(reply.ok ? 'ok' : reply.error.code, 'internal');
    assert.equal(logged.length, 1);
  });
});
