/**
 * The model engine end to end: a real forked model host running node-llama-cpp on the bundled
 * demo model (a real GPT-2 trained on the Brown Corpus, context 512).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { ResolvedGenerationParams } from '../../shared/schemas/engine.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const prompt = 'The old man walked slowly into the';

const params = (overrides: Partial<ResolvedGenerationParams> = {}): ResolvedGenerationParams => ({
  seed: 1234,
  temperature: 0.9,
  topK: 40,
  topP: 0.95,
  minP: 0.05,
  repeatPenalty: 1.1,
  repeatLastTokens: 64,
  maxTokens: 24,
  stop: [],
  ...overrides,
});

describe('generation through the model host', () => {
  let dir: string;
  let engine: EngineClient;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-engine-'));
    engine = new EngineClient({
      spawnHost: () => forkModelHost({ quiet: true }),
      threadTuningFile: path.join(dir, 'thread-tuning.json'),
    });
    // threads: 1 keeps the load quick; measuring threads has its own test.
    await engine.load({ path: demoModel, backend: 'cpu', threads: 1 });
  });

  after(async () => {
    await engine.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams several chunks and ends with length and timings', async () => {
    const chunks: string[] = [];
    const outcome = await engine.complete({ kind: 'text', text: prompt }, params(), {
      fitted: () => {},
      chunk: (text) => chunks.push(text),
    }).done;
    assert.equal(outcome.finishReason, 'length');
    assert.ok(chunks.length >= 3, `expected several chunks, got ${chunks.length}`);
    assert.equal(outcome.text, chunks.join(''));
    assert.equal(outcome.timings.outputTokens, 24);
    assert.ok(outcome.timings.promptTokens >= 7);
    assert.equal(outcome.timings.droppedPromptTokens, 0);
    assert.ok(outcome.timings.timeToFirstTokenMs !== null);
    assert.ok(outcome.timings.tokensPerSecond > 0);
    assert.ok(outcome.timings.promptTokensPerSecond > 0);
    assert.ok(outcome.timings.totalMs > 0);
  });

  it('gives the same text for the same seed, and another text for another seed', async () => {
    const run = async (seed: number) =>
      (
        await engine.complete({ kind: 'text', text: prompt }, params({ seed, temperature: 1 }), {
          fitted: () => {},
          chunk: () => {},
        }).done
      ).text;
    const first = await run(7);
    assert.equal(await run(7), first);
    const others = [await run(8), await run(9)];
    assert.ok(
      others.some((text) => text !== first),
      'three seeds gave the same 24 tokens',
    );
  });

  it('is greedy and repeatable at temperature 0, whatever the seed', async () => {
    const run = async (seed: number) =>
      (
        await engine.complete({ kind: 'text', text: prompt }, params({ seed, temperature: 0 }), {
          fitted: () => {},
          chunk: () => {},
        }).done
      ).text;
    assert.equal(await run(1), await run(2));
  });

  it('ends at a stop string and leaves it out of the text', async () => {
    const greedy = params({ temperature: 0, maxTokens: 40 });
    const full = (
      await engine.complete({ kind: 'text', text: prompt }, greedy, {
        fitted: () => {},
        chunk: () => {},
      }).done
    ).text;
    // A stop string taken from the middle of what the model says anyway.
    const stop = full.slice(Math.floor(full.length / 2), Math.floor(full.length / 2) + 4);
    assert.ok(stop.trim().length > 0, `no usable stop string in ${JSON.stringify(full)}`);
    const chunks: string[] = [];
    const outcome = await engine.complete(
      { kind: 'text', text: prompt },
      { ...greedy, stop: [stop] },
      { fitted: () => {}, chunk: (text) => chunks.push(text) },
    ).done;
    assert.equal(outcome.finishReason, 'stop');
    assert.equal(outcome.text, full.slice(0, full.indexOf(stop)));
    assert.ok(!outcome.text.includes(stop));
    assert.equal(chunks.join(''), outcome.text, 'no chunk carries the stop string');
  });

  it('does not stop at a stop string the output starts with, only after visible text', async () => {
    // Greedy, the demo model answers this prompt with its single "\n\n" token first.
    const paragraphEnd = 'She closed the door behind her and sat down.';
    const greedy = params({ temperature: 0, maxTokens: 40 });
    const full = (
      await engine.complete({ kind: 'text', text: paragraphEnd }, greedy, {
        fitted: () => {},
        chunk: () => {},
      }).done
    ).text;
    assert.ok(full.startsWith('\n\n'), `expected a leading blank line in ${JSON.stringify(full)}`);
    const visible = full.search(/\S/u);
    const end = full.indexOf('\n\n', visible);
    assert.ok(
      visible > 0 && end > visible,
      `no paragraph break after text in ${JSON.stringify(full)}`,
    );

    const chunks: string[] = [];
    const outcome = await engine.complete(
      { kind: 'text', text: paragraphEnd },
      { ...greedy, stop: ['\n\n'] },
      { fitted: () => {}, chunk: (text) => chunks.push(text) },
    ).done;
    assert.equal(outcome.finishReason, 'stop');
    assert.equal(outcome.text, full.slice(0, end), 'the leading whitespace is kept as generated');
    assert.ok(outcome.text.trim().length > 0);
    assert.equal(chunks.join(''), outcome.text);
    assert.ok(outcome.timings.outputTokens < 40);
  });

  it('hands out text held back for a possible stop string when generation ends', async () => {
    const greedy = params({ temperature: 0, maxTokens: 12 });
    const full = (
      await engine.complete({ kind: 'text', text: prompt }, greedy, {
        fitted: () => {},
        chunk: () => {},
      }).done
    ).text;
    // The last character could start the stop string, which never completes.
    const stop = `${full.slice(-1)}\u0000`;
    const chunks: string[] = [];
    const outcome = await engine.complete(
      { kind: 'text', text: prompt },
      { ...greedy, stop: [stop] },
      { fitted: () => {}, chunk: (text) => chunks.push(text) },
    ).done;
    assert.equal(outcome.finishReason, 'length');
    assert.equal(outcome.text, full);
    assert.equal(chunks.join(''), full);
  });

  it('cancels mid-stream with finish reason cancelled and fewer tokens', async () => {
    let chunks = 0;
    const handle = engine.complete({ kind: 'text', text: prompt }, params({ maxTokens: 400 }), {
      fitted: () => {},
      chunk: () => {
        chunks += 1;
        if (chunks === 3) handle.cancel();
      },
    });
    const outcome = await handle.done;
    assert.equal(outcome.finishReason, 'cancelled');
    assert.ok(outcome.timings.outputTokens < 400);
    assert.ok(outcome.text.length > 0, 'the text generated before cancel is kept');
  });

  it('trims a prompt longer than the context from the left and still completes', async () => {
    const longPrompt = 'It was a dark and stormy night, and the rain fell in torrents. '.repeat(80);
    const count = await engine.countTokens(longPrompt);
    assert.ok(count.tokens > count.contextSize, 'the prompt must be longer than the context');
    const outcome = await engine.complete(
      { kind: 'text', text: longPrompt },
      params({ maxTokens: 16 }),
      { fitted: () => {}, chunk: () => {} },
    ).done;
    assert.equal(outcome.finishReason, 'length');
    assert.ok(outcome.timings.droppedPromptTokens > 0);
    assert.ok(outcome.timings.promptTokens + 16 <= count.contextSize);
    assert.equal(outcome.timings.outputTokens, 16);
  });

  it("refuses a corrupt model file with the validator's message and stays usable", async () => {
    const corrupt = path.join(dir, 'corrupt.gguf');
    await writeFile(corrupt, Buffer.from('GGUF\u0003\u0000\u0000\u0000 this is not a model'));
    const pid = engine.hostPid;
    await assert.rejects(engine.load({ path: corrupt, backend: 'cpu', threads: 1 }), (error) => {
      assert.equal((error as { code?: string }).code, 'invalid_request');
      assert.match((error as Error).message, /This model file cannot be used/);
      return true;
    });
    assert.equal(engine.hostPid, pid, 'the host survived the bad file');
    assert.equal(engine.status.state, 'idle');
    await engine.load({ path: demoModel, backend: 'cpu', threads: 1 });
    const outcome = await engine.complete(
      { kind: 'text', text: prompt },
      params({ maxTokens: 4 }),
      { fitted: () => {}, chunk: () => {} },
    ).done;
    assert.equal(outcome.finishReason, 'length');
  });
});
