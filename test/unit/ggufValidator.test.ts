import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GgufValidationError, validateGgufFile } from '../../electron/gguf/validateGgufFile.js';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { englishText, localized, translateMessage } from '../../shared/i18n/localizedMessage.js';
import { brokenGgufCorpus, type BrokenGgufCase } from '../fixtures/brokenGgufCorpus.js';
import { makeTinyGpt2Gguf } from '../fixtures/tinyGpt2.js';
import { makeTinyLlamaGguf } from '../fixtures/tinyLlama.js';
import { GgufValueType } from '../../electron/gguf/ggufConstants.js';
import { string, uint32 } from '../../electron/gguf/ggufValues.js';

const TINY = { nLayer: 2, nEmbd: 32, nHead: 2, nPositions: 32, seed: 7 } as const;

describe('validateGgufFile', () => {
  let dir = '';
  let validFile = '';
  let corpus: BrokenGgufCase[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inkwell-gguf-validator-'));
    validFile = await makeTinyGpt2Gguf(dir, { ...TINY, type: 'q8_0' });
    corpus = await brokenGgufCorpus(validFile);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('summarises a valid converted gpt2 file', async () => {
    const summary = await validateGgufFile(validFile);
    assert.equal(summary.architecture, 'gpt2');
    assert.equal(summary.name, 'tiny-gpt2');
    assert.equal(summary.ggufVersion, 3);
    assert.equal(summary.vocabSize, 50257);
    assert.equal(summary.contextLength, 32);
    assert.equal(summary.tensorCount, 2 + 12 * 2 + 2);
    assert.deepEqual(
      {
        ...summary.hyperparameters,
        layerNormEpsilon: Math.round((summary.hyperparameters.layerNormEpsilon ?? 0) * 1e9),
      },
      {
        contextLength: 32,
        embeddingLength: 32,
        feedForwardLength: 128,
        blockCount: 2,
        headCount: 2,
        layerNormEpsilon: 1e4,
        vocabSize: 50257,
        tokenizer: 'gpt2',
      },
    );
    const perBlock =
      2 * 32 + (32 * 96 + 96) + (32 * 32 + 32) + 2 * 32 + (32 * 128 + 128) + (128 * 32 + 32);
    assert.equal(summary.parameterCount, 50257 * 32 + 32 * 32 + 2 * perBlock + 2 * 32);
    assert.equal(summary.fileType, 7);
    assert.match(summary.quantization, /Q8_0/);
    assert.deepEqual(summary.tensorTypes, { Q8_0: 1 + 4 * 2, F32: 1 + 8 * 2 + 2 });
  });

  it(
    'rejects every file of the broken corpus with a GgufValidationError that names the problem',
    { timeout: 120_000 },
    async () => {
      assert.ok(corpus.length >= 70, `the corpus has ${corpus.length} cases`);
      const brokenFile = join(dir, 'broken.gguf');
      const failures: string[] = [];
      for (const brokenCase of corpus) {
        await brokenCase.write(brokenFile);
        try {
          await validateGgufFile(brokenFile);
          failures.push(`${brokenCase.name}: accepted`);
        } catch (error) {
          if (!(error instanceof GgufValidationError)) {
            failures.push(
              `${brokenCase.name}: threw ${String(error)} instead of a GgufValidationError`,
            );
          } else if (!brokenCase.expect.test(error.message)) {
            failures.push(
              `${brokenCase.name}: message "${error.message}" does not match ${brokenCase.expect}`,
            );
          }
        }
      }
      assert.deepEqual(failures, []);
    },
  );

  it(
    'gives every broken file an error key whose Chinese text is complete',
    { timeout: 120_000 },
    async () => {
      const chinese = createI18n('zh-CN');
      const brokenFile = join(dir, 'broken-zh.gguf');
      const failures: string[] = [];
      for (const brokenCase of corpus) {
        await brokenCase.write(brokenFile);
        const error: unknown = await validateGgufFile(brokenFile).catch(
          (thrown: unknown) => thrown,
        );
        if (!(error instanceof GgufValidationError)) continue; // the test above reports it
        // The same key gives the English message, so logs and the writer read the same thing.
        if (englishText(error.localized) !== error.message) {
          failures.push(`${brokenCase.name}: the key's English differs from "${error.message}"`);
        }
        // As the model panel shows it: "This model file cannot be used: {{reason}}."
        const text = translateMessage(
          chinese,
          localized('errors:gguf.cannotUse', { reason: error.localized }),
        );
        if (
          /\{\{|errors:|gguf\./.test(
            text.replace(/general\.\w+|tokenizer\.ggml\.\w+|gpt2\.[\w.]+/g, ''),
          )
        ) {
          failures.push(`${brokenCase.name}: unfilled or missing key in "${text}"`);
        }
        if (!/^无法使用此模型文件：\p{Script=Han}|^无法使用此模型文件：\S/u.test(text)) {
          failures.push(`${brokenCase.name}: not Chinese: "${text}"`);
        }
        if (/ (the|is|of|file|tensor|bytes|truncated) /.test(text)) {
          failures.push(`${brokenCase.name}: English left in "${text}"`);
        }
      }
      assert.deepEqual(failures, []);
    },
  );

  /** Writes the corpus case `name` and returns the validator's message for it. */
  async function messageFor(name: string): Promise<string> {
    const brokenCase = corpus.find((candidate) => candidate.name === name);
    assert.ok(brokenCase, `no corpus case "${name}"`);
    const file = join(dir, `${name.replace(/\W+/g, '-')}.gguf`);
    await brokenCase.write(file);
    const error: unknown = await validateGgufFile(file).then(
      () => assert.fail(`${name}: accepted`),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof GgufValidationError, String(error));
    return error.message;
  }

  it('refuses two tokens with the same text (llama.cpp aborts on them), naming the token and both ids', async () => {
    assert.equal(
      await messageFor('duplicate token'),
      'tokenizer.ggml.tokens has the token "!" twice (ids 0 and 1); llama.cpp stops on such a vocabulary',
    );
    // llama.cpp names an empty token "[EMPTY_<id>]", so that text is taken too.
    assert.match(await messageFor('an empty token and its placeholder text'), /ids 5 and 6/);
  });

  it('refuses a key llama.cpp reads with another type, naming the key and both types', async () => {
    assert.equal(
      await messageFor('context length as a string'),
      'metadata gpt2.context_length is string, but llama.cpp reads it as u32',
    );
    assert.equal(
      await messageFor('tokens as an array of ints'),
      'metadata tokenizer.ggml.tokens is i32[], but llama.cpp reads it as string[]',
    );
    // Optional keys too: llama.cpp refuses the file for any key it reads with another type.
    assert.equal(
      await messageFor('an optional key llama.cpp reads, with another type'),
      'metadata gpt2.attention.causal is u32, but llama.cpp reads it as bool',
    );
  });

  it('says which file could not be opened when the path does not exist', async () => {
    await assert.rejects(validateGgufFile(join(dir, 'nope.gguf')), (error: unknown) => {
      return (
        error instanceof GgufValidationError &&
        /cannot open/.test(error.message) &&
        error.filePath !== undefined
      );
    });
  });
});

describe('validateGgufFile on architectures other than gpt2', () => {
  let dir = '';
  const SMALL = { nEmbd: 32, nHead: 4, nHeadKv: 2, nFf: 64, nLayer: 2 } as const;
  let count = 0;
  /** A tiny llama-family file in a folder of its own, with the given changes. */
  const make = async (options: Parameters<typeof makeTinyLlamaGguf>[1] = {}) => {
    const sub = join(dir, String(count++));
    await mkdir(sub);
    return makeTinyLlamaGguf(sub, { ...SMALL, ...options });
  };
  const refusal = async (file: string): Promise<string> => {
    const error: unknown = await validateGgufFile(file).then(
      () => assert.fail('accepted'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof GgufValidationError, String(error));
    return error.message;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inkwell-gguf-llama-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('checks a llama file against the llama requirements and summarises it', async () => {
    const summary = await validateGgufFile(await make());
    assert.equal(summary.architecture, 'llama');
    assert.equal(summary.architectureCheck, 'known');
    assert.equal(summary.contextLength, 256);
    assert.deepEqual(summary.hyperparameters, {
      contextLength: 256,
      embeddingLength: 32,
      blockCount: 2,
      headCount: 4,
      vocabSize: 50257,
      tokenizer: 'gpt2',
    });
  });

  it('checks qwen2 the same way', async () => {
    const summary = await validateGgufFile(await make({ architecture: 'qwen2' }));
    assert.equal(summary.architecture, 'qwen2');
    assert.equal(summary.architectureCheck, 'known');
  });

  it('names the missing hyperparameter, tensor or wrong shape of a llama file', async () => {
    assert.equal(
      await refusal(
        await make({ editMetadata: (m) => m.delete('llama.attention.layer_norm_rms_epsilon') }),
      ),
      'hyperparameter llama.attention.layer_norm_rms_epsilon is missing (a llama model needs it)',
    );
    assert.equal(
      await refusal(await make({ omitTensors: ['blk.1.attn_k.weight'] })),
      'tensor blk.1.attn_k.weight is missing (a llama model with these hyperparameters needs it)',
    );
    // Eight key/value heads claimed, the tensors made for two: the shapes do not match.
    assert.equal(
      await refusal(
        await make({ editMetadata: (m) => m.set('llama.attention.head_count_kv', uint32(4)) }),
      ),
      'tensor blk.0.attn_k.weight has shape [32, 16] but the hyperparameters and vocabulary imply [32, 32]',
    );
    assert.equal(
      await refusal(
        await make({
          editMetadata: (m) =>
            m.set('llama.feed_forward_length', {
              type: GgufValueType.Array,
              itemType: GgufValueType.Uint32,
              items: [64, 64, 64],
            }),
        }),
      ),
      'llama.feed_forward_length has 3 values, one per layer, but the model has 2 layers',
    );
  });

  it('accepts per-layer arrays where llama.cpp reads them', async () => {
    const summary = await validateGgufFile(
      await make({
        editMetadata: (m) =>
          m.set('llama.attention.head_count_kv', {
            type: GgufValueType.Array,
            itemType: GgufValueType.Int32,
            items: [2, 2],
          }),
      }),
    );
    assert.equal(summary.architecture, 'llama');
  });

  it('lets an architecture it has no rules for through after the checks every file gets', async () => {
    const summary = await validateGgufFile(
      await make({
        editMetadata: (m) => {
          for (const [key, value] of [...m]) {
            if (!key.startsWith('llama.')) continue;
            m.delete(key);
            m.set(key.replace(/^llama\./, 'olmo2.'), value);
          }
          m.set('general.architecture', string('olmo2'));
        },
      }),
    );
    assert.equal(summary.architecture, 'olmo2');
    assert.equal(summary.architectureCheck, 'structure');
    assert.equal(summary.contextLength, 256);
    // Still checked: the tokenizer and the types of the keys llama.cpp reads.
    assert.match(
      await refusal(
        await make({
          editMetadata: (m) => {
            m.set('general.architecture', string('olmo2'));
            m.set('olmo2.context_length', string('256'));
          },
        }),
      ),
      /metadata olmo2\.context_length is string, but llama\.cpp reads it as u32/,
    );
  });
});
