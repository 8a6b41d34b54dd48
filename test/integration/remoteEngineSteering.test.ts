/**
 * A remote server gets the same instruments and steering as the local engine, against a real
 * llama.cpp server (test/fixtures/llamaServer.ts) with the bundled demo model: through the app,
 * a remote continue's token probabilities stream as steps, are stored and read back, and a
 * branch from token k writes what a continue of the text cut there plus the chosen token writes,
 * on the same server and on a fresh one; on the engine, a banned word, or a banned phrase of
 * several tokens, that the model writes without the ban never appears with it, a positive bias
 * makes a word come more often, and the repetition penalties reach the server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RemoteEngine } from '../../electron/engine/remote/remoteEngine.js';
import type { ResponseOf } from '../../shared/contract.js';
import {
  generationParams,
  type GenerationParamsInput,
  type ResolvedGenerationParams,
} from '../../shared/schemas/engine.js';
import { startLlamaServer, type RunningLlamaServer } from '../fixtures/llamaServer.js';
import { Studio, demoModel, spelled } from '../fixtures/studio.js';

const story = 'The old man walked slowly into the village. He';

describe('token probabilities and branches with a remote server, through the app', () => {
  let server: RunningLlamaServer;
  let studio: Studio;

  before(async () => {
    server = await startLlamaServer(demoModel);
    studio = new Studio();
    await studio.useServer(server.baseUrl);
    await studio.open({ seed: 4242, maxTokens: 32 });
  });
  after(async () => {
    studio?.close();
    await server?.stop();
  });

  it('streams a remote continue’s steps with its chunks and stores them', async () => {
    const end = await studio.continue(story);
    assert.equal(end.finishReason, 'length', JSON.stringify(end.error));
    const streamed = studio.steps.get(end.generationId) ?? [];
    assert.equal(studio.texts.get(end.generationId), end.text);
    assert.equal(spelled(streamed), end.text, 'the streamed steps spell the text');
    assert.equal(streamed.length, end.timings.outputTokens);
    for (const step of streamed) {
      const sum = step.alternatives.reduce((total, alt) => total + alt.p, 0);
      assert.ok(sum <= 1 + 1e-4, `alternatives sum to at most 1 (${sum})`);
      assert.ok(
        step.alternatives.some((alt) => alt.text === step.text && alt.p === step.p),
        `the chosen token is among the alternatives: ${JSON.stringify(step)}`,
      );
    }
    const stored = await studio.call<ResponseOf<'probabilities.steps'>>('probabilities.steps', {
      generationId: end.generationId,
    });
    assert.equal(stored.branch, null);
    assert.equal(spelled(stored.steps ?? []), end.text);
    // Stored compactly: the same tokens and alternatives, the probabilities to within 1e-4.
    assert.deepEqual(
      stored.steps?.map((step) => step.alternatives.map((alt) => alt.text)),
      streamed.map((step) => step.alternatives.map((alt) => alt.text)),
    );
    stored.steps?.forEach((step, index) => {
      assert.ok(Math.abs(step.p - (streamed[index]?.p ?? -1)) < 1e-4);
    });
  });

  it('branches from token k as a continue of the text cut there plus the chosen token', async () => {
    const parent = await studio.continue(story);
    const { branch, tokenIndex: k, prefix } = await studio.branchAtAlternative(story, parent);
    assert.equal(branch.finishReason, 'length', JSON.stringify(branch.error));
    const recorded = await studio.call<ResponseOf<'probabilities.steps'>>('probabilities.steps', {
      generationId: branch.generationId,
    });
    assert.deepEqual(recorded.branch, { parentId: parent.generationId, tokenIndex: k, prefix });
    assert.equal(spelled(recorded.steps ?? []), branch.text);

    // The same server, its prompt cache holding the branch's prompt: the same text.
    const again = await studio.continue(story + prefix);
    assert.equal(again.text, branch.text);
    // A fresh server, nothing cached: the same text (one slot, one thread: llama.cpp is
    // deterministic for a seed; the prompt cache does not change what it computes).
    const freshServer = await startLlamaServer(demoModel);
    const cold = new Studio();
    try {
      await cold.useServer(freshServer.baseUrl);
      await cold.open({ seed: 4242, maxTokens: 32 });
      const fresh = await cold.continue(story + prefix);
      assert.equal(fresh.text, branch.text, 'the same text as a fresh server writes there');
    } finally {
      cold.close();
      await freshServer.stop();
    }
  });
});

describe('banned words, word biases and repetition penalties on a remote server', () => {
  let server: RunningLlamaServer;
  let engine: RemoteEngine;
  /** Seeds each comparison runs over: 16 continues of 40 tokens take about a second. */
  const SEEDS = 16;

  before(async () => {
    server = await startLlamaServer(demoModel);
    engine = new RemoteEngine({
      settings: { baseUrl: server.baseUrl, apiKey: null, model: '', contextSize: null },
    });
  });
  after(async () => {
    await server?.stop();
  });

  async function write(seed: number, params: GenerationParamsInput): Promise<string> {
    const resolved: ResolvedGenerationParams = {
      ...generationParams.parse({ maxTokens: 40, ...params }),
      seed,
    };
    let streamed = '';
    const outcome = await engine.complete({ kind: 'text', text: story }, resolved, {
      fitted: () => undefined,
      chunk: (text) => (streamed += text),
    }).done;
    assert.notEqual(outcome.finishReason, 'error', JSON.stringify(outcome.error));
    assert.equal(streamed, outcome.text, 'what streamed is the text');
    return outcome.text;
  }

  /** In how many of the seeded continues the pattern appears. */
  async function appearances(pattern: RegExp, params: GenerationParamsInput = {}) {
    let count = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      if (pattern.test(await write(seed, params))) count += 1;
    }
    return count;
  }

  it('never writes a banned word (one token) that it writes without the ban', async () => {
    const word = /\bman\b/i;
    assert.ok((await appearances(word)) >= SEEDS / 2, '"man" comes often without the ban');
    assert.equal(await appearances(word, { bannedWords: ['man'] }), 0);
  });

  it('never writes a banned phrase of several tokens, and still writes on', async () => {
    const phrase = /\bwas a\b/i;
    assert.ok((await appearances(phrase)) >= SEEDS / 4, '"was a" comes without the ban');
    let total = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const text = await write(seed, { bannedWords: ['was a'] });
      assert.doesNotMatch(text, /was a/i);
      total += text.length;
    }
    // Cut back and asked again, the continues go on to their length rather than stopping.
    assert.ok(total / SEEDS > 80, `continues still ${Math.round(total / SEEDS)} characters long`);
  });

  it('writes a word more often with a positive bias, and never with -10', async () => {
    const word = /\blittle\b/i;
    const plain = await appearances(word);
    const raised = await appearances(word, { wordBiases: [{ word: 'little', bias: 5 }] });
    assert.ok(raised > plain, `"little" in ${raised} continues with +5, ${plain} without`);
    assert.equal(await appearances(word, { wordBiases: [{ word: 'little', bias: -10 }] }), 0);
  });

  it('sends the repetition penalties: greedy text that loops repeats less with them', async () => {
    const distinctWords = async (params: GenerationParamsInput) => {
      const text = await write(1, { temperature: 0, repeatPenalty: 1, maxTokens: 60, ...params });
      return new Set(text.toLowerCase().match(/[a-z]+/g) ?? []).size;
    };
    const looping = await distinctWords({});
    assert.ok((await distinctWords({ presencePenalty: 1 })) > looping);
    assert.ok((await distinctWords({ frequencyPenalty: 1 })) > looping);
    assert.ok((await distinctWords({ repeatPenalty: 2 })) > looping);
    assert.ok((await distinctWords({ dryStrength: 0.8 })) > looping);
  });
});
