/**
 * The converter plus llama.cpp must reproduce the PyTorch test vectors shipped with the real
 * gpt2-brown-mini checkpoint (../shared/models/gpt2-brown-mini/test-vectors.json): the top-10
 * logits at the end of each prompt and the 24-token greedy continuation.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  getLlama,
  type ControlledEvaluateInputItem,
  type Llama,
  type LlamaContextSequence,
  type Token,
} from 'node-llama-cpp';
import {
  convertGpt2Checkpoint,
  type ConversionType,
} from '../../electron/gguf/convertGpt2Checkpoint.js';

const CHECKPOINT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/models/gpt2-brown-mini',
);
const HAVE_CHECKPOINT = existsSync(join(CHECKPOINT, 'test-vectors.json'));

/**
 * Largest allowed difference between llama.cpp's and PyTorch's top-10 logits, each taken relative
 * to the top logit: node-llama-cpp exposes probabilities, not raw logits, and
 * log p_i - log p_top = logit_i - logit_top (the softmax normaliser cancels). f32 is not bit-exact
 * because ggml's CPU GELU uses an f16 lookup table (measured ~6.6e-4); f16 and q8_0 round weights.
 */
const LOGIT_TOLERANCE: Record<ConversionType, number> = { f32: 2e-3, f16: 1e-2, q8_0: 0.1 };
/**
 * Greedy ids are compared up to the first step whose recorded top-1/top-2 gap is below this: a
 * nearer tie may legitimately flip with rounded weights. f32 must match all 24 steps.
 */
const TIE_GAP: Record<ConversionType, number> = { f32: 0, f16: 1e-2, q8_0: 0.1 };

interface TestVector {
  prompt: string;
  prompt_ids: number[];
  last_logits_top10: { ids: number[]; values: number[] };
  greedy_24: { ids: number[]; top1_minus_top2_logit: number[] };
}

describe(
  'gpt2-brown-mini test vectors through the converter and llama.cpp',
  {
    skip: HAVE_CHECKPOINT
      ? false
      : `${CHECKPOINT} is not present (it is provided beside the checkout as ../shared/models/gpt2-brown-mini), so there are no PyTorch vectors to compare with`,
  },
  () => {
    let dir = '';
    let llama: Llama;
    let vectors: TestVector[] = [];

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'inkwell-test-vectors-'));
      llama = await getLlama({ gpu: false, build: 'never' });
      vectors = (
        JSON.parse(await readFile(join(CHECKPOINT, 'test-vectors.json'), 'utf8')) as {
          vectors: TestVector[];
        }
      ).vectors;
    });
    after(async () => {
      await llama?.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    for (const type of ['f32', 'f16', 'q8_0'] as const) {
      it(`${type}: top-10 logits within ${LOGIT_TOLERANCE[type]} and greedy ids agree`, async (t) => {
        const modelPath = join(dir, `gpt2-brown-mini.${type}.gguf`);
        await convertGpt2Checkpoint(CHECKPOINT, modelPath, { type });
        const model = await llama.loadModel({ modelPath });
        const context = await model.createContext({
          contextSize: 512,
          threads: 2,
          // f32 KV cache: the comparison is about the converted weights, not the cache's f16 rounding.
          experimentalKvCacheKeyType: 'F32',
          experimentalKvCacheValueType: 'F32',
        });
        const sequence = context.getSequence();
        let largestLogitDifference = 0;
        let stepsCompared = 0;
        let stepsMatched = 0;
        let unconditionalPrefix = 0;
        try {
          for (const vector of vectors) {
            await sequence.clearHistory();
            assert.deepEqual(
              [...model.tokenize(vector.prompt)],
              vector.prompt_ids,
              `tokenizing ${JSON.stringify(vector.prompt)}`,
            );
            const first = await evaluateWithProbabilities(sequence, vector.prompt_ids as Token[]);
            const top = vector.last_logits_top10;
            const logProbability = (id: number) =>
              Math.log(first.probabilities.get(id as Token) ?? 0);
            for (const [k, id] of top.ids.entries()) {
              const difference =
                logProbability(id) -
                logProbability(top.ids[0]!) -
                (top.values[k]! - top.values[0]!);
              largestLogitDifference = Math.max(largestLogitDifference, Math.abs(difference));
            }

            const greedy = vector.greedy_24;
            const produced: number[] = [first.token];
            while (produced.length < greedy.ids.length) {
              produced.push(await evaluateGreedy(sequence, produced.at(-1) as Token));
            }
            for (const [step, expected] of greedy.ids.entries()) {
              if (greedy.top1_minus_top2_logit[step]! < TIE_GAP[type]) break;
              stepsCompared++;
              if (produced[step] !== expected) break;
              stepsMatched++;
            }
            const firstDifference = greedy.ids.findIndex((id, step) => produced[step] !== id);
            unconditionalPrefix += firstDifference === -1 ? greedy.ids.length : firstDifference;
            if (type === 'f32')
              assert.deepEqual(
                produced,
                greedy.ids,
                `greedy continuation of ${JSON.stringify(vector.prompt)}`,
              );
          }
        } finally {
          await context.dispose();
          await model.dispose();
        }
        t.diagnostic(
          `${type}: largest top-10 logit difference ${largestLogitDifference.toExponential(2)}; greedy ids matched ${stepsMatched}/${stepsCompared} compared steps (of ${vectors.length * 24}; comparison stops at a recorded gap < ${TIE_GAP[type]}); ignoring gaps, ${unconditionalPrefix}/${vectors.length * 24} steps agree before the first divergence`,
        );
        assert.ok(
          largestLogitDifference <= LOGIT_TOLERANCE[type],
          `${type}: ${largestLogitDifference} exceeds ${LOGIT_TOLERANCE[type]}`,
        );
        assert.equal(stepsMatched, stepsCompared, `${type}: greedy ids diverged before a near tie`);
      });
    }
  },
);

async function evaluateGreedy(sequence: LlamaContextSequence, token: Token): Promise<number> {
  const [output] = await sequence.controlledEvaluate([[token, { generateNext: { token: true } }]]);
  const next = output?.next.token;
  if (next == null) throw new Error('llama.cpp returned no next token');
  return next;
}

async function evaluateWithProbabilities(
  sequence: LlamaContextSequence,
  tokens: Token[],
): Promise<{ token: number; probabilities: Map<Token, number> }> {
  const input: ControlledEvaluateInputItem[] = tokens.map((id, i) =>
    i === tokens.length - 1 ? [id, { generateNext: { token: true, probabilities: true } }] : id,
  );
  const output = await sequence.controlledEvaluate(input);
  const next = output[tokens.length - 1]?.next;
  if (next?.token == null || next.probabilities === undefined)
    throw new Error('llama.cpp returned no next token');
  return { token: next.token, probabilities: next.probabilities };
}
