import { float32ToFloat16Bits } from './float16.js';

/** Values per q8_0 block (ggml's QK8_0). */
export const Q8_0_BLOCK_SIZE = 32;
/** A block is a half-float scale followed by 32 signed bytes. */
export const Q8_0_BLOCK_BYTES = 2 + Q8_0_BLOCK_SIZE;

/**
 * ggml's reference q8_0 quantization (quantize_row_q8_0_ref), reproduced bit for bit so llama.cpp
 * reads exactly what its own tools would write: per block of 32, d = amax / 127 and q = round(x / d)
 * computed in float32 (x * (1/d)), rounding halves away from zero like C's roundf; d is stored as f16.
 */
export function quantizeQ8_0(values: Float32Array): Uint8Array {
  if (values.length % Q8_0_BLOCK_SIZE !== 0) {
    throw new Error(`q8_0 needs a multiple of ${Q8_0_BLOCK_SIZE} values, got ${values.length}`);
  }
  const blockCount = values.length / Q8_0_BLOCK_SIZE;
  const out = new Uint8Array(blockCount * Q8_0_BLOCK_BYTES);
  const view = new DataView(out.buffer);
  for (let block = 0; block < blockCount; block++) {
    const start = block * Q8_0_BLOCK_SIZE;
    let absoluteMax = 0;
    for (let index = start; index < start + Q8_0_BLOCK_SIZE; index++) {
      absoluteMax = Math.max(absoluteMax, Math.abs(values[index] ?? 0));
    }
    const scale = Math.fround(absoluteMax / 127);
    const inverseScale = scale === 0 ? 0 : Math.fround(1 / scale);
    const blockOffset = block * Q8_0_BLOCK_BYTES;
    view.setUint16(blockOffset, float32ToFloat16Bits(scale), true);
    for (let index = 0; index < Q8_0_BLOCK_SIZE; index++) {
      const scaled = Math.fround((values[start + index] ?? 0) * inverseScale);
      view.setInt8(blockOffset + 2 + index, roundHalfAwayFromZero(scaled));
    }
  }
  return out;
}

function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
}
