import assert from 'node:assert/strict';
import {
  access,
  mkdtemp,
  readdir,
  rm,
  truncate,
  unlink,
  writeFile,
  readFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getLlama, type ControlledEvaluateInputItem, type Llama, type Token } from 'node-llama-cpp';
import { CheckpointConversionError } from '../../electron/gguf/conversionErrors.js';
import {
  convertGpt2Checkpoint,
  type ConversionProgress,
  type ConversionType,
} from '../../electron/gguf/convertGpt2Checkpoint.js';
import { validateGgufFile } from '../../electron/gguf/validateGgufFile.js';
import { loadReferenceGpt2, topK, type ReferenceGpt2 } from '../fixtures/referenceGpt2.js';
import { writeTinyGpt2Checkpoint } from '../fixtures/tinyGpt2.js';

const SHAPE = { nLayer: 2, nEmbd: 64, nHead: 2, nPositions: 64, seed: 11 } as const;
/** "The quick brown fox jumps over the lazy" in GPT-2 BPE ids. */
const PROMPT = [464, 2068, 7586, 21831, 18045, 625, 262, 16931] as Token[];
/**
 * Largest allowed |(logit_k - logit_top) - (reference_k - reference_top)| over the reference's
 * top 10. node-llama-cpp exposes probabilities, not raw logits, so logit differences are compared
 * as log-probability differences (log p_i - log p_j = logit_i - logit_j; the softmax shift cancels).
 * f32 is not exact because ggml's CPU GELU uses an f16 lookup table; f16 and q8_0 round the weights.
 * Measured on this model: f32 1.3e-3, f16 1.4e-3, q8_0 5.7e-2 (its random weights are harsher on
 * q8_0 than trained ones).
 */
const TOLERANCE: Record<ConversionType, number> = { f32: 5e-3, f16: 1e-2, q8_0: 0.15 };

