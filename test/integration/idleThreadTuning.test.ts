/**
 * Thread tuning never holds the writer's first continue: a model loads with starting counts,
 * the host measures the best ones once it is idle (in a context of its own, so the prompt the
 * writer's sequence keeps stays), switches to them and remembers them, and the text a seed
 * gives is the same before and after the switch. A request that needs the model interrupts
 * the measuring.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { IdleThreadTuning } from '../../electron/engine/host/idleThreadTuning.js';
import { startingThreads } from '../../electron/engine/host/threadTuning.js';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { ResolvedGenerationParams } from '../../shared/schemas/engine.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const story =
  'The harbour was quiet in the early morning. The fishermen mended their nets on the stones, ' +
  'and the gulls argued over what the night boats had left behind. ';

/** Sampled over the whole vocabulary: any difference in the numbers shows in the text. */
const sampled: ResolvedGenerationParams = {
  seed: 11,
  temperature: 1,
  topK: 0,
  topP: 1,
  minP: 0,
  repeatPenalty: 1,
  repeatLastTokens: 0,
  maxTokens: 32,
  stop: [],
};

function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (condition()) resolve();
      else setImmediate(check);
    };
    check();
  });
}

describe('starting thread counts', () => {
  it('use up to four threads for the prompt and half the cores for generating', () => {
    assert.deepEqual(startingThreads(1), { prompt: 1, generation: 1 });
    assert.deepEqual(startingThreads(2), { prompt: 2, generation: 1 });
    assert.deepEqual(startingThreads(8), { prompt: 4, generation: 4 });
    assert.deepEqual(startingThreads(32), { prompt: 4, generation: 4 });
  });
});

describe('when the host measures threads', () => {
  it('starts once the host has been idle, and a request for the model interrupts it', async () => {
    const signals: AbortSignal[] = [];
    let finished = 0;
    const tuning = new IdleThreadTuning(async (signal) => {
      signals.push(signal);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      finished += 1;
    }, 20);
    try {
      tuning.idle();
      tuning.busy();
      tuning.idle();
      await waitFor(() => signals.length === 1);
      // Already measuring: idle again changes nothing.
      tuning.idle();
      assert.equal(signals[0]?.aborted, false);
      tuning.busy();
      assert.equal(signals[0]?.aborted, true);
      await waitFor(() => finished === 1);
      // Interrupted, it is tried again after the next quiet spell.
      tuning.idle();
      await waitFor(() => signals.length === 2);
      assert.equal(signals.length, 2);
    } finally {
      tuning.dispose();
    }
  });
});

describe('a model loaded without a thread count', () => {
  let dir: string;
  let engine: EngineClient;
  let tuningFile: string;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-idle-tuning-'));
    tuningFile = path.join(dir, 'threads.json');
    engine = new EngineClient({
      spawnHost: () => forkModelHost({ quiet: true }),
      threadTuningFile: tuningFile,
    });
  });

  after(async () => {
    await engine.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('is ready with starting counts, switches to measured ones when idle, and writes the same text', async () => {
    const info = await engine.load({ path: demoModel, backend: 'cpu' });
    assert.deepEqual(info.threads, { ...startingThreads(), source: 'default' });
    const complete = () =>
      engine.complete({ kind: 'text', text: story.repeat(4) }, sampled, {
        fitted: () => {},
        chunk: () => {},
      }).done;
    const before = await complete();
    assert.equal(before.finishReason, 'length');

    let status = await engine.measureMemory();
    while (status.model?.threads.source !== 'tuned') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await engine.measureMemory();
    }
    const file = JSON.parse(await readFile(tuningFile, 'utf8')) as {
      entries: Record<string, { prompt: number; generation: number; measurements: unknown[] }>;
    };
    const [record] = Object.values(file.entries);
    assert.equal(status.model.threads.prompt, record?.prompt);
    assert.equal(status.model.threads.generation, record?.generation);
    assert.ok((record?.measurements.length ?? 0) >= 1);

    // Measured in a context of its own: the prompt kept from before is still reused, and the
    // new counts give the same text.
    const afterTuning = await complete();
    assert.ok(
      (afterTuning.timings.reusedPromptTokens ?? 0) >= 64,
      `${afterTuning.timings.reusedPromptTokens} prompt tokens reused`,
    );
    assert.equal(afterTuning.text, before.text);

    // The next load of the same model on this machine recalls the counts at once.
    const again = await engine.load({ path: demoModel, backend: 'cpu' });
    assert.equal(again.threads.source, 'remembered');
  });
});
