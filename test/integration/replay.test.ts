/**
 * Replay: a stored generation run again with the same prompt, params, seed and model gives
 * exactly the same text (demo model, temperature 0.9, fixed seed). When another model is loaded,
 * the recorded model is loaded again; when that file is gone, the replay is refused.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { EventPayload } from '../../shared/contract.js';
import type { DocumentRecord } from '../../shared/schemas/documents.js';
import type {
  DocumentGenerationSettings,
  GenerationRecord,
} from '../../shared/schemas/generations.js';
import { createBackend, type Backend } from '../../electron/backend.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { makeTinyGpt2Gguf } from '../fixtures/tinyGpt2.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const context: RequestContext = { transport: 'test', clientId: 'replay-test' };
type End = EventPayload<'generation.end'>;

describe('replaying a stored generation', () => {
  let dir: string;
  let backend: Backend;
  let documentId: string;
  let tinyModel: string;
  const ends = new Map<string, End>();
  const waiting = new Map<string, (end: End) => void>();

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
  async function continueOnce(): Promise<End> {
    const started = await call<{ generationId: string }>('continue.start', {
      generationId: randomUUID(),
      documentId,
      textBeforeCursor: 'It was late in the evening when the train',
    });
    return endOf(started.generationId);
  }
  async function replay(id: string): Promise<End> {
    const started = await call<{ generationId: string }>('history.replay', {
      id,
      generationId: randomUUID(),
    });
    return endOf(started.generationId);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inkwell-replay-'));
    tinyModel = await makeTinyGpt2Gguf(dir, { nLayer: 1, nEmbd: 32, nHead: 2, nPositions: 64 });
    backend = createBackend({
      dataDir: join(dir, 'data'),
      transport: 'test',
      appVersion: '0.0.0-test',
      spawnModelHost: () => forkModelHost({ quiet: true }),
      defaultModelPath: demoModel,
    });
    backend.events.subscribe((event, payload) => {
      if (event !== 'generation.end') return;
      ends.set(payload.generationId, payload);
      waiting.get(payload.generationId)?.(payload);
    });
    documentId = (await call<DocumentRecord>('documents.create', { title: 'Train' })).id;
    const settings = await call<DocumentGenerationSettings>('settings.getDocument', { documentId });
    await call('settings.saveDocument', {
      ...settings,
      params: { ...settings.params, temperature: 0.9, seed: 20261128, maxTokens: 40 },
    });
  });

  after(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives exactly the same text with the same model, params and seed', async () => {
    const original = await continueOnce();
    assert.ok(original.text.length > 0);
    const again = await replay(original.generationId);
    assert.equal(again.text, original.text);
    assert.equal(again.seed, original.seed);
    assert.equal(again.finishReason, original.finishReason);

    const record = await call<GenerationRecord>('history.get', { id: again.generationId });
    assert.equal(record.kind, 'replay');
    assert.equal(record.replayOf, original.generationId);
    assert.equal(record.spotId, again.generationId, 'a replay is not an alternative');
    assert.equal(record.output, original.text);
    assert.equal(record.params.temperature, 0.9);
  });

  it('loads the recorded model again when another one is loaded', async () => {
    const original = await continueOnce();
    await call('engine.load', { path: tinyModel });
    const again = await replay(original.generationId);
    assert.equal(again.text, original.text);
    assert.equal(backend.engine.status().model?.path, demoModel);
  });

  it('refuses with a conflict when the recorded model file is gone', async () => {
    const copy = join(dir, 'copy-of-demo.gguf');
    copyFileSync(demoModel, copy);
    await call('engine.load', { path: copy });
    const original = await continueOnce();
    await call('engine.load', { path: tinyModel });
    rmSync(copy);
    const reply = await backend.router.dispatch(
      'history.replay',
      { id: original.generationId, generationId: randomUUID() },
      context,
    );
    assert.equal(reply.ok, false);
    assert.equal(!reply.ok && reply.error.code, 'conflict');
    assert.match(!reply.ok ? reply.error.message : '', /copy-of-demo\.gguf/);
  });
});
