import { access, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { localized } from '../../shared/i18n/localizedMessage.js';
import { CheckpointConversionError } from './conversionErrors.js';
import { encodeFloat16 } from './float16.js';
import { GgmlType, LlamaFileType } from './ggufConstants.js';
import type { GgufValue } from './ggufTypes.js';
import { float32, int32Array, string, stringArray, uint32, bool } from './ggufValues.js';
import { GgufStreamWriter } from './ggufWriter.js';
import { readGpt2Config, type Gpt2Hyperparameters } from './gpt2Config.js';
import { readGpt2Tokenizer, type Gpt2Tokenizer } from './gpt2Tokenizer.js';
import {
  ggufDims,
  gpt2TensorMappings,
  isIgnoredSourceTensor,
  transpose2d,
  type Gpt2TensorMapping,
} from './gpt2TensorMap.js';
import { Q8_0_BLOCK_SIZE, quantizeQ8_0 } from './quantizeQ8_0.js';
import { SafetensorsFile } from './safetensorsReader.js';

export type ConversionType = 'f32' | 'f16' | 'q8_0';

export interface ConversionProgress {
  readonly tensorsDone: number;
  readonly tensorsTotal: number;
  /** Source (safetensors) bytes read so far, of the tensors converted. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly tensorName: string;
}

export interface ConversionOptions {
  readonly type: ConversionType;
  readonly onProgress?: (progress: ConversionProgress) => void;
  readonly signal?: AbortSignal;
  /** general.name; defaults to the folder's name. */
  readonly name?: string;
}

export interface ConversionResult {
  readonly outFile: string;
  readonly bytesWritten: number;
  readonly tensorCount: number;
  readonly parameterCount: number;
  readonly hyperparameters: Gpt2Hyperparameters;
}

const FILE_TYPES: Record<ConversionType, LlamaFileType> = {
  f32: LlamaFileType.AllF32,
  f16: LlamaFileType.MostlyF16,
  q8_0: LlamaFileType.MostlyQ8_0,
};

/**
 * Converts a Hugging Face GPT-2 folder (config.json, model.safetensors, vocab.json, merges.txt) to
 * a GGUF file llama.cpp loads as architecture gpt2. Tensors stream one at a time; the output is
 * written to `<outFile>.partial` and renamed only when complete, so a failed or aborted run never
 * leaves a file that looks finished.
 */
export async function convertGpt2Checkpoint(
  folder: string,
  outFile: string,
  options: ConversionOptions,
): Promise<ConversionResult> {
  if (!(options.type in FILE_TYPES)) {
    throw new CheckpointConversionError(
      localized('errors:conversion.unknownType', { type: JSON.stringify(options.type) }),
    );
  }
  options.signal?.throwIfAborted();
  const files = await locateCheckpointFiles(folder);
  const hparams = await readGpt2Config(files.config);
  const tokenizer = await readGpt2Tokenizer(files.vocab, files.merges, hparams.vocabSize);
  const weights = await SafetensorsFile.open(files.weights);
  const partialFile = `${outFile}.partial`;
  let writer: GgufStreamWriter | undefined;
  try {
    const mappings = planTensors(weights, hparams);
    const plans = mappings.map((mapping) => ({
      name: mapping.ggufName,
      dims: ggufDims(mapping),
      type: targetTensorType(mapping, options.type),
    }));
    const metadata = gpt2Metadata(
      hparams,
      tokenizer,
      options.name ?? basename(resolve(folder)),
      options.type,
    );
    writer = await GgufStreamWriter.create(partialFile, { metadata, tensors: plans });

    const bytesTotal = mappings.reduce((sum, m) => sum + byteLength(weights, m.sourceName), 0);
    let bytesDone = 0;
    let parameterCount = 0;
    for (const [index, mapping] of mappings.entries()) {
      options.signal?.throwIfAborted();
      const plan = plans[index];
      if (plan === undefined) throw new Error('tensor plan out of step');
      let values = await weights.readFloat32(mapping.sourceName);
      if (mapping.transpose) {
        const [rows = 0, cols = 0] = mapping.sourceShape;
        values = transpose2d(values, rows, cols);
      }
      await writer.writeTensor(plan.name, encodeTensor(values, plan.type));
      parameterCount += values.length;
      bytesDone += byteLength(weights, mapping.sourceName);
      options.onProgress?.({
        tensorsDone: index + 1,
        tensorsTotal: mappings.length,
        bytesDone,
        bytesTotal,
        tensorName: plan.name,
      });
    }
    await writer.finish();
    writer = undefined;
    await rename(partialFile, outFile);
    const { size } = await stat(outFile);
    return {
      outFile,
      bytesWritten: size,
      tensorCount: mappings.length,
      parameterCount,
      hyperparameters: hparams,
    };
  } catch (error) {
    await writer?.abandon();
    await rm(partialFile, { force: true });
    throw error;
  } finally {
    await weights.close();
  }
}

async function locateCheckpointFiles(folder: string) {
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new CheckpointConversionError(localized('errors:conversion.notAFolder', { folder }));
  }
  const file = (name: string) => join(folder, name);
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );
  if (!(await exists(file('model.safetensors')))) {
    if (await exists(file('pytorch_model.bin'))) {
      throw new CheckpointConversionError(localized('errors:conversion.pickleOnly', { folder }));
    }
    throw new CheckpointConversionError(
      localized('errors:conversion.safetensorsMissing', { folder }),
    );
  }
  return {
    config: file('config.json'),
    weights: file('model.safetensors'),
    vocab: file('vocab.json'),
    merges: file('merges.txt'),
  };
}

