/**
 * What the model weighed at each token, from a real model host on the bundled demo model: each
 * token's probability and top alternatives come with the chunks, spell the text exactly (a stop
 * string cuts them too), are a distribution (they sum to at most 1), hold the sampled token, and
 * asking for them never changes the text a seed gives. Greedy (temperature 0) lists the top
 * alternatives too and says which distribution they are from, and still writes exactly the
 * plain completion's text, with every repetition control and word bias, on the demo model and
 * on a tiny model with random weights.
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
import { makeTinyGpt2Gguf } from '../fixtures/tinyGpt2.js';
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

/**
 * Greedy steps: the chosen token is the most likely one listed, TOP_ALTERNATIVES of the model's
 * most likely tokens are listed (the vocabulary is GPT-2's), most likely first, summing to at
 * most 1, and each step says it shows the greedy distribution.
 */
function assertGreedySteps(label: string, run: Run): void {
  const { outcome, steps } = run;
  assert.equal(steps.length, outcome.timings.outputTokens, `${label}: one step per token`);
  assert.equal(spelled(steps), outcome.text, `${label}: the steps spell the text`);
  for (const [index, step] of steps.entries()) {
    const at = `${label}, step ${index}`;
    assert.equal(step.distribution, 'greedy', `${at}: says it shows the greedy distribution`);
    assert.ok(step.alternatives.length >= TOP_ALTERNATIVES, `${at}: lists the alternatives`);
    const ranked = step.alternatives.map((alternative) => alternative.p);
    assert.deepEqual(
      ranked,
      [...ranked].sort((a, b) => b - a),
      `${at}: most likely first`,
    );
    assert.equal(step.p, ranked[0], `${at}: greedy takes the most likely token`);
    const sum = ranked.reduce((total, p) => total + p, 0);
    assert.ok(sum <= 1 + 1e-5 && step.p > 0, `${at}: a distribution (sum ${sum})`);
    // A token that completes held ones (their steps have no text) carries the group's text.
    const ownText = step.text !== '' && (index === 0 || steps[index - 1]?.text !== '');
    if (ownText) {
      assert.ok(
        step.alternatives.some((alt) => alt.text === step.text && alt.p === step.p),
        `${at}: the chosen token ${JSON.stringify(step.text)} is listed`,
      );
    }
  }
}

/** The words greedy writes most often here (three letters or more), most often first. */
function frequentWords(text: string): string[] {
  const counts = new Map<string, number>();
  for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) {
    counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

const greedyModels: {
  name: string;
  file: (dir: string) => Promise<string>;
  prompt: EnginePrompt;
}[] = [
  { name: 'the demo model', file: async () => demoModel, prompt: story },
  {
    name: 'a tiny model with random weights',
    file: (dir) =>
      makeTinyGpt2Gguf(dir, { nLayer: 2, nEmbd: 64, nHead: 2, nPositions: 256, seed: 3 }),
    prompt: { kind: 'text', text: 'The harbour was quiet in the early morning.' },
  },
];

for (const { name, file, prompt } of greedyModels) {
  describe(`greedy with probabilities, on ${name}`, () => {
    let dir: string;
    let engine: EngineClient;
    const greedy = (
      overrides: Partial<ResolvedGenerationParams> = {},
    ): ResolvedGenerationParams => ({
      ...balanced(1, 96),
      temperature: 0,
      ...overrides,
    });
    /** The same params with probabilities on and off: the same text, and greedy steps. */
    const sameText = async (label: string, params: ResolvedGenerationParams): Promise<Run> => {
      const withSteps = await run(engine, params, true, prompt);
      const without = await run(engine, params, false, prompt);
      assert.equal(withSteps.outcome.text, without.outcome.text, `${label}: the same text`);
      assert.equal(withSteps.outcome.finishReason, without.outcome.finishReason, label);
      assertGreedySteps(label, withSteps);
      return withSteps;
    };

    before(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-greedy-probabilities-'));
      engine = new EngineClient({
        spawnHost: () => forkModelHost({ quiet: true }),
        threadTuningFile: path.join(dir, 'threads.json'),
      });
      await engine.load({ path: await file(dir), backend: 'cpu', threads: 2 });
    });

    after(async () => {
      await engine.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    it("lists the top alternatives and writes the plain completion's text, penalty off and on", async () => {
      const plain = await sameText('no repetition penalty', greedy({ repeatPenalty: 1 }));
      assert.ok(plain.outcome.timings.outputTokens > 20, 'a real run of tokens');
      const penalised = await sameText('repeat penalty 1.3', greedy({ repeatPenalty: 1.3 }));
      assert.notEqual(penalised.outcome.text, plain.outcome.text, 'the penalty was at work');
      // A window shorter than the output: the sampler's window slides while greedy feeds it.
      await sameText(
        'repeat penalty over 8 tokens',
        greedy({ repeatPenalty: 1.5, repeatLastTokens: 8 }),
      );
    });

    it("writes the plain completion's text with frequency and presence penalties", async () => {
      const plain = await run(engine, greedy({ repeatPenalty: 1 }), false, prompt);
      const penalised = await sameText(
        'frequency and presence penalties',
        greedy({
          repeatPenalty: 1,
          frequencyPenalty: 0.6,
          presencePenalty: 0.4,
          penalizeNewLine: false,
        }),
      );
      assert.notEqual(penalised.outcome.text, plain.outcome.text, 'the penalties were at work');
    });

    it("writes the plain completion's text with banned words and word biases", async () => {
      const plain = await run(engine, greedy(), false, prompt);
      const [often, next] = frequentWords(plain.outcome.text);
      assert.ok(often !== undefined && next !== undefined, 'greedy writes words to bias');
      const banned = await sameText(`"${often}" banned`, greedy({ bannedWords: [often] }));
      assert.notEqual(banned.outcome.text, plain.outcome.text, 'the ban was at work');
      assert.ok(
        !new RegExp(`\\b${often}\\b`, 'i').test(banned.outcome.text),
        `"${often}" is never written`,
      );
      const biased = await sameText(
        `"${next}" pushed down, "and" pulled up`,
        greedy({
          wordBiases: [
            { word: next, bias: -4 },
            { word: 'and', bias: 3 },
          ],
        }),
      );
      assert.notEqual(biased.outcome.text, plain.outcome.text, 'the biases were at work');
    });
  });
}
