/**
 * Banned words and word biases on the real engine (a forked model host on the bundled demo
 * model): 50 seeded continuations of one prompt with and without each setting. A banned word
 * that the model writes without the ban never appears with it, a banned two-word phrase is never
 * completed, and a positive bias makes its word more frequent.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import { EngineService } from '../../electron/engine/engineService.js';
import { generationParams, type GenerationParamsInput } from '../../shared/schemas/engine.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const PROMPT = 'The old man walked slowly into the village. He looked at the houses and';
const RUNS = 50;

describe('banned words and word biases', () => {
  let dir: string;
  let service: EngineService;
  /** The continuations with neither bans nor biases. */
  let free: string[];

  /** The texts of RUNS continuations, seeds 1 to RUNS. */
  async function continuations(params: GenerationParamsInput): Promise<string[]> {
    const texts: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const completion = service.complete(
        { kind: 'text', text: PROMPT },
        { ...generationParams.parse({ maxTokens: 24, ...params }), seed },
        { fitted: () => {}, chunk: () => {} },
      );
      const end = await completion.done;
      assert.notEqual(end.finishReason, 'error', end.error?.message);
      texts.push(end.text);
    }
    return texts;
  }
  const countMatching = (texts: string[], pattern: RegExp): number =>
    texts.filter((text) => pattern.test(text)).length;
  const occurrences = (texts: string[], pattern: RegExp): number =>
    texts.reduce((sum, text) => sum + (text.match(pattern)?.length ?? 0), 0);

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-word-bias-'));
    service = new EngineService({
      client: new EngineClient({
        spawnHost: () => forkModelHost({ quiet: true }),
        threadTuningFile: path.join(dir, 'thread-tuning.json'),
      }),
      emit: () => {},
      defaultModelPath: demoModel,
    });
    await service.ensureModel();
    free = await continuations({});
  });

  after(async () => {
    await service.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('never writes a banned word, in any case, with or without a space before it', async () => {
    const word = /\bthe\b/i;
    const banned = await continuations({ bannedWords: ['the'] });
    console.log(
      `"the" in ${countMatching(free, word)} of ${RUNS} without the ban, ${countMatching(banned, word)} with it`,
    );
    assert.ok(countMatching(free, word) >= 10, 'the model writes it freely without the ban');
    assert.equal(countMatching(banned, word), 0);
  });

  it('never completes a banned phrase of several tokens', async () => {
    const phrase = /\b[Oo]f the\b/;
    const banned = await continuations({ bannedWords: ['of the'] });
    console.log(
      `"of the" in ${countMatching(free, phrase)} of ${RUNS} without the ban, ${countMatching(banned, phrase)} with it`,
    );
    assert.ok(countMatching(free, phrase) >= 3, 'the model writes it freely without the ban');
    assert.equal(countMatching(banned, phrase), 0);
  });

  it('makes a word with a positive bias more frequent', async () => {
    const word = /\bhouse\b/gi;
    const biased = await continuations({ wordBiases: [{ word: 'house', bias: 4 }] });
    console.log(
      `"house" ${occurrences(free, word)} times without the bias, ${occurrences(biased, word)} with +4`,
    );
    assert.ok(occurrences(biased, word) > occurrences(free, word) + 10);
  });
});
