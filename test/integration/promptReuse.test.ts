/**
 * The evaluated prefix, kept between completions in a real model host on the bundled demo model:
 * reuse happens (an alternative reads only its last token again, a sentence added at the end only
 * the chunks it touches), and it is exact: a warm completion gives the same sampled text as a
 * cold one in a fresh host, at another thread count, and after a cancel in the middle of a
 * prompt. A long document continued at its end keeps its window, so it is read in full rarely.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { PROMPT_CHUNK_TOKENS } from '../../electron/engine/host/promptCache.js';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { makeTinyGpt2Gguf } from '../fixtures/tinyGpt2.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import type { CompletionOutcome } from '../../electron/engine/engine.js';
import type { ResolvedGenerationParams } from '../../shared/schemas/engine.js';
import type { EnginePrompt } from '../../shared/schemas/generations.js';
import type { TokenStep } from '../../shared/schemas/tokenSteps.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const story =
  'The harbour was quiet in the early morning. The fishermen mended their nets on the stones, ' +
  'and the gulls argued over what the night boats had left behind. Old Tomas sat apart from ' +
  'the others, watching the grey line where the sea met the sky. ';

/** Sampled, not greedy, over the whole vocabulary: any difference in the numbers shows. */
const sampled = (seed: number, maxTokens = 32): ResolvedGenerationParams => ({
  seed,
  temperature: 1,
  topK: 0,
  topP: 1,
  minP: 0,
  repeatPenalty: 1,
  repeatLastTokens: 0,
  maxTokens,
  stop: [],
});

/** Top-k sampling, so that each step reports its ten most likely tokens with their numbers. */
const withTopK = (seed: number): ResolvedGenerationParams => ({
  ...sampled(seed, 24),
  temperature: 0.9,
  topK: 40,
});

const text = (value: string): EnginePrompt => ({ kind: 'text', text: value });
const parts = (textBeforeCursor: string): EnginePrompt => ({
  kind: 'parts',
  memory: '',
  authorsNote: '',
  noteDepthLines: 3,
  textBeforeCursor,
});

function hostWith(dir: string, name: string): EngineClient {
  return new EngineClient({
    spawnHost: () => forkModelHost({ quiet: true }),
    threadTuningFile: path.join(dir, `${name}-threads.json`),
  });
}

function complete(
  engine: EngineClient,
  prompt: EnginePrompt,
  params: ResolvedGenerationParams,
): Promise<CompletionOutcome> {
  return engine.complete(prompt, params, { fitted: () => {}, chunk: () => {} }).done;
}

/** Tokens of the prompt that the host read (not kept from before). */
const evaluated = (outcome: CompletionOutcome): number =>
  outcome.timings.promptTokens - (outcome.timings.reusedPromptTokens ?? 0);

