/**
 * The engine service behind the contract channels: the handlers, the events it pushes (status,
 * load progress, chunks, end), the demo model loaded on first use, and thread counts measured
 * once, while the host is idle, and remembered per machine and model.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { EngineService, type EngineEventName } from '../../electron/engine/engineService.js';
import { createEngineHandlers } from '../../electron/engine/engineHandlers.js';
import { summarizeModelFile } from '../../electron/gguf/modelFileCheck.js';
import { engineChannels } from '../../shared/channels/engine.js';
import { generationParams } from '../../shared/schemas/engine.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const context: RequestContext = { transport: 'test', clientId: 'engine-service-test' };

interface RecordedEvent {
  event: EngineEventName;
  payload: unknown;
}

describe('engine service', () => {
  let dir: string;
  let tuningFile: string;
  let service: EngineService;
  let handlers: ReturnType<typeof createEngineHandlers>;
  const events: RecordedEvent[] = [];

  const eventsNamed = <T>(event: EngineEventName): T[] =>
    events.filter((recorded) => recorded.event === event).map((recorded) => recorded.payload as T);

  /** Sampler params with the defaults filled in, as a generation passes them to the engine. */
  const resolved = (params: { maxTokens: number; seed: number }) => ({
    ...generationParams.parse({ maxTokens: params.maxTokens }),
    seed: params.seed,
  });

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-engine-service-'));
    tuningFile = path.join(dir, 'thread-tuning.json');
    service = new EngineService({
      client: new EngineClient({
        spawnHost: () => forkModelHost({ quiet: true }),
        threadTuningFile: tuningFile,
      }),
      emit: (event, payload) => events.push({ event, payload }),
      defaultModelPath: demoModel,
    });
    handlers = createEngineHandlers(service);
  });

  after(async () => {
    await service.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('has a handler for exactly the engine channels', () => {
    assert.deepEqual(Object.keys(handlers).sort(), Object.keys(engineChannels).sort());
  });

  it('describes a model file (models.validate), and refuses a broken one with a clear message', async () => {
    const summary = await summarizeModelFile(demoModel);
    assert.equal(summary.architecture, 'gpt2');
    assert.equal(summary.contextLength, 512);
    assert.equal(summary.vocabularySize, 50257);
    const broken = path.join(dir, 'broken.gguf');
    await writeFile(broken, 'not a gguf file at all');
    await assert.rejects(
      async () => summarizeModelFile(broken),
      (error) => {
        assert.equal((error as { code?: string }).code, 'invalid_request');
        assert.match((error as Error).message, /^This model file cannot be used: /);
        return true;
      },
    );
  });

  it('loads the demo model on first use with starting thread counts, then measures them while idle', async () => {
    // Two requests at once (as a template's generate and its preview are): one load serves both.
    const [count, second] = await Promise.all([
      handlers['engine.countTokens']({ text: 'The quick brown fox' }, context),
      handlers['engine.countTokens']({ text: 'A second request while the model loads' }, context),
    ]);
    assert.equal(count.contextSize, 512);
    assert.ok(count.tokens >= 4);
    assert.ok(second.tokens >= 6);
    assert.equal(
      eventsNamed<{ state: string }>('engine.status').filter((s) => s.state === 'loading').length,
      1,
    );
    const statuses = eventsNamed<{ state: string }>('engine.status').map((status) => status.state);
    assert.deepEqual(statuses.slice(-2), ['loading', 'ready']);
    const steps = eventsNamed<{ step: string }>('engine.loadProgress').map((p) => p.step);
    for (const step of ['starting engine', 'validating', 'loading model', 'creating context']) {
      assert.ok(steps.includes(step), `no '${step}' progress`);
    }
    // Measuring is not part of the load: the first continue does not wait for it.
    assert.ok(!steps.includes('tuning threads'), 'the load waited for thread tuning');
    const status = await handlers['engine.status']({}, context);
    assert.equal(status.state, 'ready');
    assert.equal(status.model?.backend, 'cpu');
    assert.equal(status.model?.threads.source, 'default');
    assert.deepEqual(status.model?.devices, []);

    // Left alone, the host measures, switches to what it measured, and remembers it.
    let measured = status;
    while (measured.model?.threads.source !== 'tuned') {
      await delay(200);
      measured = await handlers['engine.measureMemory']({}, context);
    }
    const remembered = JSON.parse(await readFile(tuningFile, 'utf8')) as {
      entries: Record<string, { prompt: number; generation: number }>;
    };
    const entries = Object.values(remembered.entries);
    assert.equal(entries.length, 1);
    assert.equal(measured.model.threads.prompt, entries[0]?.prompt);
    assert.equal(measured.model.threads.generation, entries[0]?.generation);
  });

  it('fits the prompt first, then streams its chunks and ends with the whole text', async () => {
    const order: string[] = [];
    const chunks: string[] = [];
    const completion = service.complete(
      { kind: 'text', text: 'The ship sailed' },
      resolved({ maxTokens: 12, seed: 99 }),
      {
        fitted: (fit) => order.push(`fitted ${fit.plan.promptTokens}`),
        chunk: (text) => {
          order.push('chunk');
          chunks.push(text);
        },
      },
    );
    const end = await completion.done;
    assert.equal(end.finishReason, 'length');
    assert.match(order[0] ?? '', /^fitted \d+$/);
    assert.ok(order.slice(1).every((step) => step === 'chunk') && chunks.length > 1);
    assert.equal(end.text, chunks.join(''));
    assert.equal(end.timings.outputTokens, 12);
  });

  it('plans a continue in one request: the parts, how many tokens each took, what was dropped', async () => {
    const fit = await service.plan(
      {
        kind: 'parts',
        memory: 'A story about a lighthouse.',
        authorsNote: 'Keep it calm.',
        noteDepthLines: 3,
        textBeforeCursor: 'The keeper climbed the stairs. '.repeat(200),
      },
      64,
    );
    assert.ok(fit.promptText.startsWith('A story about a lighthouse.\n\n'));
    assert.ok(fit.promptText.includes("[Author's note: Keep it calm.]"));
    assert.ok(fit.plan.promptTokens <= 512 - 64);
    assert.ok(fit.plan.droppedTokens > 0);
    const parts = fit.plan.parts;
    assert.ok(parts && parts.memory > 0 && parts.authorsNote > 0 && parts.text > 0);
  });

  it('cancels a completion', async () => {
    let chunks = 0;
    const completion = service.complete(
      { kind: 'text', text: 'Long ago' },
      resolved({ maxTokens: 400, seed: 3 }),
      {
        fitted: () => {},
        chunk: () => {
          chunks += 1;
          if (chunks === 2) completion.cancel();
        },
      },
    );
    const end = await completion.done;
    assert.equal(end.finishReason, 'cancelled');
    assert.ok(end.timings.outputTokens < 400);
  });

  it('holds a completion while the writer types through it, then writes on to the same text', async () => {
    const prompt = { kind: 'text' as const, text: 'The lighthouse keeper' };
    const params = resolved({ maxTokens: 300, seed: 5 });
    const quiet = { fitted: () => {}, chunk: () => {} };
    const expected = (await service.complete(prompt, params, quiet).done).text;

    let chunks = 0;
    const completion = service.complete(prompt, params, {
      fitted: () => {},
      chunk: () => {
        chunks += 1;
      },
    });
    while (chunks === 0) await delay(1);
    const chunksBeforeTyping = chunks;
    // A writer typing through the suggestion, a key every 50 ms for half a second.
    for (let key = 0; key < 10; key += 1) {
      completion.typing();
      await delay(50);
    }
    const chunksWhileTyping = chunks - chunksBeforeTyping;
    // Free, the demo model writes ~100 tokens in that time; held, only the token it was on
    // when the first key came, and one each time it wakes to find the writer still typing.
    assert.ok(chunksWhileTyping <= 4, `${chunksWhileTyping} chunks while the writer typed`);

    const end = await completion.done;
    assert.equal(end.finishReason, 'length');
    assert.equal(end.text, expected, 'the same text as without typing, only later');
    // Its speed leaves out the ~0.9 s it waited for the writer (typing, then the pause).
    const { outputTokens, tokensPerSecond, totalMs, timeToFirstTokenMs } = end.timings;
    const wallClockSpeed = (outputTokens - 1) / ((totalMs - (timeToFirstTokenMs ?? 0)) / 1000);
    assert.ok(
      tokensPerSecond > wallClockSpeed * 1.05,
      `${tokensPerSecond} tokens/s reported, ${wallClockSpeed.toFixed(1)} by the wall clock`,
    );
  });

  it('remembers measured threads for the next load of the same model', async () => {
    const idle = await handlers['engine.unload']({}, context);
    assert.equal(idle.state, 'idle');
    const info = await handlers['engine.load']({ path: demoModel, backend: 'cpu' }, context);
    assert.equal(info.threads.source, 'remembered');
    const pinned = await handlers['engine.load']({ path: demoModel, threads: 1 }, context);
    assert.deepEqual(pinned.threads, { generation: 1, prompt: 1, source: 'user' });
  });

  it('waits for a load in progress (one the Models panel asked for) instead of saying no model is loaded', async () => {
    await handlers['engine.unload']({}, context);
    const loading = handlers['engine.load']({ path: demoModel, backend: 'cpu' }, context);
    while ((await handlers['engine.status']({}, context)).state !== 'loading') await delay(5);
    const count = await handlers['engine.countTokens']({ text: 'While it loads' }, context);
    assert.ok(count.tokens >= 3);
    assert.equal((await loading).fileName, path.basename(demoModel));
  });
});

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
