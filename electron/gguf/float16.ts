/**
 * IEEE half precision conversion matching ggml's GGML_FP32_TO_FP16: round to nearest, ties to
 * even, overflow to infinity, subnormals kept. Node 20 has no Float16Array, so this works on bits.
 */

const scratchFloat = new Float32Array(1);
const scratchBits = new Uint32Array(scratchFloat.buffer);

export function float32ToFloat16Bits(value: number): number {
  scratchFloat[0] = value;
  const bits = scratchBits[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal in half precision: shift the full significand into the 10 mantissa bits.
    if (halfExponent < -10) return sign;
    const significand = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShiftRightEven(significand, shift);
  }
  // A carry out of the mantissa correctly bumps the exponent (and reaches infinity at the top).
  return sign | ((halfExponent << 10) + roundShiftRightEven(mantissa, 13));
}

function roundShiftRightEven(value: number, shift: number): number {
  const kept = Math.floor(value / 2 ** shift);
  const remainder = value - kept * 2 ** shift;
  const halfway = 2 ** (shift - 1);
  if (remainder > halfway || (remainder === halfway && (kept & 1) === 1)) return kept + 1;
  return kept;
}

export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** Encodes float32 values as little-endian half floats (ggml's F16 tensor layout). */
export function encodeFloat16(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (let index = 0; index < values.length; index++) {
    view.setUint16(index * 2, float32ToFloat16Bits(values[index] ?? 0), true);
  }
  return out;
}