/**
 * Matches the safetensors tensors against the names and shapes the config implies. Accepts an
 * optional "transformer." prefix (GPT2LMHeadModel's own state dict) and ignores the mask buffers.
 */
function planTensors(weights: SafetensorsFile, hparams: Gpt2Hyperparameters): Gpt2TensorMapping[] {
  const byShortName = new Map<string, string>();
  for (const name of weights.tensors.keys())
    byShortName.set(name.replace(/^transformer\./, ''), name);
  const hasUntiedHead = !hparams.tiedOutput && byShortName.has('lm_head.weight');
  const mappings = gpt2TensorMappings(hparams, hasUntiedHead);
  const used = new Set<string>();
  const resolved = mappings.map((mapping) => {
    const sourceName = byShortName.get(mapping.sourceName);
    if (sourceName === undefined) {
      throw new CheckpointConversionError(
        localized('errors:conversion.tensorMissing', { name: mapping.sourceName }),
      );
    }
    const actual = weights.tensors.get(sourceName)?.shape ?? [];
    if (actual.join(',') !== mapping.sourceShape.join(',')) {
      throw new CheckpointConversionError(
        localized('errors:conversion.shapeMismatch', {
          name: sourceName,
          actual: actual.join(', '),
          expected: mapping.sourceShape.join(', '),
        }),
      );
    }
    used.add(mapping.sourceName);
    return { ...mapping, sourceName };
  });
  for (const shortName of byShortName.keys()) {
    // A tied lm_head is a copy of wte; llama.cpp reuses token_embd when output.weight is absent.
    if (used.has(shortName) || isIgnoredSourceTensor(shortName) || shortName === 'lm_head.weight')
      continue;
    throw new CheckpointConversionError(
      localized('errors:conversion.extraTensor', { name: shortName }),
    );
  }
  return resolved;
}

/** llama.cpp's convention: 1-D tensors, norms and position embeddings stay f32; q8_0 needs rows divisible by 32, else f16. */
function targetTensorType(mapping: Gpt2TensorMapping, type: ConversionType): GgmlType {
  if (type === 'f32' || mapping.alwaysF32) return GgmlType.F32;
  if (type === 'f16') return GgmlType.F16;
  const rowLength = ggufDims(mapping)[0] ?? 0;
  return rowLength % Q8_0_BLOCK_SIZE === 0 ? GgmlType.Q8_0 : GgmlType.F16;
}

function encodeTensor(values: Float32Array, type: GgmlType): Uint8Array {
  if (type === GgmlType.F32)
    return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (type === GgmlType.F16) return encodeFloat16(values);
  return quantizeQ8_0(values);
}

function byteLength(weights: SafetensorsFile, name: string): number {
  const tensor = weights.tensors.get(name);
  return tensor === undefined ? 0 : tensor.end - tensor.start;
}

function gpt2Metadata(
  hparams: Gpt2Hyperparameters,
  tokenizer: Gpt2Tokenizer,
  name: string,
  type: ConversionType,
): [string, GgufValue][] {
  const bos = hparams.bosTokenId ?? tokenizer.endOfTextId;
  const eos = hparams.eosTokenId ?? tokenizer.endOfTextId;
  const metadata: [string, GgufValue][] = [
    ['general.architecture', string('gpt2')],
    ['general.name', string(name)],
    ['general.file_type', uint32(FILE_TYPES[type])],
    ['general.quantization_version', uint32(2)],
    ['gpt2.context_length', uint32(hparams.contextLength)],
    ['gpt2.embedding_length', uint32(hparams.embeddingLength)],
    ['gpt2.feed_forward_length', uint32(hparams.feedForwardLength)],
    ['gpt2.block_count', uint32(hparams.blockCount)],
    ['gpt2.attention.head_count', uint32(hparams.headCount)],
    ['gpt2.attention.layer_norm_epsilon', float32(hparams.layerNormEpsilon)],
    ['tokenizer.ggml.model', string('gpt2')],
    ['tokenizer.ggml.pre', string('gpt-2')],
    ['tokenizer.ggml.tokens', stringArray(tokenizer.tokens)],
    ['tokenizer.ggml.token_type', int32Array(tokenizer.tokenTypes)],
    ['tokenizer.ggml.merges', stringArray(tokenizer.merges)],
    // GPT-2 prompts start without a BOS token (the reference vectors are computed that way).
    ['tokenizer.ggml.add_bos_token', bool(false)],
  ];
  if (bos !== undefined) metadata.push(['tokenizer.ggml.bos_token_id', uint32(bos)]);
  if (eos !== undefined) metadata.push(['tokenizer.ggml.eos_token_id', uint32(eos)]);
  return metadata;
}
