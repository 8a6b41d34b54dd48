/**
 * What the model weighed at each token, from a real model host on the bundled demo model: each
 * token's probability and top alternatives come with the chunks, spell the text exactly (a stop
 * string cuts them too), are a distribution (they sum to at most 1), hold the sampled token, and
 * asking for them never changes the text a seed gives.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { CompletionOutcome } from '../../electron/engine/engine.js';
import type { ResolvedGenerationParams } from '../../shared/schemas/engine.js';
import type { EnginePrompt } from '../../shared/schemas/generations.js';
import { TOP_ALTERNATIVES, type TokenStep } from '../../shared/schemas/tokenSteps.js';
import { decodeTokenSteps, encodeTokenSteps } from '../../electron/store/tokenStepsCodec.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const story: EnginePrompt = {
  kind: 'text',
  text:
    'The harbour was quiet in the early morning. The fishermen mended their nets on the ' +
    'stones, and the gulls argued over what the night boats had left behind.',
};

/** The Balanced preset's sampler: top-k, top-p, min-p and a repetition penalty all at work. */
const balanced = (seed: number, maxTokens = 48): ResolvedGenerationParams => ({
  seed,
  temperature: 0.8,
  topK: 40,
  topP: 0.95,
  minP: 0.05,
  repeatPenalty: 1.1,
  repeatLastTokens: 64,
  maxTokens,
  stop: [],
});

interface Run {
  outcome: CompletionOutcome;
  chunks: string[];
  steps: TokenStep[];
}

async function run(
  engine: EngineClient,
  params: ResolvedGenerationParams,
  withSteps: boolean,
  prompt: EnginePrompt = story,
): Promise<Run> {
  const chunks: string[] = [];
  const steps: TokenStep[] = [];
  const completion = engine.complete(prompt, params, {
    fitted: () => {},
    chunk: (text) => chunks.push(text),
    ...(withSteps ? { steps: (more: TokenStep[]) => steps.push(...more) } : {}),
  });
  return { outcome: await completion.done, chunks, steps };
}

const spelled = (steps: readonly TokenStep[]): string => steps.map((step) => step.text).join('');

