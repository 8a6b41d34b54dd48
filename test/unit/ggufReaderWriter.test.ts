import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GgmlType, GgufValueType } from '../../electron/gguf/ggufConstants.js';
import { GgufValidationError } from '../../electron/gguf/ggufErrors.js';
import { readGgufHeader } from '../../electron/gguf/ggufReader.js';
import type { GgufValue } from '../../electron/gguf/ggufTypes.js';
import { GgufStreamWriter } from '../../electron/gguf/ggufWriter.js';

const EVERY_VALUE_TYPE: [string, GgufValue][] = [
  ['u8', { type: GgufValueType.Uint8, value: 200 }],
  ['i8', { type: GgufValueType.Int8, value: -100 }],
  ['u16', { type: GgufValueType.Uint16, value: 60000 }],
  ['i16', { type: GgufValueType.Int16, value: -30000 }],
  ['u32', { type: GgufValueType.Uint32, value: 4000000000 }],
  ['i32', { type: GgufValueType.Int32, value: -2000000000 }],
  ['f32', { type: GgufValueType.Float32, value: 0.5 }],
  ['bool', { type: GgufValueType.Bool, value: true }],
  ['string', { type: GgufValueType.String, value: 'héllo ✓' }],
  ['u64', { type: GgufValueType.Uint64, value: 2n ** 63n }],
  ['i64', { type: GgufValueType.Int64, value: -(2n ** 62n) }],
  ['f64', { type: GgufValueType.Float64, value: Math.PI }],
  [
    'strings',
    { type: GgufValueType.Array, itemType: GgufValueType.String, items: ['a', '', 'ccc'] },
  ],
  ['ints', { type: GgufValueType.Array, itemType: GgufValueType.Int32, items: [1, -2, 3] }],
  [
    'nested',
    {
      type: GgufValueType.Array,
      itemType: GgufValueType.Array,
      items: [{ type: GgufValueType.Array, itemType: GgufValueType.Uint8, items: [1, 2] }],
    },
  ],
];

describe('GGUF writer and reader', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inkwell-gguf-rw-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('round-trips every metadata value type and the tensor table, with aligned data', async () => {
    const path = join(dir, 'all.gguf');
    const writer = await GgufStreamWriter.create(path, {
      metadata: EVERY_VALUE_TYPE,
      tensors: [
        { name: 'a', dims: [3], type: GgmlType.F32 },
        { name: 'b', dims: [32, 2], type: GgmlType.Q8_0 },
      ],
    });
    await writer.writeTensor('a', new Uint8Array(12).fill(1));
    await writer.writeTensor('b', new Uint8Array(68).fill(2));
    await writer.finish();

    const header = await readGgufHeader(path);
    assert.equal(header.version, 3);
    assert.deepEqual([...header.metadata], EVERY_VALUE_TYPE);
    assert.equal(header.alignment, 32);
    assert.equal(header.dataOffset % 32, 0);
    assert.deepEqual(header.tensors, [
      { name: 'a', dims: [3], type: GgmlType.F32, offset: 0 },
      { name: 'b', dims: [32, 2], type: GgmlType.Q8_0, offset: 32 },
    ]);
    const bytes = await readFile(path);
    assert.equal(bytes.length, header.dataOffset + 32 + 96);
    assert.equal(bytes[header.dataOffset + 11], 1);
    assert.equal(bytes[header.dataOffset + 12], 0, 'padding after a tensor is zeros');
    assert.equal(bytes[header.dataOffset + 32], 2);
  });

  it('honours a custom general.alignment', async () => {
    const path = join(dir, 'aligned.gguf');
    const writer = await GgufStreamWriter.create(path, {
      metadata: [],
      tensors: [
        { name: 'x', dims: [1], type: GgmlType.F32 },
        { name: 'y', dims: [1], type: GgmlType.F32 },
      ],
      alignment: 64,
    });
    await writer.writeTensor('x', new Uint8Array(4));
    await writer.writeTensor('y', new Uint8Array(4));
    await writer.finish();
    const header = await readGgufHeader(path);
    assert.equal(header.alignment, 64);
    assert.equal(header.dataOffset % 64, 0);
    assert.equal(header.tensors[1]?.offset, 64);
  });

  it('refuses tensors out of plan order or of the wrong size', async () => {
    const writer = await GgufStreamWriter.create(join(dir, 'plan.gguf'), {
      metadata: [],
      tensors: [{ name: 'x', dims: [2], type: GgmlType.F32 }],
    });
    await assert.rejects(writer.writeTensor('y', new Uint8Array(8)), /expected tensor x/);
    await assert.rejects(writer.writeTensor('x', new Uint8Array(4)), /plan says 8/);
    await writer.abandon();
  });

  it('reads version 2 files', async () => {
    const path = join(dir, 'v2.gguf');
    const writer = await GgufStreamWriter.create(path, {
      metadata: [['k', { type: GgufValueType.Uint32, value: 1 }]],
      tensors: [],
    });
    await writer.finish();
    const bytes = await readFile(path);
    bytes.writeUInt32LE(2, 4);
    await writeFile(path, bytes);
    assert.equal((await readGgufHeader(path)).version, 2);
  });

  it('refuses an alignment that is not a power of two', async () => {
    const path = join(dir, 'bad-alignment.gguf');
    const writer = await GgufStreamWriter.create(path, {
      metadata: [['general.alignment', { type: GgufValueType.Uint32, value: 48 }]],
      tensors: [],
      alignment: 48,
    });
    await writer.finish();
    await assert.rejects(
      readGgufHeader(path),
      (error: unknown) =>
        error instanceof GgufValidationError && /power of two/.test(error.message),
    );
  });

  it(
    'refuses a FIFO or a folder at once instead of waiting on it',
    { timeout: 60_000 },
    async () => {
      const fifo = join(dir, 'pipe.gguf');
      // Node has no mkfifo; without the regular-file check, reading this waits for a writer forever.
      execFileSync('mkfifo', [fifo]);
      const folder = join(dir, 'folder.gguf');
      await mkdir(folder);
      for (const path of [fifo, folder]) {
        await assert.rejects(readGgufHeader(path), (error: unknown) => {
          assert.ok(error instanceof GgufValidationError);
          assert.equal(error.message, 'it is not a regular file');
          assert.equal(error.filePath, path);
          return true;
        });
      }
    },
  );
});
