/**
 * What llama.cpp needs from the decoder-only architectures writers bring most (Llama (and the
 * Mistral models, which are stored as llama), Qwen 2 and 3, Gemma 1–3, Phi-3): the hyperparameters it reads
 * as required, and the tensors every block must have with the shapes those imply. Taken from the
 * llama.cpp release bundled with node-llama-cpp 3.21.1 (llama-arch.cpp, llama-model.cpp
 * load_hparams / load_tensors). llama.cpp itself refuses a wrong tensor with an exception the host
 * reports; what is checked here is what makes the writer's message name the problem in words, and
 * the counts that would have it allocate absurd amounts first. An architecture not listed here is
 * left to llama.cpp (in the crash-contained host) after the checks every file gets.
 */
import { localized } from '../../shared/i18n/localizedMessage.js';
import { GgufValidationError } from './ggufErrors.js';
import type { GgufHeader, GgufTensorInfo } from './ggufTypes.js';
import { arrayValue, numberValue } from './ggufValues.js';
import { architectureKeyTypes, checkKeyTypes } from './llamaKeyTypes.js';
import { checkTokenizer } from './tokenizerRequirements.js';

/** What every architecture's summary says about the model (the Models panel shows it). */
export interface ModelHyperparameters {
  readonly contextLength: number;
  readonly embeddingLength: number;
  readonly blockCount: number;
  readonly headCount: number;
  readonly vocabSize: number;
  /** tokenizer.ggml.model, e.g. "gpt2" or "llama". */
  readonly tokenizer: string;
}

/** 512 layers is llama.cpp's own limit (LLAMA_MAX_LAYERS): past it, it aborts. */
const MAX_BLOCKS = 512;
const MAX_WIDTH = 1 << 20;
/** Contexts up to 16M positions (the largest models today train at 1–10M). */
const MAX_CONTEXT = 1 << 24;

interface ArchitectureSpec {
  /** The normalisation epsilon key llama.cpp requires. */
  readonly normEpsilon: 'attention.layer_norm_rms_epsilon' | 'attention.layer_norm_epsilon';
  /** The per-block tensors (all ".weight"), beyond the attention and feed-forward ones. */
  readonly blockNorms: readonly string[];
  /** Attention as separate q, k, v (with their shapes checked), or a fused qkv (phi3 may do either). */
  readonly attention: 'separate' | 'separate-or-fused';
  /** The feed-forward block: gate/up/down, or phi3's fused gate+up. */
  readonly feedForward: 'gated' | 'fused-gate-up';
}

const LLAMA_LIKE: ArchitectureSpec = {
  normEpsilon: 'attention.layer_norm_rms_epsilon',
  blockNorms: ['attn_norm', 'ffn_norm'],
  attention: 'separate',
  feedForward: 'gated',
};

export const KNOWN_ARCHITECTURES: ReadonlyMap<string, ArchitectureSpec> = new Map([
  ['llama', LLAMA_LIKE],
  ['qwen2', LLAMA_LIKE],
  ['qwen3', { ...LLAMA_LIKE, blockNorms: ['attn_norm', 'ffn_norm', 'attn_q_norm', 'attn_k_norm'] }],
  ['gemma', LLAMA_LIKE],
  [
    'gemma2',
    {
      ...LLAMA_LIKE,
      blockNorms: ['attn_norm', 'ffn_norm', 'post_attention_norm', 'post_ffw_norm'],
    },
  ],
  [
    'gemma3',
    {
      ...LLAMA_LIKE,
      blockNorms: [
        'attn_norm',
        'ffn_norm',
        'post_attention_norm',
        'post_ffw_norm',
        'attn_q_norm',
        'attn_k_norm',
      ],
    },
  ],
  [
    'phi3',
    {
      ...LLAMA_LIKE,
      attention: 'separate-or-fused',
      feedForward: 'fused-gate-up',
    },
  ],
]);

/**
 * The checks for an architecture this file does not know: the tokenizer, the types of the keys
 * llama.cpp reads under its prefix, and the hyperparameters the summary shows where present.
 */
export function checkAnyArchitecture(
  header: GgufHeader,
  architecture: string,
): ModelHyperparameters {
  checkKeyTypes(header.metadata, architectureKeyTypes(architecture));
  const tokenizer = checkTokenizer(header);
  const optional = (suffix: string, max: number): number => {
    const value = numberValue(header.metadata.get(`${architecture}.${suffix}`));
    return value !== undefined && Number.isInteger(value) && value > 0 && value <= max ? value : 0;
  };
  return {
    contextLength: optional('context_length', MAX_CONTEXT),
    embeddingLength: optional('embedding_length', MAX_WIDTH),
    blockCount: optional('block_count', MAX_BLOCKS),
    headCount: optional('attention.head_count', MAX_WIDTH),
    vocabSize: tokenizer.vocabSize,
    tokenizer: tokenizer.model,
  };
}

