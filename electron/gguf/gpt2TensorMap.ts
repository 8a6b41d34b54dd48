import type { Gpt2Hyperparameters } from './gpt2Config.js';

/** How one Hugging Face GPT-2 tensor becomes one llama.cpp gpt2 tensor. */
export interface Gpt2TensorMapping {
  readonly sourceName: string;
  readonly ggufName: string;
  /** Row-major shape the config implies for the source tensor. */
  readonly sourceShape: readonly number[];
  /**
   * HF GPT-2 uses Conv1D, which stores weights as [in, out]; llama.cpp multiplies by weights
   * stored as [out][in] rows (ggml dims [in, out]), so these are transposed while converting.
   */
  readonly transpose: boolean;
  /** Kept in float32 whatever the target type: llama.cpp's convention for norms, biases and position embeddings. */
  readonly alwaysF32: boolean;
}

/** Every tensor the gpt2 graph needs, in the order they are written. */
export function gpt2TensorMappings(
  hparams: Gpt2Hyperparameters,
  hasUntiedHead: boolean,
): Gpt2TensorMapping[] {
  const {
    vocabSize: vocab,
    embeddingLength: embd,
    feedForwardLength: ff,
    contextLength: ctx,
  } = hparams;
  const mappings: Gpt2TensorMapping[] = [
    map('wte.weight', 'token_embd.weight', [vocab, embd]),
    map('wpe.weight', 'position_embd.weight', [ctx, embd], { alwaysF32: true }),
  ];
  for (let block = 0; block < hparams.blockCount; block++) {
    const hf = `h.${block}`;
    const gg = `blk.${block}`;
    mappings.push(
      map(`${hf}.ln_1.weight`, `${gg}.attn_norm.weight`, [embd]),
      map(`${hf}.ln_1.bias`, `${gg}.attn_norm.bias`, [embd]),
      map(`${hf}.attn.c_attn.weight`, `${gg}.attn_qkv.weight`, [embd, 3 * embd], {
        transpose: true,
      }),
      map(`${hf}.attn.c_attn.bias`, `${gg}.attn_qkv.bias`, [3 * embd]),
      map(`${hf}.attn.c_proj.weight`, `${gg}.attn_output.weight`, [embd, embd], {
        transpose: true,
      }),
      map(`${hf}.attn.c_proj.bias`, `${gg}.attn_output.bias`, [embd]),
      map(`${hf}.ln_2.weight`, `${gg}.ffn_norm.weight`, [embd]),
      map(`${hf}.ln_2.bias`, `${gg}.ffn_norm.bias`, [embd]),
      map(`${hf}.mlp.c_fc.weight`, `${gg}.ffn_up.weight`, [embd, ff], { transpose: true }),
      map(`${hf}.mlp.c_fc.bias`, `${gg}.ffn_up.bias`, [ff]),
      map(`${hf}.mlp.c_proj.weight`, `${gg}.ffn_down.weight`, [ff, embd], { transpose: true }),
      map(`${hf}.mlp.c_proj.bias`, `${gg}.ffn_down.bias`, [embd]),
    );
  }
  mappings.push(
    map('ln_f.weight', 'output_norm.weight', [embd]),
    map('ln_f.bias', 'output_norm.bias', [embd]),
  );
  if (hasUntiedHead) mappings.push(map('lm_head.weight', 'output.weight', [vocab, embd]));
  return mappings;
}

function map(
  sourceName: string,
  ggufName: string,
  sourceShape: number[],
  options: { transpose?: boolean; alwaysF32?: boolean } = {},
): Gpt2TensorMapping {
  return {
    sourceName,
    ggufName,
    sourceShape,
    transpose: options.transpose ?? false,
    // 1-D tensors (norm weights, biases) stay f32: most of ggml only handles them in f32.
    alwaysF32: options.alwaysF32 ?? sourceShape.length === 1,
  };
}

/** ggml dims of the converted tensor: the row-major shape reversed (after any transpose). */
export function ggufDims(mapping: Gpt2TensorMapping): number[] {
  const shape = mapping.transpose ? [...mapping.sourceShape].reverse() : [...mapping.sourceShape];
  return shape.reverse();
}

/** Source names that carry nothing llama.cpp needs (the causal-mask buffers HF rebuilds). */
export function isIgnoredSourceTensor(name: string): boolean {
  return /^h\.\d+\.attn\.(bias|masked_bias)$/.test(name);
}

/** Row-major [rows, cols] -> [cols, rows]. */
export function transpose2d(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let row = 0; row < rows; row++) {
    const rowStart = row * cols;
    for (let col = 0; col < cols; col++) out[col * rows + row] = values[rowStart + col] ?? 0;
  }
  return out;
}
