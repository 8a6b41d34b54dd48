import { localized } from '../../shared/i18n/localizedMessage.js';
import { CheckpointConversionError } from './conversionErrors.js';
import type { Gpt2GgufHyperparameters } from './gpt2GgufRequirements.js';
import { readRegularTextFile } from './regularFile.js';

/**
 * The hyperparameters of a Hugging Face GPT-2 checkpoint that the GGUF file needs: the gpt2.*
 * ones the validator checks (checkGpt2Requirements), plus the output tie and special tokens.
 */
export interface Gpt2Hyperparameters extends Gpt2GgufHyperparameters {
  /** false when the checkpoint has its own lm_head (tie_word_embeddings: false). */
  readonly tiedOutput: boolean;
  readonly bosTokenId: number | undefined;
  readonly eosTokenId: number | undefined;
}

/**
 * GPT-2 variants whose attention llama.cpp's gpt2 graph does not compute; converting them would be
 * silently wrong. Each is described by errors:conversion.variants.<flag>.
 */
const UNSUPPORTED_FLAGS = [
  ['scale_attn_by_inverse_layer_idx', true],
  ['reorder_and_upcast_attn', true],
  ['scale_attn_weights', false],
] as const;
/** llama.cpp's gpt2 graph uses the tanh approximation of GELU, the same as these. */
const SUPPORTED_ACTIVATIONS = new Set(['gelu_new', 'gelu_pytorch_tanh', 'gelu_fast', 'gelu']);

export async function readGpt2Config(configPath: string): Promise<Gpt2Hyperparameters> {
  let text: string;
  try {
    text = await readRegularTextFile(configPath);
  } catch {
    throw new CheckpointConversionError(
      localized('errors:conversion.configMissing', { path: configPath }),
    );
  }
  let config: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    config = parsed as Record<string, unknown>;
  } catch {
    throw new CheckpointConversionError(
      localized('errors:conversion.configNotObject', { path: configPath }),
    );
  }
  if (config.model_type !== 'gpt2') {
    throw new CheckpointConversionError(
      localized('errors:conversion.notGpt2', {
        modelType: JSON.stringify(config.model_type ?? null),
      }),
    );
  }
  for (const [flag, badValue] of UNSUPPORTED_FLAGS) {
    if (config[flag] === badValue) {
      throw new CheckpointConversionError(
        localized('errors:conversion.unsupportedVariant', {
          feature: localized(`errors:conversion.variants.${flag}`),
          flag,
        }),
      );
    }
  }
  const activation = config.activation_function ?? 'gelu_new';
  if (typeof activation !== 'string' || !SUPPORTED_ACTIVATIONS.has(activation)) {
    throw new CheckpointConversionError(
      localized('errors:conversion.unsupportedActivation', {
        activation: JSON.stringify(activation),
      }),
    );
  }
  const embeddingLength = positiveInteger(config, 'n_embd');
  const headCount = positiveInteger(config, 'n_head');
  if (embeddingLength % headCount !== 0) {
    throw new CheckpointConversionError(
      localized('errors:conversion.headsDoNotDivide', { width: embeddingLength, heads: headCount }),
    );
  }
  const innerSize = config.n_inner;
  const epsilon = config.layer_norm_epsilon ?? 1e-5;
  if (typeof epsilon !== 'number' || !(epsilon > 0)) {
    throw new CheckpointConversionError(localized('errors:conversion.badEpsilon'));
  }
  return {
    vocabSize: positiveInteger(config, 'vocab_size'),
    contextLength: positiveInteger(
      config,
      config.n_positions === undefined ? 'n_ctx' : 'n_positions',
    ),
    embeddingLength,
    feedForwardLength:
      innerSize === null || innerSize === undefined
        ? 4 * embeddingLength
        : positiveInteger(config, 'n_inner'),
    blockCount: positiveInteger(config, 'n_layer'),
    headCount,
    layerNormEpsilon: epsilon,
    tiedOutput: config.tie_word_embeddings !== false,
    bosTokenId: optionalTokenId(config, 'bos_token_id'),
    eosTokenId: optionalTokenId(config, 'eos_token_id'),
  };
}

function positiveInteger(config: Record<string, unknown>, key: string): number {
  const value = config[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new CheckpointConversionError(
      localized('errors:conversion.notPositiveInteger', {
        key,
        value: JSON.stringify(value ?? null),
      }),
    );
  }
  return value;
}

function optionalTokenId(config: Record<string, unknown>, key: string): number | undefined {
  const value = config[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
