import { readFile } from 'node:fs/promises';
import { CheckpointConversionError } from './conversionErrors.js';
import type { Gpt2GgufHyperparameters } from './gpt2GgufRequirements.js';

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

/** GPT-2 variants whose attention llama.cpp's gpt2 graph does not compute; converting them would be silently wrong. */
const UNSUPPORTED_FLAGS: ReadonlyArray<readonly [string, unknown, string]> = [
  ['scale_attn_by_inverse_layer_idx', true, 'attention scaled by the inverse layer index'],
  ['reorder_and_upcast_attn', true, 'reordered, upcast attention'],
  ['scale_attn_weights', false, 'unscaled attention'],
];
/** llama.cpp's gpt2 graph uses the tanh approximation of GELU, the same as these. */
const SUPPORTED_ACTIVATIONS = new Set(['gelu_new', 'gelu_pytorch_tanh', 'gelu_fast', 'gelu']);

export async function readGpt2Config(configPath: string): Promise<Gpt2Hyperparameters> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    throw new CheckpointConversionError(`config.json is missing: expected it at ${configPath}`);
  }
  let config: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    config = parsed as Record<string, unknown>;
  } catch {
    throw new CheckpointConversionError(`config.json at ${configPath} is not a JSON object`);
  }
  if (config.model_type !== 'gpt2') {
    throw new CheckpointConversionError(
      `this is not a GPT-2 checkpoint: config.json says model_type ${JSON.stringify(config.model_type ?? null)}, and only "gpt2" can be converted`,
    );
  }
  for (const [flag, badValue, description] of UNSUPPORTED_FLAGS) {
    if (config[flag] === badValue) {
      throw new CheckpointConversionError(
        `this GPT-2 variant uses ${description} (${flag}), which llama.cpp does not support`,
      );
    }
  }
  const activation = config.activation_function ?? 'gelu_new';
  if (typeof activation !== 'string' || !SUPPORTED_ACTIVATIONS.has(activation)) {
    throw new CheckpointConversionError(
      `activation_function ${JSON.stringify(activation)} is not supported; llama.cpp's GPT-2 uses the GELU tanh approximation (gelu_new)`,
    );
  }
  const embeddingLength = positiveInteger(config, 'n_embd');
  const headCount = positiveInteger(config, 'n_head');
  if (embeddingLength % headCount !== 0) {
    throw new CheckpointConversionError(
      `n_embd (${embeddingLength}) is not divisible by n_head (${headCount})`,
    );
  }
  const innerSize = config.n_inner;
  const epsilon = config.layer_norm_epsilon ?? 1e-5;
  if (typeof epsilon !== 'number' || !(epsilon > 0)) {
    throw new CheckpointConversionError(
      'config.json: layer_norm_epsilon must be a positive number',
    );
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
      `config.json: ${key} must be a positive integer, but it is ${JSON.stringify(value ?? null)}`,
    );
  }
  return value;
}

function optionalTokenId(config: Record<string, unknown>, key: string): number | undefined {
  const value = config[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
