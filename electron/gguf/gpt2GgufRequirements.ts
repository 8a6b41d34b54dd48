import { localized } from '../../shared/i18n/localizedMessage.js';
import { GgufValidationError } from './ggufErrors.js';
import type { GgufHeader } from './ggufTypes.js';
import { numberValue } from './ggufValues.js';
import { architectureKeyTypes, checkKeyTypes } from './llamaKeyTypes.js';
import { checkTokenizer } from './tokenizerRequirements.js';

const GPT2_KEY_TYPES = architectureKeyTypes('gpt2', { perLayerArrays: false });

export interface Gpt2GgufHyperparameters {
  readonly contextLength: number;
  readonly embeddingLength: number;
  readonly feedForwardLength: number;
  readonly blockCount: number;
  readonly headCount: number;
  readonly layerNormEpsilon: number;
  readonly vocabSize: number;
}

/**
 * Caps far above any GPT-2 (XL: 48 layers, 1600 wide) that keep a hostile header from asking for
 * absurd work. 512 layers is llama.cpp's own limit (LLAMA_MAX_LAYERS): past it, it aborts.
 */
const MAX_BLOCKS = 512;
const MAX_WIDTH = 1 << 20;

/**
 * Checks what llama.cpp's gpt2 loader needs: the hyperparameters, a consistent GPT-2 BPE tokenizer,
 * and exactly the gpt2 tensors with the shapes those hyperparameters imply.
 */
export function checkGpt2Requirements(header: GgufHeader): Gpt2GgufHyperparameters {
  checkKeyTypes(header.metadata, GPT2_KEY_TYPES);
  const hparam = (suffix: string, options: { integer?: boolean; max?: number } = {}): number => {
    const key = `gpt2.${suffix}`;
    const value = numberValue(header.metadata.get(key));
    if (value === undefined)
      throw new GgufValidationError(
        localized('errors:gguf.hyperparameterMissing', { key, architecture: 'gpt2' }),
      );
    const integer = options.integer ?? true;
    if (
      !(value > 0) ||
      (integer && !Number.isInteger(value)) ||
      value > (options.max ?? Number.MAX_SAFE_INTEGER)
    ) {
      throw new GgufValidationError(
        localized('errors:gguf.hyperparameterImpossible', { key, value }),
      );
    }
    return value;
  };
  const embeddingLength = hparam('embedding_length', { max: MAX_WIDTH });
  const headCount = hparam('attention.head_count', { max: MAX_WIDTH });
  const hparams = {
    contextLength: hparam('context_length', { max: MAX_WIDTH }),
    embeddingLength,
    feedForwardLength: hparam('feed_forward_length', { max: MAX_WIDTH }),
    blockCount: hparam('block_count', { max: MAX_BLOCKS }),
    headCount,
    layerNormEpsilon: hparam('attention.layer_norm_epsilon', { integer: false, max: 1 }),
    vocabSize: checkGpt2Tokenizer(header),
  };
  if (embeddingLength % headCount !== 0) {
    throw new GgufValidationError(
      localized('errors:gguf.headsDoNotDivide', { width: embeddingLength, heads: headCount }),
    );
  }
  checkTensors(header, hparams);
  return hparams;
}

function checkGpt2Tokenizer(header: GgufHeader): number {
  const { model, vocabSize } = checkTokenizer(header);
  if (model !== 'gpt2') {
    throw new GgufValidationError(localized('errors:gguf.wrongTokenizer', { model }));
  }
  return vocabSize;
}

function checkTensors(header: GgufHeader, h: Gpt2GgufHyperparameters): void {
  const { embeddingLength: e, feedForwardLength: ff, vocabSize: v, contextLength: ctx } = h;
  const expected = new Map<string, number[]>([
    ['token_embd.weight', [e, v]],
    ['position_embd.weight', [e, ctx]],
    ['output_norm.weight', [e]],
    ['output_norm.bias', [e]],
  ]);
  for (let block = 0; block < h.blockCount; block++) {
    const b = `blk.${block}`;
    for (const [name, dims] of [
      ['attn_norm.weight', [e]],
      ['attn_norm.bias', [e]],
      ['attn_qkv.weight', [e, 3 * e]],
      ['attn_qkv.bias', [3 * e]],
      ['attn_output.weight', [e, e]],
      ['attn_output.bias', [e]],
      ['ffn_norm.weight', [e]],
      ['ffn_norm.bias', [e]],
      ['ffn_up.weight', [e, ff]],
      ['ffn_up.bias', [ff]],
      ['ffn_down.weight', [ff, e]],
      ['ffn_down.bias', [e]],
    ] as const) {
      expected.set(`${b}.${name}`, [...dims]);
    }
  }
  const optional = new Map<string, number[]>([['output.weight', [e, v]]]);
  const present = new Map(header.tensors.map((tensor) => [tensor.name, tensor]));
  for (const [name, dims] of expected) {
    const tensor = present.get(name);
    if (tensor === undefined)
      throw new GgufValidationError(
        localized('errors:gguf.tensorMissing', { name, architecture: 'gpt2' }),
      );
    checkShape(name, tensor.dims, dims);
  }
  for (const tensor of header.tensors) {
    const dims = optional.get(tensor.name);
    if (dims !== undefined) checkShape(tensor.name, tensor.dims, dims);
    else if (!expected.has(tensor.name)) {
      throw new GgufValidationError(localized('errors:gguf.tensorNotGpt2', { name: tensor.name }));
    }
  }
}

function checkShape(name: string, actual: readonly number[], expected: readonly number[]): void {
  // ggml treats trailing dimensions of 1 as absent.
  const trimmed = [...actual];
  while (trimmed.length > expected.length && trimmed[trimmed.length - 1] === 1) trimmed.pop();
  if (trimmed.join(',') !== expected.join(',')) {
    throw new GgufValidationError(
      localized('errors:gguf.tensorShape', {
        name,
        actual: actual.join(', '),
        expected: expected.join(', '),
      }),
    );
  }
}