describe('convertGpt2Checkpoint on a tiny random GPT-2', () => {
  let dir = '';
  let checkpoint = '';
  let reference: ReferenceGpt2;
  let llama: Llama;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inkwell-converter-'));
    checkpoint = await writeTinyGpt2Checkpoint(join(dir, 'checkpoint'), SHAPE);
    reference = await loadReferenceGpt2(checkpoint);
    llama = await getLlama({ gpu: false, build: 'never' });
  });
  after(async () => {
    await llama?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  for (const type of ['f32', 'f16', 'q8_0'] as const) {
    it(`${type}: llama.cpp loads the file and its next-token logits match a float64 reference`, async (t) => {
      const outFile = join(dir, `tiny.${type}.gguf`);
      const progress: ConversionProgress[] = [];
      const result = await convertGpt2Checkpoint(checkpoint, outFile, {
        type,
        onProgress: (p) => progress.push(p),
      });
      assert.equal(result.tensorCount, 2 + 12 * SHAPE.nLayer + 2);
      assert.equal(progress.at(-1)?.tensorsDone, result.tensorCount);
      assert.equal(progress.at(-1)?.bytesDone, progress.at(-1)?.bytesTotal);
      assert.ok(
        progress.every((p, i) => i === 0 || p.bytesDone >= (progress[i - 1]?.bytesDone ?? 0)),
      );
      const summary = await validateGgufFile(outFile);
      assert.equal(summary.architecture, 'gpt2');

      const model = await llama.loadModel({ modelPath: outFile });
      const context = await model.createContext({
        contextSize: 256,
        threads: 1,
        // f32 KV cache so the comparison measures the weights, not the cache's f16 rounding.
        experimentalKvCacheKeyType: 'F32',
        experimentalKvCacheValueType: 'F32',
      });
      try {
        assert.deepEqual([...model.tokenize('The quick brown fox jumps over the lazy')], PROMPT);
        const sequence = context.getSequence();
        const input: ControlledEvaluateInputItem[] = PROMPT.map((id, i) =>
          i === PROMPT.length - 1
            ? [id, { generateNext: { probabilities: true, token: true } }]
            : id,
        );
        const output = await sequence.controlledEvaluate(input);
        const next = output[PROMPT.length - 1]?.next;
        assert.ok(next?.probabilities !== undefined);
        const expected = reference.lastLogits(PROMPT);
        const top = topK(expected, 10);
        const best = top[0] ?? 0;
        const logProbability = (id: number) => Math.log(next.probabilities?.get(id as Token) ?? 0);
        let largest = 0;
        for (const id of top) {
          const difference =
            logProbability(id) - logProbability(best) - (expected[id]! - expected[best]!);
          largest = Math.max(largest, Math.abs(difference));
        }
        t.diagnostic(
          `${type}: largest top-10 logit difference vs float64 reference ${largest.toExponential(2)}`,
        );
        assert.ok(largest <= TOLERANCE[type], `${type}: ${largest} exceeds ${TOLERANCE[type]}`);
        if (type === 'f32') assert.equal(next.token, best);
      } finally {
        await context.dispose();
        await model.dispose();
      }
    });
  }

  it('writes through a .partial file and leaves nothing behind when aborted', async () => {
    const outFile = join(dir, 'aborted.gguf');
    const controller = new AbortController();
    await assert.rejects(
      convertGpt2Checkpoint(checkpoint, outFile, {
        type: 'q8_0',
        signal: controller.signal,
        onProgress: (p) => {
          if (p.tensorsDone === 3) controller.abort();
        },
      }),
      { name: 'AbortError' },
    );
    const leftovers = (await readdir(dir)).filter((name) => name.startsWith('aborted'));
    assert.deepEqual(leftovers, []);
  });

  it('accepts a transformer. prefix and skips a tied lm_head.weight', async () => {
    const folder = await writeTinyGpt2Checkpoint(join(dir, 'prefixed'), SHAPE);
    await rewriteSafetensorsNames(
      join(folder, 'model.safetensors'),
      (name) => `transformer.${name}`,
      'lm_head.weight',
      'transformer.wte.weight',
    );
    const result = await convertGpt2Checkpoint(folder, join(dir, 'prefixed.gguf'), { type: 'f32' });
    assert.equal(result.tensorCount, 2 + 12 * SHAPE.nLayer + 2);
  });

  describe('explains checkpoints it cannot convert', () => {
    const expectError = async (folder: string, pattern: RegExp) => {
      const outFile = join(dir, 'failed.gguf');
      await assert.rejects(
        convertGpt2Checkpoint(folder, outFile, { type: 'f16' }),
        (error: unknown) => {
          assert.ok(error instanceof CheckpointConversionError, `got ${String(error)}`);
          assert.match(error.message, pattern);
          return true;
        },
      );
      await assert.rejects(access(outFile));
      await assert.rejects(access(`${outFile}.partial`));
    };

    it('a folder that does not exist', () => expectError(join(dir, 'missing'), /does not exist/));

    it('a missing config.json', async () => {
      const folder = await writeTinyGpt2Checkpoint(join(dir, 'no-config'), SHAPE);
      await unlink(join(folder, 'config.json'));
      await expectError(folder, /config\.json is missing/);
    });

    it('a config that is not GPT-2', async () => {
      const folder = await writeTinyGpt2Checkpoint(join(dir, 'llama'), SHAPE);
      await editConfig(folder, { model_type: 'llama' });
      await expectError(folder, /not a GPT-2 checkpoint.*"llama"/);
    });

    it('only pytorch_model.bin, and why safetensors is needed', async () => {
      const folder = await writeTinyGpt2Checkpoint(join(dir, 'pickle'), SHAPE);
      await unlink(join(folder, 'model.safetensors'));
      await writeFile(join(folder, 'pytorch_model.bin'), 'not really a pickle');
      await expectError(
        folder,
        /pytorch_model\.bin.*pickle.*run arbitrary code.*PyTorch.*model\.safetensors/s,
      );
    });

    it('weights whose shapes disagree with the config', async () => {
      const folder = await writeTinyGpt2Checkpoint(join(dir, 'mismatch'), SHAPE);
      await editConfig(folder, { n_positions: 128 });
      await expectError(
        folder,
        /wpe\.weight has shape \[64, 64\] but config\.json implies \[128, 64\]/,
      );
    });

    it('a truncated model.safetensors', async () => {
      const folder = await writeTinyGpt2Checkpoint(join(dir, 'truncated'), SHAPE);
      const weights = join(folder, 'model.safetensors');
      await truncate(weights, (await readFile(weights)).length - 1000);
      await expectError(folder, /truncated.*ends at byte.*Download model\.safetensors again/);
    });

    it('a missing vocab.json', async () => {
      const folder = await writeTinyGpt2Checkpoint(join(dir, 'no-vocab'), SHAPE);
      await unlink(join(folder, 'vocab.json'));
      await expectError(folder, /vocab\.json is missing/);
    });
  });
});

async function editConfig(folder: string, changes: Record<string, unknown>): Promise<void> {
  const path = join(folder, 'config.json');
  const config = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  await writeFile(path, JSON.stringify({ ...config, ...changes }));
}

/** Renames every tensor in a safetensors file and adds `extraName` as a copy of `copyOf`. */
async function rewriteSafetensorsNames(
  path: string,
  rename: (name: string) => string,
  extraName: string,
  copyOf: string,
) {
  const bytes = await readFile(path);
  const headerLength = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<
    string,
    { data_offsets: number[] }
  >;
  const renamed: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(header))
    renamed[name === '__metadata__' ? name : rename(name)] = entry;
  renamed[extraName] = renamed[copyOf];
  const json = Buffer.from(JSON.stringify(renamed));
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  await writeFile(path, Buffer.concat([prefix, json, bytes.subarray(8 + headerLength)]));
}