describe('the evaluated prefix kept between completions', () => {
  let dir: string;
  let warm: EngineClient;
  let cold: EngineClient;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-reuse-'));
    warm = hostWith(dir, 'warm');
    cold = hostWith(dir, 'cold');
    await warm.load({ path: demoModel, backend: 'cpu', threads: 2 });
    await cold.load({ path: demoModel, backend: 'cpu', threads: 2 });
  });

  after(async () => {
    await warm.dispose();
    await cold.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  /** The same completion in the cold host, read from nothing (its cache cleared by a reload). */
  async function coldly(prompt: EnginePrompt, params: ResolvedGenerationParams) {
    await cold.load({ path: demoModel, backend: 'cpu', threads: 2 });
    return complete(cold, prompt, params);
  }

  it('reads an alternative again only from its last token, which is always read on its own', async () => {
    const prompt = text(story.repeat(4));
    const first = await complete(warm, prompt, sampled(1));
    const again = await complete(warm, prompt, sampled(2));
    assert.ok(first.timings.promptTokens > PROMPT_CHUNK_TOKENS * 2);
    assert.equal(evaluated(again), 1, `${evaluated(again)} tokens read again`);
    assert.equal(again.timings.reusedPromptTokens, again.timings.promptTokens - evaluated(again));
  });

  it('reads only the chunks a sentence added at the end touches', async () => {
    const before = story.repeat(2);
    await complete(warm, text(before), sampled(3));
    const added = ' The first boat came round the point.';
    const longer = await complete(warm, text(before + added), sampled(3));
    assert.ok(evaluated(longer) <= PROMPT_CHUNK_TOKENS + 12, `${evaluated(longer)} tokens read`);
  });

  it('gives the same text warm as cold in a fresh host, for many texts, extensions and seeds', async () => {
    const extensions = [
      ' He stood up.',
      ' A bell rang somewhere in the town, and the dogs began to bark.',
      '\n\nThat evening',
      ' "Not today," he said.',
    ];
    for (const [index, extension] of extensions.entries()) {
      const base = story.repeat(2 + (index % 2));
      // Warm: the base first, then the base with its extension, reusing what matches.
      await complete(warm, text(base), sampled(index));
      for (const seed of [11, 12]) {
        const warmly = await complete(warm, text(base + extension), sampled(seed));
        assert.ok((warmly.timings.reusedPromptTokens ?? 0) > 0, 'the prefix was reused');
        const fresh = await coldly(text(base + extension), sampled(seed));
        assert.equal(fresh.timings.reusedPromptTokens, 0);
        assert.equal(warmly.text, fresh.text, `extension ${index}, seed ${seed}`);
      }
    }
  });

  it('gives bit-identical probabilities warm and cold at every step, for several extensions', async () => {
    // What the model weighed (each step's top alternatives after top-k, as floats) is a function
    // of the logits: equal to the last bit means the logits were.
    const weighed = async (engine: EngineClient, prompt: EnginePrompt, seed: number) => {
      const steps: TokenStep[] = [];
      const outcome = await engine.complete(prompt, withTopK(seed), {
        fitted: () => {},
        chunk: () => {},
        steps: (more) => steps.push(...more),
      }).done;
      return { outcome, steps };
    };
    const base = story.repeat(2);
    for (const [index, extension] of [
      ' He stood up.',
      '\n\nThat evening',
      ' "Not today."',
    ].entries()) {
      await complete(warm, text(base), sampled(index));
      const warmly = await weighed(warm, text(base + extension), 50 + index);
      assert.ok((warmly.outcome.timings.reusedPromptTokens ?? 0) > 0, 'the prefix was reused');
      await cold.load({ path: demoModel, backend: 'cpu', threads: 2 });
      const coldly = await weighed(cold, text(base + extension), 50 + index);
      assert.equal(coldly.outcome.timings.reusedPromptTokens, 0);
      assert.ok(warmly.steps.length > 10);
      assert.deepStrictEqual(
        warmly.steps.map((step) => step.alternatives.map((a) => a.p)),
        coldly.steps.map((step) => step.alternatives.map((a) => a.p)),
        `extension ${index}`,
      );
    }
  });

  it('gives the same text at another thread count', async () => {
    const prompt = text(story.repeat(2) + ' He stood up.');
    await cold.load({ path: demoModel, backend: 'cpu', threads: 1 });
    const oneThread = await complete(cold, prompt, sampled(21));
    const twoThreads = await coldly(prompt, sampled(21));
    assert.equal(oneThread.text, twoThreads.text);
  });

  it('leaves a cache the next request can use after a cancel in the middle of its prompt', async () => {
    const long = text(story.repeat(4));
    const cancelled = warm.complete(long, sampled(31), {
      // Cancelled once the prompt is fitted, before the first token: in the middle of reading it.
      fitted: () => cancelled.cancel(),
      chunk: () => {},
    });
    assert.equal((await cancelled.done).finishReason, 'cancelled');
    const after = await complete(warm, long, sampled(32));
    const fresh = await coldly(long, sampled(32));
    assert.equal(after.text, fresh.text);
  });

  it('keeps the window of a long document, so five continues at its end read it in full at most twice', async () => {
    // About three times the demo model's context of 512 tokens.
    let document = story.repeat(28);
    let fullReads = 0;
    for (let step = 0; step < 5; step += 1) {
      const outcome = await complete(warm, parts(document), sampled(40 + step, 40));
      if ((outcome.timings.reusedPromptTokens ?? 0) === 0) fullReads += 1;
      // The writer keeps the continuation and continues again at its end.
      document += outcome.text;
    }
    assert.ok(fullReads <= 2, `${fullReads} of 5 continues read the whole prompt`);
  });
});

describe('exact reuse on a GPT-2-124M-shaped model (f16, random weights)', () => {
  // The demo model is small; the matrix kernels llama.cpp picks depend on the shapes, so the
  // exactness is checked again at the size writers use. Short prompts and outputs keep it quick.
  let dir: string;
  let model: string;
  let warm: EngineClient;
  let cold: EngineClient;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-reuse-124m-'));
    model = await makeTinyGpt2Gguf(path.join(dir, 'model'), {
      nLayer: 12,
      nEmbd: 768,
      nHead: 12,
      nPositions: 1024,
      seed: 124,
      type: 'f16',
    });
    warm = hostWith(dir, 'warm');
    cold = hostWith(dir, 'cold');
    await warm.load({ path: model, backend: 'cpu', threads: 2 });
  });

  after(async () => {
    await warm.dispose();
    await cold.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same text warm as cold, for an extension, an alternative and another thread count', async () => {
    const base = story.repeat(3);
    const extended = base + ' A bell rang somewhere in the town, and the dogs began to bark.';
    await complete(warm, text(base), sampled(1, 16));
    const warmly = await complete(warm, text(extended), sampled(2, 16));
    const alternative = await complete(warm, text(extended), sampled(3, 16));
    assert.ok((warmly.timings.reusedPromptTokens ?? 0) >= PROMPT_CHUNK_TOKENS);
    assert.equal(evaluated(alternative), 1);
    for (const threads of [2, 1]) {
      await cold.load({ path: model, backend: 'cpu', threads });
      const fresh = await complete(cold, text(extended), sampled(2, 16));
      assert.equal(fresh.timings.reusedPromptTokens, 0);
      assert.equal(warmly.text, fresh.text, `extension, ${threads} threads cold`);
      const freshAlternative = await complete(cold, text(extended), sampled(3, 16));
      assert.equal(alternative.text, freshAlternative.text, `alternative, ${threads} threads`);
    }
  });
});
