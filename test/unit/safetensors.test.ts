import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CheckpointConversionError } from '../../electron/gguf/conversionErrors.js';
import { SafetensorsFile } from '../../electron/gguf/safetensorsReader.js';
import { writeSafetensors } from '../fixtures/tinyGpt2.js';

function rawSafetensors(header: object, data: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([prefix, json, data]);
}

describe('SafetensorsFile', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inkwell-safetensors-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads F32 tensors by name through their offsets', async () => {
    const path = join(dir, 'ok.safetensors');
    await writeSafetensors(
      path,
      new Map([
        ['a', { shape: [2], data: Float32Array.of(1, 2) }],
        ['b', { shape: [1, 3], data: Float32Array.of(3, 4, 5) }],
      ]),
    );
    const file = await SafetensorsFile.open(path);
    try {
      assert.deepEqual(file.tensors.get('b')?.shape, [1, 3]);
      assert.deepEqual([...(await file.readFloat32('b'))], [3, 4, 5]);
      assert.deepEqual([...(await file.readFloat32('a'))], [1, 2]);
    } finally {
      await file.close();
    }
  });

  it('widens F16 and BF16 to float32', async () => {
    const path = join(dir, 'half.safetensors');
    const data = Buffer.from([0x00, 0x3c, 0x00, 0xc0, 0x80, 0x3f]); // f16 1, f16 -2, bf16 1
    await writeFile(
      path,
      rawSafetensors(
        {
          h: { dtype: 'F16', shape: [2], data_offsets: [0, 4] },
          b: { dtype: 'BF16', shape: [1], data_offsets: [4, 6] },
        },
        data,
      ),
    );
    const file = await SafetensorsFile.open(path);
    try {
      assert.deepEqual([...(await file.readFloat32('h'))], [1, -2]);
      assert.deepEqual([...(await file.readFloat32('b'))], [1]);
    } finally {
      await file.close();
    }
  });

  const rejects = async (name: string, bytes: Buffer, pattern: RegExp) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    await assert.rejects(
      SafetensorsFile.open(path),
      (error: unknown) => error instanceof CheckpointConversionError && pattern.test(error.message),
    );
  };

  it('says a tensor ending past the end of the file means truncation', () =>
    rejects(
      'truncated.safetensors',
      rawSafetensors({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, Buffer.alloc(8)),
      /truncated.*tensor a ends at byte/,
    ));

  it('refuses a header length larger than the file', () => {
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64LE(1n << 40n);
    return rejects('huge-header.safetensors', bytes, /header claims/);
  });

  it('refuses offsets that disagree with the shape, and unsupported dtypes', async () => {
    await rejects(
      'short.safetensors',
      rawSafetensors({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 8] } }, Buffer.alloc(8)),
      /shape \[4\] needs 16/,
    );
    await rejects(
      'int.safetensors',
      rawSafetensors({ a: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, Buffer.alloc(8)),
      /dtype I64/,
    );
  });
});
