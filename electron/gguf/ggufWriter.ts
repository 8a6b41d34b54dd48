import { open, type FileHandle } from 'node:fs/promises';
import { ByteBuilder } from './byteBuilder.js';
import {
  GGML_TYPES,
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GgufValueType,
  tensorByteSize,
} from './ggufConstants.js';
import type { GgufScalar, GgufValue } from './ggufTypes.js';
import { uint32 } from './ggufValues.js';

export interface GgufTensorPlan {
  readonly name: string;
  /** ggml order: dims[0] is the row length. */
  readonly dims: readonly number[];
  readonly type: number;
}

export interface GgufWritePlan {
  readonly metadata: ReadonlyArray<readonly [string, GgufValue]>;
  readonly tensors: readonly GgufTensorPlan[];
  readonly alignment?: number;
}

/**
 * Writes a GGUF v3 file in one forward pass: the header (metadata and tensor infos, whose sizes are
 * known from the plan) first, then each tensor's bytes in plan order, padded to the alignment. Only
 * the tensor being written needs to be in memory.
 */
export class GgufStreamWriter {
  private nextTensor = 0;
  private position: number;

  private constructor(
    private readonly handle: FileHandle,
    private readonly tensors: readonly (GgufTensorPlan & { byteSize: number })[],
    private readonly alignment: number,
    headerBytes: number,
  ) {
    this.position = headerBytes;
  }

  static async create(filePath: string, plan: GgufWritePlan): Promise<GgufStreamWriter> {
    const alignment = plan.alignment ?? GGUF_DEFAULT_ALIGNMENT;
    const sized = plan.tensors.map((tensor) => ({ ...tensor, byteSize: plannedByteSize(tensor) }));
    const header = encodeHeader(plan, sized, alignment);
    const handle = await open(filePath, 'w');
    try {
      await writeAll(handle, header, 0);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new GgufStreamWriter(handle, sized, alignment, header.length);
  }

  /** Bytes of the whole file once every tensor is written. */
  get totalTensorBytes(): number {
    return this.tensors.reduce((sum, tensor) => sum + alignUp(tensor.byteSize, this.alignment), 0);
  }

  async writeTensor(name: string, data: Uint8Array): Promise<void> {
    const expected = this.tensors[this.nextTensor];
    if (expected === undefined) throw new Error(`tensor ${name} was not in the write plan`);
    if (expected.name !== name)
      throw new Error(`expected tensor ${expected.name} next, got ${name}`);
    if (data.byteLength !== expected.byteSize) {
      throw new Error(
        `tensor ${name} has ${data.byteLength} bytes, the plan says ${expected.byteSize}`,
      );
    }
    await writeAll(this.handle, data, this.position);
    const padding = alignUp(data.byteLength, this.alignment) - data.byteLength;
    if (padding > 0)
      await writeAll(this.handle, new Uint8Array(padding), this.position + data.byteLength);
    this.position += data.byteLength + padding;
    this.nextTensor++;
  }

  /** Flushes to disk and closes; fails if a planned tensor was never written. */
  async finish(): Promise<void> {
    try {
      if (this.nextTensor !== this.tensors.length) {
        throw new Error(`only ${this.nextTensor} of ${this.tensors.length} tensors were written`);
      }
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
  }

  /** Closes without completing (the caller removes the file). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

function plannedByteSize(tensor: GgufTensorPlan): number {
  const traits = GGML_TYPES.get(tensor.type);
  if (traits === undefined)
    throw new Error(`tensor ${tensor.name} has unknown ggml type ${tensor.type}`);
  const size = tensorByteSize(traits, tensor.dims);
  if (size === undefined) {
    throw new Error(
      `tensor ${tensor.name}: row length ${tensor.dims[0]} is not a multiple of ${traits.name}'s block`,
    );
  }
  return size;
}

function encodeHeader(
  plan: GgufWritePlan,
  tensors: readonly (GgufTensorPlan & { byteSize: number })[],
  alignment: number,
): Buffer {
  const metadata = plan.metadata.filter(([key]) => key !== 'general.alignment');
  if (alignment !== GGUF_DEFAULT_ALIGNMENT) metadata.push(['general.alignment', uint32(alignment)]);
  const out = new ByteBuilder();
  for (const char of GGUF_MAGIC) out.u8(char.charCodeAt(0));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(metadata.length);
  for (const [key, value] of metadata) {
    out.string(key);
    out.u32(value.type);
    encodeValue(out, value);
  }
  let offset = 0;
  for (const tensor of tensors) {
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(dim);
    out.u32(tensor.type);
    out.u64(offset);
    offset += alignUp(tensor.byteSize, alignment);
  }
  out.zeros(alignUp(out.length, alignment) - out.length);
  return out.toBuffer();
}

function encodeValue(out: ByteBuilder, value: GgufValue): void {
  if (value.type === GgufValueType.Array) {
    out.u32(value.itemType);
    out.u64(value.items.length);
    for (const item of value.items) {
      // A nested array is its item type, length and items, with no extra value-type tag.
      if (typeof item === 'object') encodeValue(out, item);
      else encodeScalar(out, value.itemType, item);
    }
    return;
  }
  encodeScalar(out, value.type, value.value);
}

function encodeScalar(out: ByteBuilder, type: GgufValueType, value: GgufScalar): void {
  switch (type) {
    case GgufValueType.Uint8:
      return out.u8(Number(value));
    case GgufValueType.Int8:
      return out.i8(Number(value));
    case GgufValueType.Uint16:
      return out.u16(Number(value));
    case GgufValueType.Int16:
      return out.i16(Number(value));
    case GgufValueType.Uint32:
      return out.u32(Number(value));
    case GgufValueType.Int32:
      return out.i32(Number(value));
    case GgufValueType.Float32:
      return out.f32(Number(value));
    case GgufValueType.Bool:
      return out.u8(value ? 1 : 0);
    case GgufValueType.String:
      return out.string(String(value));
    case GgufValueType.Uint64:
      return out.u64(typeof value === 'bigint' ? value : Number(value));
    case GgufValueType.Int64:
      return out.i64(typeof value === 'bigint' ? value : Number(value));
    case GgufValueType.Float64:
      return out.f64(Number(value));
    default:
      throw new Error(`cannot encode a scalar of value type ${type}`);
  }
}

export function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}

async function writeAll(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let written = 0;
  while (written < data.byteLength) {
    const { bytesWritten } = await handle.write(
      data,
      written,
      data.byteLength - written,
      position + written,
    );
    written += bytesWritten;
  }
}
