/**
 * A model that is not GPT-2 runs end to end: a tiny Llama-architecture GGUF (random weights, the
 * GPT-2 BPE vocabulary, a BOS token before every prompt) passes the file check with its own
 * architecture's checks, loads in the real model host, counts its BOS token against the context,
 * continues text reproducibly by seed, and stops before a stop string.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { RequestContext } from '../../electron/core/requestContext.js';
import { EngineService } from '../../electron/engine/engineService.js';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import { summarizeModelFile } from '../../electron/gguf/modelFileCheck.js';
import { generationParams, type ResolvedGenerationParams } from '../../shared/schemas/engine.js';
import type { EventPayload } from '../../shared/contract.js';
import type { EnginePrompt, GenerationRecord } from '../../shared/schemas/generations.js';
import type { ModelRecord } from '../../shared/schemas/models.js';
import { makeTinyLlamaGguf } from '../fixtures/tinyLlama.js';

const params = (overrides: Partial<ResolvedGenerationParams> = {}): ResolvedGenerationParams => ({
  ...generationParams.parse({ maxTokens: 24, temperature: 0.9 }),
  seed: 11,
  ...overrides,
});

describe('a llama-architecture model', () => {
  let dir = '';
  let modelFile = '';
  let engine: EngineService;

  const run = async (prompt: EnginePrompt, overrides: Partial<ResolvedGenerationParams> = {}) => {
    const chunks: string[] = [];
    const completion = engine.complete(prompt, params(overrides), {
      fitted: () => undefined,
      chunk: (text) => chunks.push(text),
    });
    const outcome = await completion.done;
    return { ...outcome, chunks };
  };

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-llama-arch-'));
    modelFile = await makeTinyLlamaGguf(dir);
    engine = new EngineService({
      client: new EngineClient({ spawnHost: () => forkModelHost({ quiet: true }) }),
      emit: () => undefined,
    });
  });
  after(async () => {
    await engine?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('is described by the file check as llama with its own context length', async () => {
    const summary = await summarizeModelFile(modelFile);
    assert.equal(summary.architecture, 'llama');
    assert.equal(summary.contextLength, 256);
    assert.equal(summary.layers, 2);
    assert.equal(summary.embeddingSize, 64);
    assert.equal(summary.heads, 4);
    assert.equal(summary.vocabularySize, 50257);
  });

  it('loads in the model host and counts the BOS token it adds against the context', async () => {
    const loaded = await engine.load({ path: modelFile, backend: 'cpu', threads: 1 });
    assert.equal(loaded.architecture, 'llama');
    assert.equal(loaded.contextSize, 256);
    // "Hello world" is two GPT-2 tokens; the model adds BOS before them.
    const count = await engine.countTokens('Hello world');
    assert.equal(count.tokens, 3);
    const plan = await engine.plan({ kind: 'text', text: 'Hello world' }, 16);
    assert.equal(plan.plan.promptTokens, 3);
    assert.equal(plan.plan.contextSize, 256);
  });

  it('continues text, the same seed giving the same words', async () => {
    const prompt: EnginePrompt = { kind: 'text', text: 'Once upon a time, in a small village,' };
    const first = await run(prompt);
    assert.equal(first.finishReason, 'length', first.error?.message);
    assert.ok(first.text.length > 0, 'the model wrote something');
    assert.equal(first.chunks.join(''), first.text);
    assert.equal(first.timings.outputTokens, 24);
    const again = await run(prompt);
    assert.equal(again.text, first.text);
    // The BOS token the completion adds is kept with the prompt: the same prompt again reads
    // only its last token.
    assert.equal(again.timings.promptTokens - (again.timings.reusedPromptTokens ?? 0), 1);
  });

  it('fits a continue made of parts into its context, BOS included', async () => {
    const long = 'The river ran on and on past the mill. '.repeat(80);
    const fits: number[] = [];
    const completion = engine.complete(
      {
        kind: 'parts',
        memory: 'A tale.',
        authorsNote: '',
        noteDepthLines: 3,
        textBeforeCursor: long,
      },
      params({ maxTokens: 40 }),
      {
        fitted: (fit) => fits.push(fit.plan.promptTokens + fit.plan.maxNewTokens),
        chunk: () => undefined,
      },
    );
    const outcome = await completion.done;
    assert.equal(outcome.finishReason, 'length', outcome.error?.message);
    assert.equal(fits.length, 1);
    assert.ok((fits[0] ?? Infinity) <= 256, `prompt and new tokens fit 256 (${fits[0]})`);
    assert.ok(outcome.timings.droppedPromptTokens > 0, 'the oldest text was left out');
  });

  it('stops before a stop string, which is not part of the text', async () => {
    const prompt: EnginePrompt = { kind: 'text', text: 'The old lighthouse keeper said' };
    const free = await run(prompt, { maxTokens: 32 });
    const visible = free.text.trimStart();
    // A piece of what the model writes with this seed, far enough in that text comes before it.
    const stop = visible.slice(Math.floor(visible.length / 2), Math.floor(visible.length / 2) + 3);
    assert.ok(stop.trim().length > 0, `a stop string from "${free.text}"`);
    const stopped = await run(prompt, { maxTokens: 32, stop: [stop] });
    assert.equal(stopped.finishReason, 'stop');
    assert.ok(!stopped.text.includes(stop));
    assert.ok(free.text.startsWith(stopped.text));
  });
});

describe('a llama-architecture model in the app', () => {
  let dir = '';
  let backend: Backend;
  const context: RequestContext = { transport: 'test', clientId: 'llama-app-test' };
  const ends = new Map<string, (end: EventPayload<'generation.end'>) => void>();

  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const reply = await backend.router.dispatch(channel, payload, context);
    if (!reply.ok) assert.fail(`${channel} failed: ${JSON.stringify(reply.error)}`);
    return reply.data as T;
  }

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-llama-app-'));
    backend = createBackend({
      dataDir: path.join(dir, 'data'),
      transport: 'test',
      appVersion: 'test',
      spawnModelHost: () => forkModelHost({ quiet: true }),
    });
    backend.events.subscribe((event, payload) => {
      if (event !== 'generation.end') return;
      const end = payload as EventPayload<'generation.end'>;
      ends.get(end.generationId)?.(end);
    });
  });
  after(async () => {
    backend?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is added to the library as llama with its context, selected, and continues a document', async () => {
    const file = await makeTinyLlamaGguf(dir);
    const record = await call<ModelRecord>('models.add', { path: file });
    assert.equal(record.architecture, 'llama');
    assert.equal(record.contextLength, 256);
    await call('models.select', { id: record.id });
    const document = await call<{ id: string }>('documents.create', { title: 'Llama' });
    const generationId = randomUUID();
    const ended = new Promise<EventPayload<'generation.end'>>((resolve) =>
      ends.set(generationId, resolve),
    );
    await call('continue.start', {
      generationId,
      documentId: document.id,
      textBeforeCursor: 'The fox ran through the',
    });
    const end = await ended;
    assert.equal(end.finishReason, 'length', JSON.stringify(end.error));
    const history = await call<GenerationRecord>('history.get', { id: generationId });
    assert.equal(history.modelName, 'tiny-llama.gguf');
    assert.equal(history.modelSha256.length, 64);
    assert.ok(history.output.length > 0);
  });
});
