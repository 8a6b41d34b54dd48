import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import type { Reply } from '../../shared/errors.js';
import type { DocumentRecord, SaveResult } from '../../shared/schemas/documents.js';
import { createBackend, DATABASE_FILE_NAME, type Backend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { countWords } from '../../shared/textCounts.js';

const tempRoot = mkdtempSync(join(tmpdir(), 'inkwell-backend-'));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const context: RequestContext = { transport: 'test', clientId: 'backend-test' };
let backend: Backend;
let dataDirCounter = 0;
const loggedFailures: unknown[] = [];

beforeEach(() => {
  dataDirCounter += 1;
  loggedFailures.length = 0;
  backend = createBackend({
    // A nested folder that does not exist yet: the backend creates it.
    dataDir: join(tempRoot, `run-${dataDirCounter}`, 'data'),
    transport: 'test',
    appVersion: '0.0.0-test',
    logError: (_channel, error) => loggedFailures.push(error),
  });
});
afterEach(() => backend.close());

function dispatch(channel: string, payload: unknown): Promise<Reply<unknown>> {
  return backend.router.dispatch(channel, payload, context);
}

async function expectOk<T>(channel: string, payload: unknown): Promise<T> {
  const reply = await dispatch(channel, payload);
  if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

describe('the backend behind the router', () => {
  it('creates its data folder and database file, and reports itself through app.info', async () => {
    assert.ok(existsSync(join(backend.dataDir, DATABASE_FILE_NAME)));
    assert.deepEqual(await expectOk('app.info', {}), {
      name: 'Inkwell',
      version: '0.0.0-test',
      dataDir: backend.dataDir,
      transport: 'test',
    });
  });

  it('round-trips create, save and get', async () => {
    const created = await expectOk<DocumentRecord>('documents.create', { title: 'Letters' });
    const saved = await expectOk<SaveResult>('documents.save', {
      id: created.id,
      content: '{"root":"dear"}',
      text: 'Dear reader,',
      baseVersion: created.version,
    });
    assert.equal(saved.version, created.version + 1);
    const fetched = await expectOk<DocumentRecord>('documents.get', { id: created.id });
    assert.equal(fetched.title, 'Letters');
    assert.equal(fetched.text, 'Dear reader,');
    assert.equal(fetched.content, '{"root":"dear"}');
    assert.equal(fetched.version, saved.version);
  });

  it('counts words as the editor does, each Han character one word, so the list and status bar agree', async () => {
    const created = await expectOk<DocumentRecord>('documents.create', { title: '春晓' });
    await expectOk<SaveResult>('documents.save', {
      id: created.id,
      content: '',
      text: '春眠不觉晓，处处闻啼鸟。Hello world.',
      baseVersion: created.version,
    });
    const [listed] = await expectOk<{ id: string; wordCount: number }[]>('documents.list', {});
    assert.equal(listed?.wordCount, countWords('春眠不觉晓，处处闻啼鸟。Hello world.'));
    assert.equal(listed?.wordCount, 12);
  });

  it('answers invalid_request naming the field for a payload that breaks the contract', async () => {
    const reply = await dispatch('documents.save', { id: 'abcdefgh12', content: 42, text: '' });
    assert.equal(reply.ok, false);
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, 'invalid_request');
    assert.ok(reply.error.issues?.some((issue) => issue.path === 'content'));

    const badId = await dispatch('documents.get', { id: '../etc' });
    assert.ok(!badId.ok);
    assert.equal(badId.error.code, 'invalid_request');
    assert.equal(badId.error.issues?.[0]?.path, 'id');
  });

  it('answers not_found for an id that names no document', async () => {
    const reply = await dispatch('documents.get', { id: 'noSuchDocument123' });
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, 'not_found');
  });

  it('answers conflict for a stale baseVersion', async () => {
    const created = await expectOk<DocumentRecord>('documents.create', {});
    await expectOk('documents.save', {
      id: created.id,
      content: '{}',
      text: 'new',
      baseVersion: created.version,
    });
    const reply = await dispatch('documents.save', {
      id: created.id,
      content: '{}',
      text: 'old',
      baseVersion: created.version,
    });
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, 'conflict');
  });

  it('on a full disk, says so in the reply and keeps the text saved before', async () => {
    const created = await expectOk<DocumentRecord>('documents.create', { title: 'Safe' });
    await expectOk('documents.save', {
      id: created.id,
      content: '{}',
      text: 'saved before',
      baseVersion: created.version,
    });

    // max_page_count is per connection, so it is set on the backend's own connection: the file
    // may grow by only a few pages, the way a nearly full disk would allow.
    const pages = Number(backend.database.pragma('page_count', { simple: true }));
    backend.database.pragma(`max_page_count = ${pages + 4}`);
    const large = 'All work and no play. '.repeat(50_000);
    const reply = await dispatch('documents.save', {
      id: created.id,
      content: JSON.stringify({ text: large }),
      text: large,
      baseVersion: 2,
    });

    assert.ok(!reply.ok);
    assert.equal(reply.error.code, 'internal');
    assert.match(reply.error.message, /disk is full/);
    assert.equal(loggedFailures.length, 1, 'the cause is logged for whoever reads the log');

    const after = await expectOk<DocumentRecord>('documents.get', { id: created.id });
    assert.equal(after.text, 'saved before');
    assert.equal(after.version, 2);
    assert.equal(backend.database.pragma('integrity_check', { simple: true }), 'ok');

    // Once space is back, the same save goes through: the connection was not left wedged.
    backend.database.pragma('max_page_count = 4294967294');
    await expectOk('documents.save', {
      id: created.id,
      content: '{}',
      text: large,
      baseVersion: 2,
    });
  });

  it('forwards documents.changed events to subscribers', async () => {
    const seen: string[] = [];
    backend.events.subscribe((event, payload) => {
      if (event === 'documents.changed') seen.push(`${event}:${payload.kind}`);
    });
    await expectOk('documents.create', {});
    assert.deepEqual(seen, ['documents.changed:created']);
  });
});
