/**
 * The GGUF value types llama.cpp insists on for the metadata keys it reads from a model file.
 * llama.cpp reads each key as exactly one type (a context length stored as f32 or u64 is refused,
 * not converted) and refuses the whole file for any key it reads with another type, even an
 * optional one it does not need; its reason only reaches its log. Checking the same types first
 * names the key to the writer. Taken from the llama.cpp bundled with node-llama-cpp 3.21.1
 * (llama-model-loader, load_hparams, the vocabulary loader); keys llama.cpp does not read are
 * free to have any type.
 */
import { localized } from '../../shared/i18n/localizedMessage.js';
import { GgufValueType } from './ggufConstants.js';
import { GgufValidationError } from './ggufErrors.js';
import type { GgufValue } from './ggufTypes.js';

/** One scalar type, or an array whose items have one of the given types. */
export type ExpectedType =
  | { readonly scalar: GgufValueType }
  | { readonly arrayOf: readonly GgufValueType[] }
  | { readonly scalarOrArray: GgufValueType; readonly arrayOf: readonly GgufValueType[] };

const U16 = { scalar: GgufValueType.Uint16 };
const U32 = { scalar: GgufValueType.Uint32 };
const F32 = { scalar: GgufValueType.Float32 };
const BOOL = { scalar: GgufValueType.Bool };
const STRING = { scalar: GgufValueType.String };

/** Keys read whatever the architecture: the file's own, and the tokenizer's. */
export const GENERAL_KEY_TYPES: ReadonlyMap<string, ExpectedType> = new Map<string, ExpectedType>([
  ['general.architecture', STRING],
  ['general.name', STRING],
  ['general.file_type', U32],
  ['general.alignment', U32],
  ['split.count', U16],
  ['split.no', U16],
  ['tokenizer.ggml.model', STRING],
  ['tokenizer.ggml.pre', STRING],
  ['tokenizer.ggml.token_type_count', U32],
  ['tokenizer.ggml.tokens', { arrayOf: [GgufValueType.String] }],
  ['tokenizer.ggml.merges', { arrayOf: [GgufValueType.String] }],
  ['tokenizer.ggml.token_type', { arrayOf: [GgufValueType.Int32] }],
  ['tokenizer.ggml.scores', { arrayOf: [GgufValueType.Float32, GgufValueType.Int32] }],
  ['tokenizer.ggml.suppress_tokens', { arrayOf: [GgufValueType.Int32] }],
  ...[
    'bos',
    'eos',
    'eot',
    'eom',
    'unknown',
    'seperator',
    'padding',
    'mask',
    'fim_pre',
    'fim_suf',
    'fim_mid',
    'fim_pad',
    'fim_rep',
    'fim_sep',
    'prefix',
    'suffix',
    'middle',
  ].map((name): [string, ExpectedType] => [`tokenizer.ggml.${name}_token_id`, U32]),
  ...[
    'add_bos_token',
    'add_eos_token',
    'add_sep_token',
    'add_space_prefix',
    'remove_extra_whitespaces',
    'normalizer.lowercase',
    'normalizer.strip_accents',
  ].map((name): [string, ExpectedType] => [`tokenizer.ggml.${name}`, BOOL]),
]);

/** A per-layer key llama.cpp reads as one u32 or as an array with one value per layer. */
const U32_PER_LAYER: ExpectedType = {
  scalarOrArray: GgufValueType.Uint32,
  arrayOf: [GgufValueType.Uint32, GgufValueType.Int32, GgufValueType.Float32],
};

/**
 * Keys llama.cpp reads under the architecture's prefix. The per-layer keys (feed-forward length,
 * head counts) may be arrays for llama.cpp (`get_key_or_arr`); a GPT-2 has one value for all
 * layers (`perLayerArrays: false`), and its tensor shapes are checked against that one value.
 */
