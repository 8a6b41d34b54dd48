/**
 * The model the engine starts with, and what a loaded model costs, through the real backend, a
 * real database and the real model host on small GGUF files made here: the last-used model is
 * loaded on first use, the demo model when that one is missing or broken (and the status says
 * so); the status carries the load time and memory measured in the host; the memory estimate
 * on the CPU compares against free RAM.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import type { Reply } from '../../shared/errors.js';
import type { EngineStatus } from '../../shared/schemas/engine.js';
import type { MemoryEstimate, ModelRecord } from '../../shared/schemas/models.js';
import { makeTinyGpt2Gguf } from '../fixtures/tinyGpt2.js';
import { chineseText } from '../unit/support/chineseText.js';

const context: RequestContext = { transport: 'test', clientId: 'model-startup-test' };

let root: string;
let bundledGguf: string;
let sourceGguf: string;
let backend: Backend | undefined;
let runs = 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'inkwell-startup-'));
  bundledGguf = join(root, 'bundled.gguf');
  await copyFile(await makeTinyGpt2Gguf(join(root, 'bundled-src'), { seed: 5 }), bundledGguf);
  sourceGguf = await makeTinyGpt2Gguf(join(root, 'mine-src'), { type: 'q8_0', seed: 3 });
});
after(() => rm(root, { recursive: true, force: true }));
afterEach(() => close());

function close(): void {
  backend?.close();
  backend = undefined;
}

/** A backend on `dataDir` (a new folder unless given): what one start of the app sees. */
async function start(dataDir = join(root, `data-${++runs}`)): Promise<Backend> {
  backend = createBackend({
    dataDir,
    transport: 'test',
    appVersion: '0.0.0-test',
    defaultModelPath: bundledGguf,
  });
  // One thread: no thread tuning, which would only make the loads slower.
  await call('models.runSettings.save', { backend: 'cpu', threads: 1 });
  return backend;
}

