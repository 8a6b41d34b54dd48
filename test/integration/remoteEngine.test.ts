/**
 * The remote engine against a real llama.cpp server (built from the release node-llama-cpp
 * ships, test/fixtures/llamaServer.ts), with the bundled demo model and with a tiny Llama model:
 * the models it lists, its context and tokenizer, streaming continues, the same seed giving the
 * same text, stop strings, token probabilities, and a cancel that closes the stream so the
 * server is free again at once.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { RemoteEngine } from '../../electron/engine/remote/remoteEngine.js';
import { generationParams, type ResolvedGenerationParams } from '../../shared/schemas/engine.js';
import type { EnginePrompt } from '../../shared/schemas/generations.js';
import { TOP_ALTERNATIVES, type TokenStep } from '../../shared/schemas/tokenSteps.js';
import { startLlamaServer, type RunningLlamaServer } from '../fixtures/llamaServer.js';
import { makeTinyLlamaGguf } from '../fixtures/tinyLlama.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);

const params = (overrides: Partial<ResolvedGenerationParams> = {}): ResolvedGenerationParams => ({
  ...generationParams.parse({ maxTokens: 24 }),
  seed: 42,
  ...overrides,
});

async function run(
  engine: RemoteEngine,
  prompt: EnginePrompt,
  overrides: Partial<ResolvedGenerationParams> = {},
  withSteps = false,
) {
  const chunks: string[] = [];
  const fits: number[] = [];
  const steps: TokenStep[] = [];
  let text = '';
  const completion = engine.complete(prompt, params(overrides), {
    fitted: (fit) => fits.push(fit.plan.promptTokens),
    chunk: (piece) => {
      chunks.push(piece);
      text += piece;
      // Steps come before the chunk that completes them: they always spell a prefix of the text.
      assert.ok(text.startsWith(steps.map((step) => step.text).join('')));
    },
    ...(withSteps ? { steps: (more: TokenStep[]) => steps.push(...more) } : {}),
  });
  return { ...(await completion.done), chunks, fits, steps };
}

describe('the remote engine on a real llama.cpp server (demo model)', () => {
  let server: RunningLlamaServer;
  let engine: RemoteEngine;

  before(async () => {
    server = await startLlamaServer(demoModel);
    engine = new RemoteEngine({
      settings: { baseUrl: server.baseUrl, apiKey: null, model: '', contextSize: null },
    });
  });
  after(async () => {
    await server?.stop();
  });

  it('takes the model the server lists, its context from /props and its tokenizer', async () => {
    const model = await engine.ensureModel();
    assert.equal(model.fileName, demoModel);
    assert.equal(model.remote?.model, demoModel);
    assert.equal(model.remote?.contextSource, 'server');
    assert.equal(model.remote?.tokenizer, 'server');
    assert.equal(model.contextSize, 512);
    assert.equal(engine.status().state, 'ready');
    // GPT-2's tokenizer: "Hello world" is two tokens, and no BOS is added.
    assert.deepEqual(await engine.countTokens('Hello world'), { tokens: 2, contextSize: 512 });
  });

  it('fits a long continue into the server context with the server tokenizer', async () => {
    const fit = await engine.plan(
      {
        kind: 'parts',
        memory: 'A story about a mill.',
        authorsNote: 'Keep it calm.',
        noteDepthLines: 3,
        textBeforeCursor: 'The river ran on past the mill. '.repeat(200),
      },
      80,
    );
    assert.ok(fit.plan.promptTokens + 80 <= 512);
    assert.ok(fit.plan.droppedTokens > 0);
    assert.equal(fit.plan.tokensEstimated, undefined);
    assert.match(fit.promptText, /^A story about a mill\.\n\n/);
    assert.match(fit.promptText, /\[Author's note: Keep it calm\.\]/);
    // The count in the plan is the server's own count of the text it will read.
    const counted = await engine.countTokens(fit.promptText);
    assert.equal(fit.plan.promptTokens, counted.tokens);
  });

  it('streams a continue token by token; the same seed gives the same text', async () => {
    const prompt: EnginePrompt = { kind: 'text', text: 'The man went to the' };
    const first = await run(engine, prompt);
    assert.equal(first.finishReason, 'length', first.error?.message);
    assert.ok(first.chunks.length > 1, 'more than one chunk');
    assert.equal(first.chunks.join(''), first.text);
    assert.equal(first.timings.outputTokens, 24);
    assert.equal(first.fits[0], 5);
    const again = await run(engine, prompt);
    assert.equal(again.text, first.text);
    const other = await run(engine, prompt, { seed: 7 });
    assert.notEqual(other.text, first.text);
  });

  it('gives each token a step: its probability after the sampler and the alternatives', async () => {
    const outcome = await run(engine, { kind: 'text', text: 'It was a' }, { maxTokens: 8 }, true);
    assert.equal(outcome.steps.length, 8);
    assert.equal(outcome.steps.map((step) => step.text).join(''), outcome.text);
    for (const step of outcome.steps) {
      assert.ok(step.p > 0 && step.p <= 1);
      assert.ok(step.alternatives.some((alt) => alt.text === step.text && alt.p === step.p));
      // top-k 40, then top-p 0.95 and min-p 0.05: what is left is renormalised and sums to 1.
      assert.ok(step.alternatives.length <= TOP_ALTERNATIVES + 1);
      const sum = step.alternatives.reduce((total, alt) => total + alt.p, 0);
      assert.ok(sum <= 1 + 1e-4, `the alternatives sum to ${sum}`);
    }
    // Turning the steps on does not change the text.
    const plain = await run(engine, { kind: 'text', text: 'It was a' }, { maxTokens: 8 });
    assert.equal(plain.text, outcome.text);
  });

  it('with top-k 3, a step lists at most the 3 tokens the sampler kept, summing to 1', async () => {
    const outcome = await run(
      engine,
      { kind: 'text', text: 'The old man' },
      { maxTokens: 6, topK: 3, topP: 1, minP: 0 },
      true,
    );
    for (const step of outcome.steps) {
      assert.ok(step.alternatives.length <= 3, JSON.stringify(step));
      const sum = step.alternatives.reduce((total, alt) => total + alt.p, 0);
      assert.ok(Math.abs(sum - 1) < 1e-3, `post-sampler probabilities sum to 1 (${sum})`);
    }
  });

  it('stops before a stop string, which is not part of the text', async () => {
    const prompt: EnginePrompt = { kind: 'text', text: 'She opened the door and' };
    const free = await run(engine, prompt, { maxTokens: 32 });
    const middle = Math.floor(free.text.length / 2);
    const stop = free.text.slice(middle, middle + 4);
    assert.ok(stop.trim().length > 0, `a stop string from "${free.text}"`);
    const stopped = await run(engine, prompt, { maxTokens: 32, stop: [stop] });
    assert.equal(stopped.finishReason, 'stop');
    assert.ok(!stopped.text.includes(stop));
    assert.ok(free.text.startsWith(stopped.text));
  });

  it('cancels: the stream closes, the server stops, and the next continue runs at once', async () => {
    let cancelledAt = 0;
    let firstChunk: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (firstChunk = resolve));
    const completion = engine.complete(
      { kind: 'text', text: 'Once upon a time' },
      params({ maxTokens: 400 }),
      { fitted: () => undefined, chunk: () => firstChunk() },
    );
    await started;
    cancelledAt = performance.now();
    completion.cancel();
    const outcome = await completion.done;
    const latency = performance.now() - cancelledAt;
    console.log(`cancel → done in ${latency.toFixed(1)} ms`);
    assert.equal(outcome.finishReason, 'cancelled');
    assert.ok(outcome.timings.outputTokens < 400);
    // One slot: if the cancelled stream still ran, this would wait for its 400 tokens first.
    const next = await run(engine, { kind: 'text', text: 'The end' }, { maxTokens: 4 });
    assert.equal(next.finishReason, 'length');
    const slots = (await (await fetch(`${server.baseUrl}/slots`)).json()) as {
      is_processing: boolean;
    }[];
    assert.ok(slots.every((slot) => !slot.is_processing));
  });
});

describe('the remote engine on a real llama.cpp server (a tiny llama model)', () => {
  let dir = '';
  let server: RunningLlamaServer;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-remote-llama-'));
    server = await startLlamaServer(await makeTinyLlamaGguf(dir), ['--alias', 'tiny-llama']);
  });
  after(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('continues text with the model named, counting the BOS token the server adds', async () => {
    const engine = new RemoteEngine({
      settings: {
        baseUrl: `${server.baseUrl}/v1/`,
        apiKey: null,
        model: 'tiny-llama',
        contextSize: 128,
      },
    });
    const model = await engine.ensureModel();
    assert.equal(model.remote?.model, 'tiny-llama');
    assert.equal(model.remote?.contextSource, 'writer');
    assert.equal(model.contextSize, 128);
    assert.equal((await engine.countTokens('Hello world')).tokens, 3);
    const outcome = await run(
      engine,
      { kind: 'text', text: 'In the beginning' },
      { maxTokens: 12 },
    );
    assert.equal(outcome.finishReason, 'length', outcome.error?.message);
    assert.equal(outcome.fits[0], 4);
    assert.ok(outcome.text.length > 0);
  });

  it('says that a model the server does not have is not there', async () => {
    const engine = new RemoteEngine({
      settings: {
        baseUrl: server.baseUrl,
        apiKey: null,
        model: 'no-such-model',
        contextSize: null,
      },
    });
    await assert.rejects(engine.ensureModel(), /has no model "no-such-model"/);
    assert.equal(engine.status().state, 'crashed');
  });
});
