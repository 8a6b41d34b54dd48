import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  encodeFloat16,
  float16BitsToFloat32,
  float32ToFloat16Bits,
} from '../../electron/gguf/float16.js';
import { quantizeQ8_0 } from '../../electron/gguf/quantizeQ8_0.js';

describe('float32 -> float16 (ggml rounding)', () => {
  it('rounds to nearest with ties to even', () => {
    assert.equal(float32ToFloat16Bits(1), 0x3c00);
    // 1 + 2^-11 is exactly halfway between 1 and the next half (1 + 2^-10): ties go to the even 1.
    assert.equal(float32ToFloat16Bits(1 + 2 ** -11), 0x3c00);
    // 1 + 3 * 2^-11 is halfway between odd 0x3c01 and even 0x3c02: rounds up to even.
    assert.equal(float32ToFloat16Bits(1 + 3 * 2 ** -11), 0x3c02);
    assert.equal(float32ToFloat16Bits(-2), 0xc000);
    assert.equal(float32ToFloat16Bits(0.1), 0x2e66);
  });

  it('keeps subnormals, flushes what is below half the smallest to zero, and overflows to infinity', () => {
    assert.equal(float32ToFloat16Bits(2 ** -24), 0x0001);
    assert.equal(float32ToFloat16Bits(2 ** -26), 0x0000);
    assert.equal(float32ToFloat16Bits(-(2 ** -14)), 0x8400);
    assert.equal(float32ToFloat16Bits(65504), 0x7bff);
    assert.equal(float32ToFloat16Bits(65520), 0x7c00);
    assert.equal(float32ToFloat16Bits(Infinity), 0x7c00);
    assert.ok(Number.isNaN(float16BitsToFloat32(float32ToFloat16Bits(NaN))));
  });

  it('round-trips every finite half exactly', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      const back = float32ToFloat16Bits(float16BitsToFloat32(bits));
      assert.equal(back, bits === 0x8000 ? 0x8000 : bits, `bits ${bits.toString(16)}`);
    }
  });

  it('encodes little-endian', () => {
    assert.deepEqual([...encodeFloat16(Float32Array.of(1, -2))], [0x00, 0x3c, 0x00, 0xc0]);
  });
});

describe('q8_0 quantization (ggml reference)', () => {
  it('stores amax/127 as an f16 scale and rounds x * (1/d) half away from zero', () => {
    const values = new Float32Array(32);
    values[0] = 1.27;
    values[1] = -1.27;
    values[2] = 0.005; // 0.5 after scaling: rounds away from zero to 1
    values[3] = -0.005;
    values[4] = 0.6;
    const block = quantizeQ8_0(values);
    assert.equal(block.length, 34);
    const view = new DataView(block.buffer);
    assert.equal(
      view.getUint16(0, true),
      float32ToFloat16Bits(Math.fround(Math.fround(1.27) / 127)),
    );
    assert.deepEqual(
      [view.getInt8(2), view.getInt8(3), view.getInt8(4), view.getInt8(5), view.getInt8(6)],
      [127, -127, 1, -1, 60],
    );
  });

  it('writes a zero scale and zeros for an all-zero block', () => {
    assert.deepEqual([...quantizeQ8_0(new Float32Array(32))], new Array(34).fill(0));
  });

  it('reconstructs values within half a step of the scale', () => {
    const values = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i) * (i < 32 ? 0.1 : 3));
    const blocks = quantizeQ8_0(values);
    const view = new DataView(blocks.buffer);
    for (let i = 0; i < values.length; i++) {
      const blockOffset = Math.floor(i / 32) * 34;
      const scale = float16BitsToFloat32(view.getUint16(blockOffset, true));
      const restored = scale * view.getInt8(blockOffset + 2 + (i % 32));
      assert.ok(Math.abs(restored - values[i]!) <= scale * 0.5 + Math.abs(values[i]!) * 1e-3);
    }
  });

  it('refuses a length that is not a whole number of blocks', () => {
    assert.throws(() => quantizeQ8_0(new Float32Array(33)), /multiple of 32/);
  });
});
