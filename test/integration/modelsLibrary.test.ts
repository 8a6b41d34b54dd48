/**
 * The models library through the backend's router, with a real database, real GGUF files, the
 * real converter and the real model host: the bundled model registered on start, adding a good
 * and a bad file, details with the model card, importing a checkpoint (progress, added and
 * selected; cancel removes the partial file), removing, run settings and the memory estimate.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import type { Reply } from '../../shared/errors.js';
import type {
  JobEnd,
  JobProgress,
  MemoryEstimate,
  ModelDetails,
  ModelRecord,
  RunSettings,
} from '../../shared/schemas/models.js';
import { makeTinyGpt2Gguf, writeTinyGpt2Checkpoint } from '../fixtures/tinyGpt2.js';
import { chineseText } from '../unit/support/chineseText.js';

const context: RequestContext = { transport: 'test', clientId: 'models-library-test' };

let root: string;
let goodGguf: string;
let bundledGguf: string;
let checkpoint: string;
let backend: Backend | undefined;
let runs = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkwell-models-'));
  goodGguf = await makeTinyGpt2Gguf(join(root, 'good'), { type: 'q8_0', seed: 3 });
  await writeFile(join(root, 'good', 'tiny-gpt2.q8_0.md'), '# Tiny\nA model card.');
  bundledGguf = join(root, 'bundled.gguf');
  await copyFile(await makeTinyGpt2Gguf(join(root, 'bundled-src'), { seed: 5 }), bundledGguf);
  checkpoint = await writeTinyGpt2Checkpoint(join(root, 'my-finetune'), { seed: 7 });
});
after(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
  backend?.close();
  backend = undefined;
});

function open(withBundled = false): Backend {
  runs += 1;
  backend = createBackend({
    dataDir: join(root, `data-${runs}`),
    transport: 'test',
    appVersion: '0.0.0-test',
    ...(withBundled ? { defaultModelPath: bundledGguf } : {}),
  });
  return backend;
}

function dispatch(channel: string, payload: unknown): Promise<Reply<unknown>> {
  assert.ok(backend);
  return backend.router.dispatch(channel, payload, context);
}

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const reply = await dispatch(channel, payload);
  if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

async function runJob(
  payload: unknown,
  onProgress?: (progress: JobProgress) => void,
): Promise<{ end: JobEnd; progress: JobProgress[] }> {
  assert.ok(backend);
  const progress: JobProgress[] = [];
  const ends: JobEnd[] = [];
  let notify: () => void = () => undefined;
  const unsubscribe = backend.events.subscribe((event, data) => {
    if (event === 'models.jobProgress') {
      progress.push(data);
      onProgress?.(data);
    }
    if (event === 'models.jobEnd') {
      ends.push(data);
      notify();
    }
  });
  try {
    const { jobId } = await call<{ jobId: string }>('models.importCheckpoint', payload);
    while (!ends.some((end) => end.jobId === jobId)) {
      await new Promise<void>((resolve) => (notify = resolve));
    }
    const end = ends.find((e) => e.jobId === jobId);
    assert.ok(end);
    return { end, progress: progress.filter((p) => p.jobId === jobId) };
  } finally {
    unsubscribe();
  }
}

describe('the models library', () => {
  it('registers the bundled model on start, hashed once', async () => {
    open(true);
    const models = await call<ModelRecord[]>('models.list', {});
    assert.equal(models.length, 1);
    const [bundled] = models;
    assert.equal(bundled?.id, 'bundled');
    assert.equal(bundled?.source, 'bundled');
    assert.match(bundled?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.equal(bundled?.architecture, 'gpt2');
    assert.equal(bundled?.contextLength, 64);
    const removal = await dispatch('models.remove', { id: 'bundled' });
    assert.ok(!removal.ok);
    assert.equal(removal.error.code, 'invalid_request');
  });

  it('adds a good GGUF with its details and model card, and refuses a bad one with the validator’s message', async () => {
    open();
    const added = await call<ModelRecord>('models.add', { path: goodGguf });
    assert.equal(added.source, 'file');
    assert.match(added.quantization, /Q8_0/);
    assert.ok(added.parameterCount > 0);
    assert.equal(added.active, false);
    const again = await call<ModelRecord>('models.add', { path: goodGguf });
    assert.equal(again.id, added.id, 'the same file is listed once');

    const details = await call<ModelDetails>('models.details', { id: added.id });
    assert.equal(details.file?.architecture, 'gpt2');
    assert.ok(details.metadata.some((entry) => entry.key === 'general.name'));
    assert.match(details.modelCard ?? '', /A model card/);

    const bad = join(root, 'bad.gguf');
    await writeFile(bad, Buffer.from('GGUF this is not a model at all'));
    const refused = await dispatch('models.add', { path: bad });
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'invalid_request');
    assert.match(refused.error.message, /This model file cannot be used/);
    // By its key too, the validator's reason nested in it: complete in Chinese.
    assert.equal(refused.error.localized?.key, 'errors:gguf.cannotUse');
    assert.match(chineseText(refused.error.localized), /^无法使用此模型文件：.+。$/);
    const missing = await dispatch('models.add', { path: join(root, 'nope.gguf') });
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'not_found');
    assert.equal(
      missing.error.message,
      `There is no model file Inkwell can open at ${join(root, 'nope.gguf')}: it must be a regular .gguf file, or a link to one.`,
    );
    assert.deepEqual(missing.error.localized, {
      key: 'errors:models.noModelFile',
      values: { path: join(root, 'nope.gguf') },
    });
    assert.equal(
      chineseText(missing.error.localized),
      `${join(root, 'nope.gguf')} 处没有 Inkwell 能打开的模型文件：它必须是普通的 .gguf 文件，或指向这样一个文件的链接。`,
    );
    const notGguf = await dispatch('models.add', { path: join(root, 'story.txt') });
    assert.ok(!notGguf.ok);
    assert.equal(notGguf.error.localized?.key, 'errors:models.notGguf');
    assert.equal(
      chineseText(notGguf.error.localized),
      'Inkwell 只能从 .gguf 文件添加模型；“story.txt”不是 .gguf 文件。',
    );
    assert.deepEqual(
      (await call<ModelRecord[]>('models.list', {})).map((m) => m.id),
      [added.id],
    );

    // Removing a user's own file takes it off the list and never deletes the file.
    const refusedDelete = await dispatch('models.remove', { id: added.id, deleteFile: true });
    assert.ok(!refusedDelete.ok);
    assert.equal(refusedDelete.error.localized?.key, 'errors:models.onlyOwnFiles');
    assert.deepEqual(await call('models.remove', { id: added.id }), {
      removed: true,
      fileDeleted: false,
    });
    assert.ok(existsSync(goodGguf));
  });

  it('imports a GPT-2 folder: progress, the result added and selected; run settings and estimate', async () => {
    open();
    await call<RunSettings>('models.runSettings.save', {
      backend: 'cpu',
      gpuLayers: 'auto',
      contextSize: 64,
      threads: 1,
    });
    const { end, progress } = await runJob({ folder: checkpoint, type: 'q8_0' });
    assert.equal(end.ok, true, end.error);
    assert.ok(progress.some((p) => p.phase === 'converting' && p.receivedBytes > 0));
    const models = await call<ModelRecord[]>('models.list', {});
    const imported = models.find((m) => m.id === end.modelId);
    assert.ok(imported);
    assert.equal(imported.source, 'converted');
    assert.equal(imported.name, 'my-finetune');
    assert.equal(imported.active, true, 'selected: the engine has it loaded');
    assert.ok(imported.lastUsedAt !== null);
    assert.ok(imported.path.startsWith(join(backend?.dataDir ?? '', 'models')));

    const settings = await call<RunSettings>('models.runSettings.get', {});
    assert.deepEqual(settings, { backend: 'cpu', gpuLayers: 'auto', contextSize: 64, threads: 1 });
    const estimate = await call<MemoryEstimate>('models.estimate', { id: imported.id });
    assert.equal(estimate.gpuLayers, 0);
    assert.equal(estimate.contextSize, 64);
    assert.ok(estimate.ramBytes > 0);
    assert.equal(estimate.vramBytes, 0);
    assert.equal(estimate.fits, estimate.ramBytes <= estimate.freeRamBytes);

    // A downloaded or converted file in our folder may be deleted on request.
    const removed = await call<{ fileDeleted: boolean }>('models.remove', {
      id: imported.id,
      deleteFile: true,
    });
    assert.equal(removed.fileDeleted, true);
    assert.equal(existsSync(imported.path), false);
  });

  it('cancelling an import removes the partial file', async () => {
    open();
    let cancelled = false;
    const { end } = await runJob({ folder: checkpoint, type: 'f16' }, (progress) => {
      if (!cancelled && progress.phase === 'converting' && progress.receivedBytes > 0) {
        cancelled = true;
        void call('models.cancelJob', { jobId: progress.jobId });
      }
    });
    assert.equal(cancelled, true);
    assert.equal(end.ok, false);
    assert.equal(end.cancelled, true);
    assert.equal(end.error, 'Cancelled. The partial file was removed.');
    assert.equal(chineseText(end.errorLocalized), '已取消。未完成的文件已删除。');
    assert.ok(backend);
    assert.deepEqual(await readdir(join(backend.dataDir, 'models')), []);
    assert.deepEqual(await call<ModelRecord[]>('models.list', {}), []);
  });

  it('refuses an import from a folder that is not a checkpoint', async () => {
    open();
    const { end } = await runJob({ folder: join(root, 'good'), type: 'q8_0' });
    assert.equal(end.ok, false);
    assert.match(end.error ?? '', /cannot be converted/);
    assert.match(chineseText(end.errorLocalized), /^无法转换此文件夹：.+。$/);
  });
});
