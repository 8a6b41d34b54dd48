/**
 * The host runs every continuation through its own completion (probabilityCompletion.ts), steps
 * asked for or not. It must write exactly what node-llama-cpp's own LlamaCompletion writes with
 * the same seed and sampler, so a seed means the same text in Inkwell as in any node-llama-cpp
 * app and history recorded before replays as written: checked token by token on the bundled
 * demo model for the Balanced sampler, greedy, a hot sampler with every repetition penalty, and
 * banned words with word biases.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  getLlama,
  LlamaCompletion,
  LlamaLogLevel,
  type LlamaCompletionGenerationOptions,
  type LlamaContext,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import { ProbabilityCompletion } from '../../electron/engine/host/probabilityCompletion.js';
import { PROMPT_CHUNK_TOKENS } from '../../electron/engine/host/promptCache.js';
import { repeatPenaltyOf } from '../../electron/engine/host/repeatPenalty.js';
import { WordBias, type WordBiasSettings } from '../../electron/engine/host/wordBias.js';
import { generationParams, type GenerationParamsInput } from '../../shared/schemas/engine.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const story =
  'The harbour was quiet in the early morning. The fishermen mended their nets on the ' +
  'stones, and the gulls argued over what the night boats had left behind. The old man';

interface Written {
  text: string;
  tokens: Token[];
  stopReason: string;
}

const cases: { name: string; params: GenerationParamsInput; words?: WordBiasSettings }[] = [
  { name: 'the Balanced sampler', params: { temperature: 0.8, topK: 40, topP: 0.95, minP: 0.05 } },
  { name: 'greedy', params: { temperature: 0, repeatPenalty: 1.1 } },
  {
    name: 'a hot sampler with every repetition penalty',
    params: {
      temperature: 1.2,
      topK: 0,
      topP: 1,
      minP: 0,
      repeatPenalty: 1.3,
      frequencyPenalty: 0.6,
      presencePenalty: 0.4,
      penalizeNewLine: false,
    },
  },
  {
    name: 'banned words and word biases',
    params: { temperature: 0.9 },
    words: { bannedWords: ['the', 'of the'], wordBiases: [{ word: 'house', bias: 4 }] },
  },
];

describe('the host’s completion writes what LlamaCompletion writes', () => {
  let model: LlamaModel;
  let context: LlamaContext;

  before(async () => {
    const llama = await getLlama({
      gpu: false,
      build: 'never',
      maxThreads: 2,
      logLevel: LlamaLogLevel.error,
      progressLogs: false,
    });
    model = await llama.loadModel({ modelPath: demoModel, gpuLayers: 0 });
    // As the host makes its context (modelLoader.ts): chunks of 64, flash attention off.
    context = await model.createContext({
      contextSize: 512,
      sequences: 1,
      threads: 2,
      batchSize: PROMPT_CHUNK_TOKENS,
      flashAttention: false,
    });
  });
  after(async () => {
    await context?.dispose();
    await model?.dispose();
  });

  /** One continuation of the story from an empty sequence, with the host's options. */
  async function write(
    which: 'LlamaCompletion' | 'without steps' | 'with steps',
    params: GenerationParamsInput,
    words: WordBiasSettings = {},
  ): Promise<Written> {
    const resolved = { ...generationParams.parse({ maxTokens: 40, ...params }), seed: 5 };
    const sequence = context.getSequence();
    await sequence.clearHistory();
    try {
      const prompt = model.tokenize(story);
      const bias = new WordBias(model, words);
      bias.observe(prompt);
      const tokens: Token[] = [];
      const options: LlamaCompletionGenerationOptions = {
        onToken: (generated) => {
          bias.observe(generated);
          tokens.push(...generated);
        },
        maxTokens: resolved.maxTokens,
        temperature: resolved.temperature,
        topK: resolved.topK,
        topP: resolved.topP,
        minP: resolved.minP,
        seed: resolved.seed,
        repeatPenalty: repeatPenaltyOf(resolved),
        ...(bias.active ? { tokenBias: bias.tokenBias } : {}),
        disableContextShift: true,
        contextShiftSize: 1,
      };
      const completion =
        which === 'LlamaCompletion'
          ? new LlamaCompletion({ contextSequence: sequence })
          : new ProbabilityCompletion(sequence, which === 'with steps' ? () => {} : null);
      const response = await completion.generateCompletionWithMeta(prompt, options);
      if (completion instanceof LlamaCompletion) completion.dispose({ disposeSequence: false });
      return { text: response.response, tokens, stopReason: response.metadata.stopReason };
    } finally {
      sequence.dispose();
    }
  }

  for (const { name, params, words } of cases) {
    it(`with ${name}`, async () => {
      const reference = await write('LlamaCompletion', params, words);
      assert.ok(reference.tokens.length > 10, `LlamaCompletion wrote: ${reference.text}`);
      assert.deepEqual(await write('without steps', params, words), reference);
      assert.deepEqual(await write('with steps', params, words), reference);
    });
  }

  it('and the bans still bite: the banned word is in the unbanned text, not in the banned', async () => {
    const unbanned = await write('without steps', { temperature: 0.9 });
    const banned = await write('without steps', { temperature: 0.9 }, { bannedWords: ['the'] });
    assert.match(unbanned.text, /\bthe\b/i);
    assert.doesNotMatch(banned.text, /\bthe\b/i);
  });
});
