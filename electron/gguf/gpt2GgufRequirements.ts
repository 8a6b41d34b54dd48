import { localized } from '../../shared/i18n/localizedMessage.js';
import { GgufValueType } from './ggufConstants.js';
import { GgufValidationError } from './ggufErrors.js';
import type { GgufHeader } from './ggufTypes.js';
import { arrayValue, numberValue, stringValue } from './ggufValues.js';
import { architectureKeyTypes, checkKeyTypes } from './llamaKeyTypes.js';

const GPT2_KEY_TYPES = architectureKeyTypes('gpt2');

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
      throw new GgufValidationError(localized('errors:gguf.hyperparameterMissing', { key }));
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
    vocabSize: checkTokenizer(header),
  };
  if (embeddingLength % headCount !== 0) {
    throw new GgufValidationError(
      localized('errors:gguf.headsDoNotDivide', { width: embeddingLength, heads: headCount }),
    );
  }
  checkTensors(header, hparams);
  return hparams;
}

function checkTokenizer(header: GgufHeader): number {
  const model = stringValue(header.metadata.get('tokenizer.ggml.model'));
  if (model === undefined) throw new GgufValidationError(localized('errors:gguf.tokenizerMissing'));
  if (model !== 'gpt2') {
    throw new GgufValidationError(localized('errors:gguf.wrongTokenizer', { model }));
  }
  const tokens = arrayValue(header.metadata.get('tokenizer.ggml.tokens'));
  if (tokens === undefined || tokens.itemType !== GgufValueType.String) {
    throw new GgufValidationError(localized('errors:gguf.tokensMissing'));
  }
  const vocabSize = tokens.items.length;
  if (vocabSize === 0) throw new GgufValidationError(localized('errors:gguf.tokensEmpty'));
  checkTokensDistinct(tokens.items);
  const merges = arrayValue(header.metadata.get('tokenizer.ggml.merges'));
  if (merges === undefined || merges.itemType !== GgufValueType.String) {
    throw new GgufValidationError(localized('errors:gguf.mergesMissing'));
  }
  const tokenTypes = arrayValue(header.metadata.get('tokenizer.ggml.token_type'));
  if (tokenTypes !== undefined && tokenTypes.items.length !== vocabSize) {
    throw new GgufValidationError(
      localized('errors:gguf.tokenTypeCount', {
        types: tokenTypes.items.length,
        tokens: vocabSize,
      }),
    );
  }
  const scores = arrayValue(header.metadata.get('tokenizer.ggml.scores'));
  if (scores !== undefined && scores.items.length < vocabSize) {
    throw new GgufValidationError(
      localized('errors:gguf.scoresCount', { scores: scores.items.length, tokens: vocabSize }),
    );
  }
  for (const key of ['bos_token_id', 'eos_token_id']) {
    const id = numberValue(header.metadata.get(`tokenizer.ggml.${key}`));
    if (id !== undefined && (id < 0 || id >= vocabSize)) {
      throw new GgufValidationError(
        localized('errors:gguf.tokenIdOutside', { key, id, vocab: vocabSize }),
      );
    }
  }
  return vocabSize;
}

/**
 * llama.cpp maps each token's text to its id and aborts the process (GGML_ASSERT) when two ids
 * share a text. It names an empty token "[EMPTY_<id>]" first, so that is the text compared.
 */
function checkTokensDistinct(tokens: readonly unknown[]): void {
  const firstId = new Map<string, number>();
  tokens.forEach((token, id) => {
    const text = token === '' ? `[EMPTY_${id}]` : String(token);
    const first = firstId.get(text);
    if (first !== undefined) {
      throw new GgufValidationError(
        localized('errors:gguf.duplicateToken', { token: quoteToken(text), first, second: id }),
      );
    }
    firstId.set(text, id);
  });
}

/** A token as data in a message: quoted, control characters escaped, long ones cut. */
function quoteToken(text: string): string {
  const quoted = JSON.stringify(text);
  return quoted.length > 42 ? `${quoted.slice(0, 40)}…"` : quoted;
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
      throw new GgufValidationError(localized('errors:gguf.tensorMissing', { name }));
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
