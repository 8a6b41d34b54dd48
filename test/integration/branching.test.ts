/**
 * Probabilities and branches through the router, as the renderer uses them, with the real
 * engine on the bundled demo model: the steps stream with the chunks and are stored with the
 * generation; a sentence end cuts them with the text; a branch from token k records its parent
 * and point, and writes exactly what a cold continue (a fresh engine) of the text cut at k plus
 * the chosen token writes with the same seed (greedy too: its steps are stored as greedy's, with
 * their alternatives). Several alternatives asked for at once are
 * written one after another as siblings at one spot, each reading at most the prompt's last
 * chunk again.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ResponseOf } from '../../shared/contract.js';
import { TOP_ALTERNATIVES } from '../../shared/schemas/tokenSteps.js';
import { Studio, spelled } from '../fixtures/studio.js';

const story = 'The old man walked slowly into the village. He looked at the houses and';

/** Long enough (over two 64-token chunks) that reading it again would show. */
const longStory = `${story} ${'The wind came up from the sea and the shutters rattled. '.repeat(12)}`;

describe('probabilities and branches through the router', () => {
  let studio: Studio;

  before(async () => {
    studio = new Studio();
    await studio.open({ seed: 4242, maxTokens: 40 });
  });

  after(() => studio.close());

  it('streams the steps with the chunks and stores them with the generation', async () => {
    const end = await studio.continue(story);
    const streamed = studio.steps.get(end.generationId) ?? [];
    assert.equal(studio.texts.get(end.generationId), end.text);
    assert.equal(spelled(streamed), end.text, 'the streamed steps spell the text');
    assert.equal(streamed.length, end.timings.outputTokens);
    const stored = await studio.call<ResponseOf<'probabilities.steps'>>('probabilities.steps', {
      generationId: end.generationId,
    });
    assert.equal(stored.branch, null);
    assert.equal(spelled(stored.steps ?? []), end.text);
    assert.deepEqual(
      stored.steps?.map((step) => step.alternatives.map((alt) => alt.text)),
      streamed.map((step) => step.alternatives.map((alt) => alt.text)),
    );
  });

  it('cuts the steps where a sentence end cuts the text', async () => {
    const sentences = new Studio();
    try {
      await sentences.open({ seed: 4242, maxTokens: 80, stopAt: 'sentence' });
      const end = await sentences.continue(story);
      assert.equal(spelled(sentences.steps.get(end.generationId) ?? []), end.text);
      const stored = await sentences.call<ResponseOf<'probabilities.steps'>>(
        'probabilities.steps',
        { generationId: end.generationId },
      );
      assert.equal(spelled(stored.steps ?? []), end.text);
    } finally {
      sentences.close();
    }
  });

  it('branches from token k exactly as a cold continue of the text cut there', async () => {
    const parent = await studio.continue(story);
    const { branch, tokenIndex: k, prefix } = await studio.branchAtAlternative(story, parent);
    assert.ok(branch.text.length > 0);
    const recorded = await studio.call<ResponseOf<'probabilities.steps'>>('probabilities.steps', {
      generationId: branch.generationId,
    });
    assert.deepEqual(recorded.branch, { parentId: parent.generationId, tokenIndex: k, prefix });
    const record = await studio.call<{ parentId: string | null }>('history.get', {
      id: branch.generationId,
    });
    assert.equal(record.parentId, parent.generationId);

    const cold = new Studio();
    try {
      await cold.open({ seed: 4242, maxTokens: 40 });
      const fresh = await cold.continue(story + prefix);
      assert.equal(branch.text, fresh.text, 'the same text as a fresh engine writes there');
    } finally {
      cold.close();
    }
    // A branch node replays like any other: its recorded prompt already holds the chosen token.
    const again = await studio.replay(branch.generationId);
    assert.equal(again.text, branch.text, 'the branch replays exactly');
  });

  it('stores greedy steps as greedy, and branches from one exactly as a cold continue', async () => {
    const greedy = new Studio();
    const cold = new Studio();
    try {
      await greedy.open({ seed: 4242, maxTokens: 24, temperature: 0 });
      const parent = await greedy.continue(story);
      const stored = await greedy.call<ResponseOf<'probabilities.steps'>>('probabilities.steps', {
        generationId: parent.generationId,
      });
      const steps = stored.steps ?? [];
      assert.equal(spelled(steps), parent.text);
      assert.ok(steps.length > 2);
      for (const step of steps) {
        assert.equal(step.distribution, 'greedy', 'stored as the greedy distribution');
        assert.equal(step.alternatives.length, TOP_ALTERNATIVES, 'with its alternatives');
      }
      const k = 2;
      const chosen = steps[k]!.alternatives[1]!;
      const prefix = spelled(steps.slice(0, k)) + chosen.text;
      const branch = await greedy.continue(story + prefix, {
        parentId: parent.generationId,
        branch: { tokenIndex: k, prefix },
      });
      await cold.open({ seed: 4242, maxTokens: 24, temperature: 0 });
      const fresh = await cold.continue(story + prefix);
      assert.ok(branch.text.length > 0);
      assert.equal(branch.text, fresh.text, 'the same text as a fresh engine writes there');
    } finally {
      greedy.close();
      cold.close();
    }
  });

  it('refuses a branch that does not fit the text before the cursor', async () => {
    const parent = await studio.continue(story);
    const reply = await studio.dispatch('continue.start', {
      generationId: randomUUID(),
      documentId: studio.documentId,
      textBeforeCursor: story + ' something else',
      parentId: parent.generationId,
      branch: { tokenIndex: 1, prefix: ' not what the text ends with' },
    });
    assert.equal(reply.ok, false);
    assert.equal(!reply.ok && reply.error.code, 'invalid_request');
  });
});

describe('several alternatives at once', () => {
  let studio: Studio;

  before(async () => {
    studio = new Studio();
    await studio.open({ seed: 99, maxTokens: 16 });
  });

  after(() => studio.close());

  it('writes the siblings for one spot after the first, reusing the evaluated prompt', async () => {
    const before = studio.ends.size;
    const first = await studio.continue(longStory, { count: 3 });
    await studio.endsReach(before + 3);
    const spot = await studio.call<{ id: string; output: string; finishReason: string }[]>(
      'continue.alternatives',
      { spotId: first.generationId },
    );
    assert.equal(spot.length, 3, 'three alternatives at the spot');
    assert.equal(spot[0]!.id, first.generationId);
    assert.equal(new Set(spot.map((entry) => entry.output)).size, 3, 'each with its own seed');
    for (const sibling of spot.slice(1)) {
      const end = studio.ends.get(sibling.id)!;
      assert.ok(end.timings.promptTokens > 128);
      const read = end.timings.promptTokens - (end.timings.reusedPromptTokens ?? 0);
      // The same prompt again: all of it is kept but the last token, which gives the first step.
      assert.equal(read, 1, `a sibling read ${read} prompt tokens again`);
      // Each sibling carries its steps like the first.
      assert.equal(spelled(studio.steps.get(sibling.id) ?? []), end.text);
    }
  });

  it('stops writing siblings once the writer continues elsewhere', async () => {
    const before = studio.ends.size;
    const first = await studio.continue(longStory, { count: 8 });
    const next = await studio.continue(story);
    await studio.endsReach(before + 2);
    // Any sibling already started ends (cancelled) rather than the chain going on to eight.
    const spot = await studio.call<{ finishReason: string | null }[]>('continue.alternatives', {
      spotId: first.generationId,
    });
    assert.ok(spot.length < 8, `${spot.length} alternatives were written`);
    assert.ok(next.text.length > 0);
  });
});
