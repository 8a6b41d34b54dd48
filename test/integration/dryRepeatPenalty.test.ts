/**
 * DRY ("don't repeat yourself") on the real engine (a forked model host on the bundled demo
 * model): greedy decoding of this prompt falls into "He was a man." over and over; with DRY the
 * loop is broken, and the text is the same with the probabilities view on or off.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../electron/engine/supervisor/engineClient.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import { generationParams, type GenerationParamsInput } from '../../shared/schemas/engine.js';
import type { TokenStep } from '../../shared/schemas/tokenSteps.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const PROMPT = 'The old man walked slowly into the village. He looked at the houses and';
const LOOP = /He was a man\./g;

describe('DRY repetition penalty', () => {
  let dir: string;
  let engine: EngineClient;

  async function continuation(
    params: GenerationParamsInput,
    withSteps = false,
  ): Promise<{ text: string; steps: TokenStep[] }> {
    const steps: TokenStep[] = [];
    const end = await engine.complete(
      { kind: 'text', text: PROMPT },
      {
        ...generationParams.parse({ maxTokens: 120, temperature: 0, repeatPenalty: 1, ...params }),
        seed: 1,
      },
      {
        fitted: () => {},
        chunk: () => {},
        ...(withSteps ? { steps: (more: TokenStep[]) => steps.push(...more) } : {}),
      },
    ).done;
    assert.equal(end.finishReason, 'length', end.error?.message);
    return { text: end.text, steps };
  }
  const loops = (text: string): number => text.match(LOOP)?.length ?? 0;

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'inkwell-dry-'));
    engine = new EngineClient({
      spawnHost: () => forkModelHost({ quiet: true }),
      threadTuningFile: path.join(dir, 'thread-tuning.json'),
    });
    await engine.load({ path: demoModel, backend: 'cpu' });
  });

  after(async () => {
    await engine.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('breaks a loop the model falls into without it', async () => {
    const free = await continuation({});
    const dry = await continuation({ dryStrength: 0.8 });
    console.log(
      `"He was a man." ${loops(free.text)} times without DRY, ${loops(dry.text)} with it`,
    );
    assert.ok(loops(free.text) >= 10, `the model loops without DRY: ${JSON.stringify(free.text)}`);
    assert.ok(loops(dry.text) <= 2, `DRY broke the loop: ${JSON.stringify(dry.text)}`);
  });

  it('lets short repeats through up to the allowed length', async () => {
    // Allowing repeats of 20 tokens lets the 5-token loop run as if DRY were off.
    const free = await continuation({});
    const lenient = await continuation({ dryStrength: 0.8, dryAllowedLength: 20 });
    assert.ok(loops(lenient.text) > loops(free.text) / 2, JSON.stringify(lenient.text));
  });

  it('writes the same text with the probabilities view on and off', async () => {
    const off = await continuation({ dryStrength: 0.8, temperature: 0.8 });
    const on = await continuation({ dryStrength: 0.8, temperature: 0.8 }, true);
    assert.equal(on.text, off.text);
    assert.ok(on.steps.length > 0);
  });
});
