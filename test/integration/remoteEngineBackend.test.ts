/**
 * The remote engine through the contract, as the app uses it: a writer saves a real llama.cpp
 * server (remote.save) with an API key, continues, sees the server in engine.status and in the
 * history record (its address and the model's name), replays on the same server, and switches
 * back to the local engine. The key is kept outside the database, in a file only the writer can
 * read, and is in no answer and no export; plain http:// to another computer is confirmed once.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { RemoteEngineView } from '../../shared/channels/remote.js';
import type { EventPayload } from '../../shared/contract.js';
import type { DocumentRecord } from '../../shared/schemas/documents.js';
import type { EngineStatus } from '../../shared/schemas/engine.js';
import type { GenerationRecord } from '../../shared/schemas/generations.js';
import { startLlamaServer, type RunningLlamaServer } from '../fixtures/llamaServer.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const context: RequestContext = { transport: 'test', clientId: 'remote-backend-test' };
const KEY = 'sk-inkwell-test-7d1e93b0';
type End = EventPayload<'generation.end'>;

describe('the remote engine in the app', () => {
  let dir: string;
  let backend: Backend;
  let server: RunningLlamaServer;
  let documentId: string;
  const ends = new Map<string, End>();
  const waiting = new Map<string, (end: End) => void>();
  const statuses: EngineStatus[] = [];

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const reply = await backend.router.dispatch(channel, payload, context);
    if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.data as T;
  }
  function endOf(generationId: string): Promise<End> {
    const ended = ends.get(generationId);
    if (ended) return Promise.resolve(ended);
    return new Promise((resolve) => waiting.set(generationId, resolve));
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inkwell-remote-backend-'));
    server = await startLlamaServer(demoModel, ['--api-key', KEY]);
    backend = createBackend({
      dataDir: dir,
      transport: 'test',
      appVersion: 'test',
      spawnModelHost: () => forkModelHost({ quiet: true }),
      defaultModelPath: demoModel,
      // 192.0.2.10 (a documentation address) never answers: the save gives up after 2 s.
      remoteTimeouts: { answerMs: 2000, firstEventMs: 60_000, idleMs: 30_000 },
    });
    backend.events.subscribe((event, payload) => {
      if (event === 'engine.status') statuses.push(payload as EngineStatus);
      if (event !== 'generation.end') return;
      const end = payload as End;
      ends.set(end.generationId, end);
      waiting.get(end.generationId)?.(end);
    });
    const document = await call<DocumentRecord>('documents.create', { title: 'Remote' });
    documentId = document.id;
    await call('settings.saveDocument', {
      documentId,
      memory: '',
      authorsNote: '',
      presetId: null,
      params: { seed: 9, maxTokens: 12, temperature: 0.9 },
    });
  });
  after(async () => {
    backend?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the models of a server that wants a key, and refuses a wrong key', async () => {
    const listed = await call<{ models: string[]; contextSize: number | null }>(
      'remote.listModels',
      { baseUrl: server.baseUrl, apiKey: KEY },
    );
    assert.deepEqual(listed.models, [demoModel]);
    const refused = await backend.router.dispatch(
      'remote.listModels',
      { baseUrl: server.baseUrl, apiKey: 'wrong' },
      context,
    );
    assert.equal(refused.ok, false);
    if (!refused.ok) assert.match(refused.error.message, /refused the API key \(401\)/);
  });

  it('saves the server and its key, and switches to it; the key never comes back', async () => {
    const view = await call<RemoteEngineView>('remote.save', {
      baseUrl: `${server.baseUrl}/v1`,
      model: demoModel,
      apiKey: KEY,
    });
    assert.equal(view.engine, 'remote');
    assert.equal(view.baseUrl, server.baseUrl);
    assert.equal(view.hasApiKey, true);
    assert.equal(view.keyStorage, 'file');
    assert.equal(view.status?.state, 'ready');
    assert.ok(!JSON.stringify(view).includes(KEY));
    const status = await call<EngineStatus>('engine.status', {});
    assert.equal(status.model?.remote?.host, new URL(server.baseUrl).host);
    assert.equal(statuses.at(-1)?.model?.remote?.model, demoModel);
    // Headless: a file of its own, readable by this user only; not in the database.
    const keyFile = join(dir, 'remote-api-key');
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.equal(readFileSync(keyFile, 'utf8'), KEY);
    for (const name of readdirSync(dir).filter((file) => file.startsWith('inkwell.sqlite3'))) {
      assert.ok(!readFileSync(join(dir, name)).includes(KEY), `${name} holds no key`);
    }
  });

  it('continues on the server and records its address and model in history', async () => {
    const started = await call<{ generationId: string }>('continue.start', {
      generationId: randomUUID(),
      documentId,
      textBeforeCursor: 'The train came into the station and',
    });
    const end = await endOf(started.generationId);
    assert.equal(end.finishReason, 'length', JSON.stringify(end.error));
    const record = await call<GenerationRecord>('history.get', { id: started.generationId });
    assert.equal(record.modelPath, server.baseUrl);
    assert.equal(record.modelName, demoModel);
    assert.equal(record.modelSha256, '');
    assert.ok(record.output.length > 0);

    const replayed = await call<{ generationId: string }>('history.replay', {
      id: started.generationId,
      generationId: randomUUID(),
    });
    const replayEnd = await endOf(replayed.generationId);
    const replay = await call<GenerationRecord>('history.get', { id: replayed.generationId });
    assert.equal(replayEnd.finishReason, 'length');
    // llama.cpp with one slot and the same seed gives the same text (a server may not).
    assert.equal(replay.output, record.output);

    const exported = await call<{ jsonl: string }>('history.export', {});
    assert.ok(exported.jsonl.includes(server.baseUrl));
    assert.ok(!exported.jsonl.includes(KEY), 'the history export holds no key');
    const settings = await call<unknown>('settings.getDocument', { documentId });
    assert.ok(!JSON.stringify(settings).includes(KEY));
  });

  it('asks once before plain http:// to another computer', async () => {
    const first = await backend.router.dispatch(
      'remote.save',
      { baseUrl: 'http://192.0.2.10:8080', model: 'x' },
      context,
    );
    assert.equal(first.ok, false);
    if (!first.ok) {
      assert.equal(first.error.code, 'conflict');
      assert.match(first.error.message, /192\.0\.2\.10 is another computer/);
    }
    await call('remote.save', {
      baseUrl: 'http://192.0.2.10:8080',
      model: 'x',
      contextSize: 512,
      allowInsecure: true,
    });
    // Confirmed once: saving it again does not ask.
    const again = await backend.router.dispatch(
      'remote.save',
      { baseUrl: 'http://192.0.2.10:8080', model: 'y', contextSize: 512 },
      context,
    );
    assert.equal(again.ok, true);
    // Listing a host's models sends the key too: the same question, before anything is sent.
    const listing = await backend.router.dispatch(
      'remote.listModels',
      { baseUrl: 'http://192.0.2.11:8080', apiKey: 'k' },
      context,
    );
    assert.equal(listing.ok, false);
    if (!listing.ok) assert.equal(listing.error.localized?.key, 'errors:remote.insecureHost');
    // https:// and this computer never ask.
    await call('remote.save', { baseUrl: server.baseUrl, model: demoModel });
  });

  it('switches back to the local engine, and a local load does too', async () => {
    const view = await call<RemoteEngineView>('remote.use', { engine: 'local' });
    assert.equal(view.engine, 'local');
    assert.equal(view.status, null);
    await call('remote.use', { engine: 'remote' });
    await call('engine.load', { path: demoModel, backend: 'cpu', threads: 1 });
    const after = await call<RemoteEngineView>('remote.get', {});
    assert.equal(after.engine, 'local');
    const status = await call<EngineStatus>('engine.status', {});
    assert.equal(status.model?.remote, undefined);
    assert.equal(status.model?.architecture, 'gpt2');
  });
});