async function call<T>(channel: string, payload: unknown): Promise<T> {
  assert.ok(backend);
  const reply = (await backend.router.dispatch(channel, payload, context)) as Reply<T>;
  if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/** A copy of the test model of its own, so that a test may move or damage it. */
async function modelFile(name: string): Promise<string> {
  const path = join(root, name);
  await copyFile(sourceGguf, path);
  return path;
}

/** Adds and selects a model, then ends this start of the app. */
async function useThenQuit(path: string): Promise<string> {
  const dataDir = join(root, `data-${++runs}`);
  await start(dataDir);
  const added = await call<ModelRecord>('models.add', { path });
  await call('models.select', { id: added.id });
  close();
  return dataDir;
}

/** What a first request that needs a model does: load the startup model. */
async function firstUse(): Promise<EngineStatus> {
  await call('engine.countTokens', { text: 'Once upon a time' });
  return call<EngineStatus>('engine.status', {});
}

describe('the model the app starts with', () => {
  it('first run: the demo model, without a notice, with its load time and memory', async () => {
    await start();
    const status = await firstUse();
    assert.equal(status.state, 'ready');
    assert.equal(status.model?.path, bundledGguf);
    assert.equal(status.notice, null);
    const memory = status.model?.memory;
    assert.ok(memory);
    assert.ok(status.model && status.model.loadMs >= 0);
    assert.ok(memory.modelBytes > 0, 'the weights have a size');
    assert.ok(memory.contextBytes > 0, 'the context has a state');
    assert.ok(memory.hostRssBytes > memory.modelBytes, 'the host holds at least the weights');
    assert.equal(memory.vramBytes, null, 'no GPU memory on the CPU');
    assert.equal(memory.freeVramBytes, null);

    const again = await call<EngineStatus>('engine.measureMemory', {});
    assert.ok(again.model);
    assert.ok(again.model.memory.measuredAt >= memory.measuredAt);
    assert.equal(again.model.memory.modelBytes, memory.modelBytes);
    assert.ok(again.model.memory.hostRssBytes > 0);
    assert.equal(again.model.loadMs, status.model?.loadMs, 'measuring does not reload');
  });

  it('measuring memory with nothing loaded loads nothing', async () => {
    await start();
    const status = await call<EngineStatus>('engine.measureMemory', {});
    assert.equal(status.state, 'idle');
    assert.equal(status.model, null);
    assert.equal(backend?.engine.status().state, 'idle');
  });

  it('the next start loads the model used last', async () => {
    const mine = await modelFile('mine.gguf');
    const dataDir = await useThenQuit(mine);
    await start(dataDir);
    const status = await firstUse();
    assert.equal(status.model?.path, mine);
    assert.equal(status.notice, null);
  });

  it('the model chosen in the app settings loads at start, not the one used last', async () => {
    const mine = await modelFile('chosen-demo-over-mine.gguf');
    const dataDir = await useThenQuit(mine);
    await start(dataDir);
    await call('preferences.update', { startupModelId: 'bundled' });
    close();
    await start(dataDir);
    const status = await firstUse();
    assert.equal(status.model?.path, bundledGguf);
    assert.equal(status.notice, null);
  });

  it('the model used last is missing: the demo model, and the status says so', async () => {
    const moved = await modelFile('moved.gguf');
    const dataDir = await useThenQuit(moved);
    await rm(moved);
    await start(dataDir);
    const status = await firstUse();
    assert.equal(status.model?.path, bundledGguf);
    assert.match(status.notice ?? '', /The model you used last, “tiny-gpt2”, is missing/);
    assert.match(status.notice ?? '', /demo model is loaded instead/);
    assert.deepEqual(status.noticeLocalized, {
      key: 'errors:models.lastUsedMissingDemoLoaded',
      values: { name: 'tiny-gpt2', path: moved },
    });
    assert.equal(
      chineseText(status.noticeLocalized),
      `你上次使用的模型“tiny-gpt2”已不存在（${moved}），因此改为加载演示模型。`,
    );

    // Choosing a model replaces the notice: it spoke of the load that was replaced.
    await call('models.select', { id: 'bundled' });
    assert.equal((await call<EngineStatus>('engine.status', {})).notice, null);
  });

  it('the model used last is broken: the demo model, and the status says why', async () => {
    const damaged = await modelFile('damaged.gguf');
    const dataDir = await useThenQuit(damaged);
    await writeFile(damaged, Buffer.from('GGUF and then nothing that makes a model'));
    await start(dataDir);
    const notices: (string | null)[] = [];
    backend?.events.subscribe((event, payload) => {
      if (event === 'engine.status') notices.push((payload as EngineStatus).notice);
    });
    const status = await firstUse();
    assert.equal(status.model?.path, bundledGguf);
    assert.match(status.notice ?? '', /“tiny-gpt2”, could not be loaded \(.+\)/);
    // Why, by its key as well: the validator's reason, not an English fragment.
    assert.equal(status.noticeLocalized?.key, 'errors:models.lastUsedFailedDemoLoaded');
    assert.match(
      chineseText(status.noticeLocalized),
      /^你上次使用的模型“tiny-gpt2”无法加载（无法使用此模型文件：.+。），因此改为加载演示模型。$/,
    );
    assert.ok(notices.includes(status.notice), 'renderers are told through engine.status');
  });
});

describe('the memory estimate on the CPU', () => {
  it('compares against free RAM and needs no GPU memory', async () => {
    await start();
    await firstUse();
    const estimate = await call<MemoryEstimate>('models.estimate', {
      id: 'bundled',
      settings: { backend: 'cpu', gpuLayers: 'auto', contextSize: 64, threads: 1 },
    });
    assert.equal(estimate.backend, 'cpu');
    assert.equal(estimate.gpuLayers, 0);
    assert.equal(estimate.vramBytes, 0);
    assert.equal(estimate.freeVramBytes, null);
    assert.ok(estimate.ramBytes > 0);
    assert.ok(estimate.freeRamBytes > 0);
    // A tiny model fits in any machine that runs these tests.
    assert.equal(estimate.fits, true);
    assert.equal(estimate.warning, null);

    // 'auto' with the engine on the CPU is the CPU too.
    const auto = await call<MemoryEstimate>('models.estimate', {
      id: 'bundled',
      settings: { backend: 'auto', gpuLayers: 'auto', contextSize: 64, threads: 1 },
    });
    assert.equal(auto.backend, 'cpu');
    assert.equal(auto.vramBytes, 0);
  });

  it('asks for a GPU the engine does not run: VRAM needed, free VRAM unknown, said so', async () => {
    await start();
    await firstUse();
    assert.equal(
      await backend?.engine.gpuEstimate({ path: bundledGguf, gpuLayers: 'auto', contextSize: 64 }),
      null,
      'a host on the CPU has no GPU to ask',
    );
    const estimate = await call<MemoryEstimate>('models.estimate', {
      id: 'bundled',
      settings: { backend: 'cuda', gpuLayers: 'auto', contextSize: 64, threads: 1 },
    });
    assert.equal(estimate.backend, null);
    assert.ok(estimate.gpuLayers > 0);
    assert.ok(estimate.vramBytes > 0);
    assert.equal(estimate.freeVramBytes, null);
    assert.match(estimate.warning ?? '', /only known once the engine runs on the GPU/);
  });
});