export function architectureKeyTypes(
  architecture: string,
  { perLayerArrays = true }: { perLayerArrays?: boolean } = {},
): ReadonlyMap<string, ExpectedType> {
  const perLayer = perLayerArrays ? U32_PER_LAYER : U32;
  const entries: [string, ExpectedType][] = [
    ['context_length', U32],
    ['embedding_length', U32],
    ['embedding_length_out', U32],
    ['block_count', U32],
    ['feed_forward_length', perLayer],
    ['attention.head_count', perLayer],
    ['attention.head_count_kv', perLayer],
    ['attention.layer_norm_epsilon', F32],
    ['attention.layer_norm_rms_epsilon', F32],
    ['attention.sliding_window', U32],
    ['attn_logit_softcapping', F32],
    ['final_logit_softcapping', F32],
    ['attention.causal', BOOL],
    ['attention.key_length', U32],
    ['attention.value_length', U32],
    ['attention.key_length_swa', U32],
    ['attention.value_length_swa', U32],
    ['pooling_type', U32],
    ['nextn_predict_layers', U32],
    ['expert_count', U32],
    ['expert_used_count', U32],
    ['expert_group_count', U32],
    ['expert_group_used_count', U32],
    ['rope.dimension_count', U32],
    ['rope.dimension_count_swa', U32],
    ['rope.freq_base', F32],
    ['rope.scale_linear', F32],
    ['rope.scaling.type', STRING],
    ['rope.scaling.factor', F32],
    ['rope.scaling.alpha', F32],
    ['rope.scaling.attn_factor', F32],
    ['rope.scaling.original_context_length', U32],
    ['rope.scaling.finetuned', BOOL],
    ['classifier.output_labels', { arrayOf: [GgufValueType.String] }],
  ];
  return new Map(entries.map(([key, type]) => [`${architecture}.${key}`, type]));
}

/** Throws naming the first key that is present with a type llama.cpp would refuse. */
export function checkKeyTypes(
  metadata: ReadonlyMap<string, GgufValue>,
  expected: ReadonlyMap<string, ExpectedType>,
): void {
  for (const [key, want] of expected) {
    const value = metadata.get(key);
    if (value === undefined || hasType(value, want)) continue;
    throw new GgufValidationError(
      localized('errors:gguf.wrongType', {
        key,
        actual: describeValueType(value),
        expected: describeExpected(want),
      }),
    );
  }
}

function hasType(value: GgufValue, want: ExpectedType): boolean {
  if ('scalar' in want) return value.type === want.scalar;
  if ('scalarOrArray' in want && value.type === want.scalarOrArray) return true;
  return value.type === GgufValueType.Array && want.arrayOf.includes(value.itemType);
}

/** Type names as in the GGUF specification ("u32", "f32", "string"); arrays as "i32[]". */
const TYPE_NAMES: Readonly<Record<GgufValueType, string>> = {
  [GgufValueType.Uint8]: 'u8',
  [GgufValueType.Int8]: 'i8',
  [GgufValueType.Uint16]: 'u16',
  [GgufValueType.Int16]: 'i16',
  [GgufValueType.Uint32]: 'u32',
  [GgufValueType.Int32]: 'i32',
  [GgufValueType.Float32]: 'f32',
  [GgufValueType.Bool]: 'bool',
  [GgufValueType.String]: 'string',
  [GgufValueType.Array]: 'array',
  [GgufValueType.Uint64]: 'u64',
  [GgufValueType.Int64]: 'i64',
  [GgufValueType.Float64]: 'f64',
};

export function describeValueType(value: GgufValue): string {
  return value.type === GgufValueType.Array
    ? `${TYPE_NAMES[value.itemType]}[]`
    : TYPE_NAMES[value.type];
}

function describeExpected(want: ExpectedType): string {
  if ('scalar' in want) return TYPE_NAMES[want.scalar];
  if ('scalarOrArray' in want) {
    return [
      TYPE_NAMES[want.scalarOrArray],
      ...want.arrayOf.map((type) => `${TYPE_NAMES[type]}[]`),
    ].join(' / ');
  }
  return want.arrayOf.map((type) => `${TYPE_NAMES[type]}[]`).join(' / ');
}
