import type { FileHandle } from 'node:fs/promises';
import type { LocalizedMessage } from '../../shared/errors.js';
import { localized } from '../../shared/i18n/localizedMessage.js';
import { float16BitsToFloat32 } from './float16.js';
import { CheckpointConversionError } from './conversionErrors.js';
import { NotARegularFileError, openRegularFile } from './regularFile.js';

export type SafetensorsDtype = 'F32' | 'F16' | 'BF16';

export interface SafetensorsTensor {
  readonly name: string;
  readonly dtype: SafetensorsDtype;
  /** Row-major (PyTorch) shape. */
  readonly shape: readonly number[];
  /** Absolute byte range in the file. */
  readonly start: number;
  readonly end: number;
}

const DTYPE_BYTES: Record<SafetensorsDtype, number> = { F32: 4, F16: 2, BF16: 2 };
/** The format caps the JSON header at 100 MB; anything larger is not a safetensors file. */
const MAX_HEADER_BYTES = 100 * 1024 * 1024;

/**
 * A safetensors file opened for reading tensor by tensor: the JSON header is parsed once and each
 * tensor's bytes are read on demand through its offsets, so the file is never loaded whole.
 */
export class SafetensorsFile {
  private constructor(
    private readonly handle: FileHandle,
    readonly filePath: string,
    readonly tensors: ReadonlyMap<string, SafetensorsTensor>,
  ) {}

  static async open(filePath: string): Promise<SafetensorsFile> {
    // Only a regular file: the folder is the writer's, and a FIFO there must not hold a thread.
    const handle = await openRegularFile(filePath).catch((error: unknown) => {
      if (!(error instanceof NotARegularFileError)) throw error;
      throw new CheckpointConversionError(
        localized('errors:conversion.truncated', {
          path: filePath,
          detail: localized('errors:gguf.notRegularFile'),
        }),
      );
    });
    try {
      const { size } = await handle.stat();
      const tensors = await readHeader(handle, size, filePath);
      return new SafetensorsFile(handle, filePath, tensors);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Reads one tensor and widens it to float32. */
  async readFloat32(name: string): Promise<Float32Array> {
    const tensor = this.tensors.get(name);
    if (tensor === undefined)
      throw new CheckpointConversionError(localized('errors:conversion.noTensor', { name }));
    const byteLength = tensor.end - tensor.start;
    // F32 is read straight into the result's memory: one copy of the largest tensor, not two.
    const target = tensor.dtype === 'F32' ? new Float32Array(byteLength / 4) : undefined;
    const bytes = target === undefined ? Buffer.alloc(byteLength) : new Uint8Array(target.buffer);
    let filled = 0;
    while (filled < byteLength) {
      const { bytesRead } = await this.handle.read(
        bytes,
        filled,
        byteLength - filled,
        tensor.start + filled,
      );
      if (bytesRead === 0) {
        throw new CheckpointConversionError(localized('errors:conversion.endedEarly', { name }));
      }
      filled += bytesRead;
    }
    return (
      target ??
      widenToFloat32(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), tensor.dtype)
    );
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function readHeader(
  handle: FileHandle,
  fileSize: number,
  filePath: string,
): Promise<Map<string, SafetensorsTensor>> {
  const truncated = (detail: LocalizedMessage) =>
    new CheckpointConversionError(
      localized('errors:conversion.truncated', { path: filePath, detail }),
    );
  if (fileSize < 8) {
    throw truncated(localized('errors:conversion.safetensors.tooShort', { size: fileSize }));
  }
  const lengthBytes = Buffer.alloc(8);
  await handle.read(lengthBytes, 0, 8, 0);
  const headerLength = lengthBytes.readBigUInt64LE(0);
  if (headerLength > BigInt(MAX_HEADER_BYTES) || headerLength > BigInt(fileSize - 8)) {
    throw truncated(
      localized('errors:conversion.safetensors.headerTooLong', {
        length: String(headerLength),
        size: fileSize,
      }),
    );
  }
  const headerBytes = Buffer.alloc(Number(headerLength));
  await handle.read(headerBytes, 0, headerBytes.length, 8);
  let header: unknown;
  try {
    header = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    throw truncated(localized('errors:conversion.safetensors.headerNotJson'));
  }
  if (typeof header !== 'object' || header === null)
    throw truncated(localized('errors:conversion.safetensors.headerNotObject'));

  const dataStart = 8 + headerBytes.length;
  const tensors = new Map<string, SafetensorsTensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const tensor = parseEntry(name, entry, dataStart, filePath);
    if (tensor.end > fileSize) {
      throw new CheckpointConversionError(
        localized('errors:conversion.truncatedTensor', {
          path: filePath,
          name,
          end: tensor.end,
          size: fileSize,
        }),
      );
    }
    tensors.set(name, tensor);
  }
  return tensors;
}

function parseEntry(
  name: string,
  entry: unknown,
  dataStart: number,
  filePath: string,
): SafetensorsTensor {
  const bad = (detail: LocalizedMessage) =>
    new CheckpointConversionError(
      localized('errors:conversion.badTensor', { path: filePath, name, detail }),
    );
  if (typeof entry !== 'object' || entry === null) {
    throw bad(localized('errors:conversion.tensor.noDescription'));
  }
  const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
  if (dtype !== 'F32' && dtype !== 'F16' && dtype !== 'BF16') {
    throw bad(localized('errors:conversion.tensor.badDtype', { dtype: String(dtype) }));
  }
  if (!Array.isArray(shape) || !shape.every((dim) => Number.isSafeInteger(dim) && dim >= 0)) {
    throw bad(localized('errors:conversion.tensor.badShape'));
  }
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)
  ) {
    throw bad(localized('errors:conversion.tensor.badOffsets'));
  }
  const [begin, end] = offsets as [number, number];
  const elements = (shape as number[]).reduce((product, dim) => product * dim, 1);
  if (end - begin !== elements * DTYPE_BYTES[dtype]) {
    throw bad(
      localized('errors:conversion.tensor.sizeMismatch', {
        bytes: end - begin,
        shape: shape.join(', '),
        needed: elements * DTYPE_BYTES[dtype],
      }),
    );
  }
  return { name, dtype, shape: shape as number[], start: dataStart + begin, end: dataStart + end };
}

/** F16 and BF16 to float32 (F32 is read without widening). */
function widenToFloat32(bytes: Buffer, dtype: SafetensorsDtype): Float32Array {
  const count = bytes.length / 2;
  const out = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    const half = bytes.readUInt16LE(index * 2);
    // bfloat16 is the top half of a float32.
    out[index] = dtype === 'F16' ? float16BitsToFloat32(half) : bfloat16ToFloat32(half);
  }
  return out;
}

const bfloatScratch = new DataView(new ArrayBuffer(4));
function bfloat16ToFloat32(bits: number): number {
  bfloatScratch.setUint32(0, bits << 16, true);
  return bfloatScratch.getFloat32(0, true);
}