/** The checks for an architecture in KNOWN_ARCHITECTURES. */
export function checkKnownArchitecture(
  header: GgufHeader,
  architecture: string,
  spec: ArchitectureSpec,
): ModelHyperparameters {
  checkKeyTypes(header.metadata, architectureKeyTypes(architecture));
  const tokenizer = checkTokenizer(header);
  const key = (suffix: string) => `${architecture}.${suffix}`;
  const required = (suffix: string, max: number): number => {
    const value = numberValue(header.metadata.get(key(suffix)));
    if (value === undefined) {
      throw new GgufValidationError(
        localized('errors:gguf.hyperparameterMissing', { key: key(suffix), architecture }),
      );
    }
    if (!Number.isInteger(value) || value <= 0 || value > max) {
      throw new GgufValidationError(
        localized('errors:gguf.hyperparameterImpossible', { key: key(suffix), value }),
      );
    }
    return value;
  };
  const e = required('embedding_length', MAX_WIDTH);
  const blocks = required('block_count', MAX_BLOCKS);
  const contextLength = required('context_length', MAX_CONTEXT);
  const heads = perLayer(header, key('attention.head_count'), blocks, architecture, true);
  const kvHeads = perLayer(header, key('attention.head_count_kv'), blocks, architecture, false);
  const feedForward = perLayer(header, key('feed_forward_length'), blocks, architecture, true);
  const epsilon = numberValue(header.metadata.get(key(spec.normEpsilon)));
  if (epsilon === undefined) {
    throw new GgufValidationError(
      localized('errors:gguf.hyperparameterMissing', { key: key(spec.normEpsilon), architecture }),
    );
  }
  const firstHeads = heads[0] ?? 0;
  const headDimK =
    numberValue(header.metadata.get(key('attention.key_length'))) ??
    (firstHeads > 0 && e % firstHeads === 0 ? e / firstHeads : 0);
  const headDimV = numberValue(header.metadata.get(key('attention.value_length'))) ?? headDimK;
  if (headDimK <= 0) {
    throw new GgufValidationError(
      localized('errors:gguf.headsDoNotDivideFor', {
        widthKey: key('embedding_length'),
        headsKey: key('attention.head_count'),
        width: e,
        heads: firstHeads,
      }),
    );
  }

  const present = new Map(header.tensors.map((tensor) => [tensor.name, tensor]));
  const need = (name: string, dims?: readonly number[]): void => {
    const tensor = present.get(name);
    if (tensor === undefined) {
      throw new GgufValidationError(localized('errors:gguf.tensorMissing', { name, architecture }));
    }
    if (dims) checkShape(tensor, dims);
  };
  need('token_embd.weight', [e, tokenizer.vocabSize]);
  need('output_norm.weight', [e]);
  const output = present.get('output.weight');
  if (output) checkShape(output, [e, tokenizer.vocabSize]);
  for (let block = 0; block < blocks; block++) {
    const b = `blk.${block}`;
    const nHead = heads[block] ?? firstHeads;
    const nKv = (kvHeads[block] ?? 0) > 0 ? (kvHeads[block] as number) : nHead;
    for (const norm of spec.blockNorms) need(`${b}.${norm}.weight`);
    const fused = present.has(`${b}.attn_qkv.weight`);
    if (spec.attention === 'separate-or-fused' && fused) {
      need(`${b}.attn_qkv.weight`, [e, headDimK * nHead + headDimK * nKv + headDimV * nKv]);
    } else {
      need(`${b}.attn_q.weight`, [e, headDimK * nHead]);
      need(`${b}.attn_k.weight`, [e, headDimK * nKv]);
      need(`${b}.attn_v.weight`, [e, headDimV * nKv]);
    }
    need(`${b}.attn_output.weight`, [headDimV * nHead, e]);
    const ff = feedForward[block] ?? 0;
    if (present.has(`${b}.ffn_gate_inp.weight`)) {
      // A mixture of experts (Mixtral, Qwen-MoE): llama.cpp checks the expert tensors itself.
      continue;
    }
    if (spec.feedForward === 'fused-gate-up') {
      need(`${b}.ffn_up.weight`, [e, 2 * ff]);
    } else {
      need(`${b}.ffn_gate.weight`, [e, ff]);
      need(`${b}.ffn_up.weight`, [e, ff]);
    }
    need(`${b}.ffn_down.weight`, [ff, e]);
  }
  return {
    contextLength,
    embeddingLength: e,
    blockCount: blocks,
    headCount: firstHeads,
    vocabSize: tokenizer.vocabSize,
    tokenizer: tokenizer.model,
  };
}

/** A per-layer hyperparameter as one value per block (a scalar applies to all of them). */
function perLayer(
  header: GgufHeader,
  key: string,
  blocks: number,
  architecture: string,
  required: boolean,
): number[] {
  const value = header.metadata.get(key);
  if (value === undefined) {
    if (!required) return [];
    throw new GgufValidationError(
      localized('errors:gguf.hyperparameterMissing', { key, architecture }),
    );
  }
  const array = arrayValue(value);
  const values =
    array === undefined
      ? Array.from({ length: blocks }, () => numberValue(value))
      : array.items.map((item) => (typeof item === 'number' ? item : undefined));
  if (array !== undefined && array.items.length !== blocks) {
    throw new GgufValidationError(
      localized('errors:gguf.perLayerCount', { key, count: array.items.length, blocks }),
    );
  }
  return values.map((item) => {
    // 0 is allowed per layer (a layer without attention, in some hybrids) but never negative.
    if (item === undefined || !Number.isInteger(item) || item < 0 || item > MAX_WIDTH) {
      throw new GgufValidationError(
        localized('errors:gguf.hyperparameterImpossible', { key, value: String(item) }),
      );
    }
    return item;
  });
}

function checkShape(tensor: GgufTensorInfo, expected: readonly number[]): void {
  // ggml treats trailing dimensions of 1 as absent.
  const trimmed = [...tensor.dims];
  while (trimmed.length > expected.length && trimmed[trimmed.length - 1] === 1) trimmed.pop();
  if (trimmed.join(',') !== expected.join(',')) {
    throw new GgufValidationError(
      localized('errors:gguf.tensorShape', {
        name: tensor.name,
        actual: tensor.dims.join(', '),
        expected: expected.join(', '),
      }),
    );
  }
}