describe('token probabilities from the model host', () => {
  let dir: string;
  let engine: EngineClient;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-probabilities-'));
    engine = new EngineClient({
      spawnHost: () => forkModelHost({ quiet: true }),
      threadTuningFile: path.join(dir, 'threads.json'),
    });
    await engine.load({ path: demoModel, backend: 'cpu', threads: 2 });
  });

  after(async () => {
    await engine.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives every token its probability and top alternatives, spelling the text', async () => {
    const { outcome, steps } = await run(engine, balanced(11), true);
    assert.ok(outcome.text.length > 0);
    assert.equal(steps.length, outcome.timings.outputTokens, 'one step per generated token');
    assert.equal(spelled(steps), outcome.text);
    for (const [index, step] of steps.entries()) {
      assert.ok(step.alternatives.length >= 1 && step.alternatives.length <= TOP_ALTERNATIVES + 1);
      const sum = step.alternatives.reduce((total, alternative) => total + alternative.p, 0);
      assert.ok(sum <= 1 + 1e-5, `step ${index}: the alternatives sum to ${sum}, more than 1`);
      assert.ok(step.p > 0 && step.p <= 1, `step ${index}: the chosen token has p ${step.p}`);
      const ranked = step.alternatives.map((alternative) => alternative.p);
      const topRanked = ranked.slice(0, TOP_ALTERNATIVES);
      assert.deepEqual(
        topRanked,
        [...topRanked].sort((a, b) => b - a),
        'most likely first',
      );
      if (step.text !== '') {
        assert.ok(
          step.alternatives.some((alt) => alt.text === step.text && alt.p === step.p),
          `step ${index}: the sampled token ${JSON.stringify(step.text)} is among its alternatives`,
        );
      }
    }
    assert.ok(
      steps.some((step) => step.p < step.alternatives[0]!.p),
      'at temperature 0.8 some token is not the most likely one',
    );
  });

  it('never changes the text a seed gives', async () => {
    for (const seed of [3, 42]) {
      const withSteps = await run(engine, balanced(seed), true);
      const without = await run(engine, balanced(seed), false);
      assert.equal(withSteps.outcome.text, without.outcome.text, `seed ${seed}`);
      assert.deepEqual(withSteps.chunks.join(''), without.chunks.join(''));
      assert.equal(withSteps.outcome.finishReason, without.outcome.finishReason);
    }
    const greedy = { ...balanced(1), temperature: 0 };
    const greedyWith = await run(engine, greedy, true);
    const greedyWithout = await run(engine, greedy, false);
    assert.equal(greedyWith.outcome.text, greedyWithout.outcome.text, 'greedy');
    assert.ok(
      greedyWith.steps.every((step) => step.p === step.alternatives[0]!.p),
      'greedy always takes the most likely token',
    );
  });

  it('cuts the steps where a stop string cuts the text', async () => {
    let seed = 7;
    let free = await run(engine, balanced(seed, 40), true);
    while (free.outcome.text.trim().length < 20) {
      seed += 1;
      free = await run(engine, balanced(seed, 40), true);
    }
    // A stop string from the middle of what this seed writes: the text ends before it.
    const middle = Math.floor(free.outcome.text.length / 2);
    const stop = free.outcome.text.slice(middle, middle + 3);
    const stopped = await run(engine, { ...balanced(seed, 40), stop: [stop] }, true);
    assert.equal(stopped.outcome.finishReason, 'stop');
    assert.ok(stopped.outcome.text.length < free.outcome.text.length);
    assert.equal(spelled(stopped.steps), stopped.outcome.text);
  });

  it('gives the same text and whole characters after a prompt of byte-level tokens', async () => {
    // Chinese and an emoji are byte-level tokens for GPT-2; over the whole vocabulary at a high
    // temperature the text (and its steps) must still match the plain completion.
    const chinese: EnginePrompt = {
      kind: 'text',
      text: '港口清晨很安静。渔民在石头上补网，海鸥 🐟 争吵。',
    };
    const wild = (seed: number): ResolvedGenerationParams => ({
      ...balanced(seed, 48),
      temperature: 1.5,
      topK: 0,
      topP: 1,
      minP: 0,
    });
    for (const seed of [1, 2, 3]) {
      const withSteps = await run(engine, wild(seed), true, chinese);
      const without = await run(engine, wild(seed), false, chinese);
      assert.equal(withSteps.outcome.text, without.outcome.text, `seed ${seed}`);
      assert.equal(spelled(withSteps.steps), withSteps.outcome.text);
      assert.ok(!withSteps.outcome.text.includes('\uFFFD'), 'no half characters in the text');
    }
  });

  it('stores a real 400-token generation compactly, about 35 bytes a token', async () => {
    const long = { ...balanced(5, 400), repeatPenalty: 1.3 };
    let { outcome, steps } = await run(engine, long, true);
    for (let seed = 6; outcome.timings.outputTokens < 400 && seed < 30; seed += 1) {
      ({ outcome, steps } = await run(engine, { ...long, seed }, true));
    }
    assert.equal(steps.length, 400, 'a seed that writes all 400 tokens');
    const blob = encodeTokenSteps(steps);
    console.log(
      `a real 400-token generation, ${TOP_ALTERNATIVES} alternatives a token: ${blob.length} ` +
        `bytes stored (${(blob.length / 400).toFixed(1)} a token; as JSON ` +
        `${Buffer.byteLength(JSON.stringify(steps))} bytes)`,
    );
    assert.ok(blob.length < 24 * 1024, `${blob.length} bytes`);
    assert.equal(spelled(decodeTokenSteps(blob)), outcome.text);
  });
});
