import { open } from 'node:fs/promises';
import { FileCursor } from './fileCursor.js';
import {
  FIXED_VALUE_SIZES,
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GgufValueType,
} from './ggufConstants.js';
import { GgufValidationError } from './ggufErrors.js';
import type {
  GgufArrayValue,
  GgufHeader,
  GgufScalar,
  GgufTensorInfo,
  GgufValue,
} from './ggufTypes.js';

/** Caps that keep a hostile header from costing more than a bounded amount of memory and time. */
export interface GgufReadLimits {
  readonly maxHeaderBytes: number;
  readonly maxTensorCount: number;
  readonly maxMetadataCount: number;
  readonly maxStringBytes: number;
  readonly maxArrayLength: number;
}

export const DEFAULT_GGUF_READ_LIMITS: GgufReadLimits = {
  maxHeaderBytes: 256 * 1024 * 1024,
  maxTensorCount: 1 << 16,
  maxMetadataCount: 1 << 16,
  maxStringBytes: 16 * 1024 * 1024,
  maxArrayLength: 1 << 24,
};

/** ggml tensors have at most 4 dimensions (GGML_MAX_DIMS). */
const MAX_TENSOR_DIMS = 4;
/** Smallest possible encoded tensor info: name length, 1-char name, n_dims, one dim, type, offset. */
const MIN_TENSOR_INFO_BYTES = 8 + 1 + 4 + 8 + 4 + 8;
/** Smallest possible metadata entry: key length, 1-char key, value type, one byte of value. */
const MIN_METADATA_ENTRY_BYTES = 8 + 1 + 4 + 1;
const MAX_ARRAY_NESTING = 2;

/**
 * Reads a GGUF file's header (version 2 or 3): metadata, tensor infos, alignment and where the data
 * begins. Only the header region is read, through a file handle; tensor data is never touched.
 * Throws GgufValidationError for anything that cannot be parsed.
 */
export async function readGgufHeader(
  filePath: string,
  limits: GgufReadLimits = DEFAULT_GGUF_READ_LIMITS,
): Promise<GgufHeader> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    throw new GgufValidationError(`cannot open the file: ${(error as Error).message}`, filePath);
  }
  try {
    const { size } = await handle.stat();
    const cursor = new FileCursor(handle, size, limits.maxHeaderBytes);
    return await parseHeader(cursor, limits);
  } catch (error) {
    if (error instanceof GgufValidationError && error.filePath === undefined) {
      throw new GgufValidationError(error.message, filePath);
    }
    throw error;
  } finally {
    await handle.close();
  }
}

async function parseHeader(cursor: FileCursor, limits: GgufReadLimits): Promise<GgufHeader> {
  if (cursor.fileSize === 0) throw new GgufValidationError('the file is empty (0 bytes)');
  if (cursor.fileSize < 4) {
    throw new GgufValidationError(
      `the file is only ${cursor.fileSize} bytes, too short to be GGUF (truncated?)`,
    );
  }
  const magic = (await cursor.bytes(4, 'the magic number')).toString('latin1');
  if (magic !== GGUF_MAGIC) {
    throw new GgufValidationError(
      `not a GGUF file: bad magic ${JSON.stringify(magic)} (expected "GGUF" in the first 4 bytes)`,
    );
  }
  const version = await cursor.u32('the version');
  if (version === 1) {
    throw new GgufValidationError(
      'GGUF version 1 is too old to be supported (versions 2 and 3 are)',
    );
  }
  if (version !== 2 && version !== 3) {
    const hint =
      version > 0xffff ? ' (a big-endian GGUF file? only little-endian is supported)' : '';
    throw new GgufValidationError(
      `unsupported GGUF version ${version}${hint}; versions 2 and 3 are supported`,
    );
  }
  const tensorCount = await readCount(
    cursor,
    'the tensor count',
    limits.maxTensorCount,
    MIN_TENSOR_INFO_BYTES,
  );
  const metadataCount = await readCount(
    cursor,
    'the metadata count',
    limits.maxMetadataCount,
    MIN_METADATA_ENTRY_BYTES,
  );

  const metadata = new Map<string, GgufValue>();
  for (let index = 0; index < metadataCount; index++) {
    const key = await readString(cursor, `the key of metadata entry ${index}`, limits);
    const type = await cursor.u32(`the value type of metadata "${key}"`);
    if (metadata.has(key)) throw new GgufValidationError(`metadata key "${key}" appears twice`);
    metadata.set(key, await readValue(cursor, type, key, limits, 0));
  }

  const tensors: GgufTensorInfo[] = [];
  const tensorNames = new Set<string>();
  for (let index = 0; index < tensorCount; index++) {
    const tensor = await readTensorInfo(cursor, index, limits);
    if (tensorNames.has(tensor.name))
      throw new GgufValidationError(`tensor ${tensor.name} appears twice`);
    tensorNames.add(tensor.name);
    tensors.push(tensor);
  }

  const alignment = readAlignment(metadata);
  const dataOffset = Math.ceil(cursor.position / alignment) * alignment;
  return { version, metadata, tensors, alignment, dataOffset, fileSize: cursor.fileSize };
}

async function readCount(
  cursor: FileCursor,
  what: string,
  max: number,
  minBytesEach: number,
): Promise<number> {
  const count = await cursor.u64(what);
  const fitsInFile = BigInt(Math.floor(cursor.remaining / minBytesEach));
  if (count > BigInt(max) || count > fitsInFile) {
    throw new GgufValidationError(
      `${what} is ${count}, which is impossible here (the limit is ${max} and the rest of the file holds at most ${fitsInFile}); the header is corrupt or the file is truncated`,
    );
  }
  return Number(count);
}

async function readString(
  cursor: FileCursor,
  what: string,
  limits: GgufReadLimits,
): Promise<string> {
  const length = await cursor.u64(`the length of ${what}`);
  if (length > BigInt(limits.maxStringBytes) || length > BigInt(cursor.remaining)) {
    throw new GgufValidationError(
      `the string length of ${what} is ${length} bytes, larger than the limit (${limits.maxStringBytes}) or the rest of the file (${cursor.remaining}); the header is corrupt or truncated`,
    );
  }
  return (await cursor.bytes(Number(length), what)).toString('utf8');
}

async function readValue(
  cursor: FileCursor,
  type: number,
  key: string,
  limits: GgufReadLimits,
  depth: number,
): Promise<GgufValue> {
  if (type === GgufValueType.Array) return readArray(cursor, key, limits, depth);
  return { type, value: await readScalar(cursor, type, key, limits) } as GgufValue;
}

async function readArray(
  cursor: FileCursor,
  key: string,
  limits: GgufReadLimits,
  depth: number,
): Promise<GgufArrayValue> {
  if (depth >= MAX_ARRAY_NESTING) {
    throw new GgufValidationError(
      `metadata "${key}" nests arrays deeper than ${MAX_ARRAY_NESTING} levels`,
    );
  }
  const itemType = await cursor.u32(`the item type of metadata "${key}"`);
  if (!isKnownValueType(itemType)) {
    throw new GgufValidationError(
      `metadata "${key}" is an array of unknown value type ${itemType}`,
    );
  }
  const minItemBytes = FIXED_VALUE_SIZES.get(itemType) ?? 8;
  const length = await cursor.u64(`the length of array "${key}"`);
  const fitsInFile = BigInt(Math.floor(cursor.remaining / minItemBytes));
  if (length > BigInt(limits.maxArrayLength) || length > fitsInFile) {
    throw new GgufValidationError(
      `array "${key}" claims ${length} items, more than the limit (${limits.maxArrayLength}) or than the rest of the file can hold (${fitsInFile}); the header is corrupt or truncated`,
    );
  }
  const items: (GgufScalar | GgufArrayValue)[] = [];
  if (itemType === GgufValueType.String) {
    await readStringItems(cursor, key, Number(length), limits, items);
    return { type: GgufValueType.Array, itemType, items };
  }
  for (let index = 0; index < Number(length); index++) {
    if (itemType === GgufValueType.Array)
      items.push(await readArray(cursor, key, limits, depth + 1));
    else items.push(await readScalar(cursor, itemType, key, limits));
  }
  return { type: GgufValueType.Array, itemType, items };
}

/**
 * Token and merge arrays hold ~50,000 strings; reading them from the buffer without an await per
 * string keeps validating a file fast. Falls back to the awaiting path at buffer boundaries.
 */
async function readStringItems(
  cursor: FileCursor,
  key: string,
  count: number,
  limits: GgufReadLimits,
  items: (GgufScalar | GgufArrayValue)[],
): Promise<void> {
  for (let index = 0; index < count; index++) {
    if (cursor.has(8)) {
      const length = cursor.take(8).readBigUInt64LE(0);
      if (length <= BigInt(limits.maxStringBytes) && cursor.has(Number(length))) {
        items.push(cursor.take(Number(length)).toString('utf8'));
        continue;
      }
      cursor.position -= 8;
    }
    items.push(await readString(cursor, `item ${index} of array "${key}"`, limits));
  }
}

async function readScalar(
  cursor: FileCursor,
  type: number,
  key: string,
  limits: GgufReadLimits,
): Promise<GgufScalar> {
  const what = `the value of metadata "${key}"`;
  switch (type) {
    case GgufValueType.Uint8:
      return (await cursor.bytes(1, what)).readUInt8(0);
    case GgufValueType.Int8:
      return (await cursor.bytes(1, what)).readInt8(0);
    case GgufValueType.Uint16:
      return (await cursor.bytes(2, what)).readUInt16LE(0);
    case GgufValueType.Int16:
      return (await cursor.bytes(2, what)).readInt16LE(0);
    case GgufValueType.Uint32:
      return (await cursor.bytes(4, what)).readUInt32LE(0);
    case GgufValueType.Int32:
      return (await cursor.bytes(4, what)).readInt32LE(0);
    case GgufValueType.Float32:
      return (await cursor.bytes(4, what)).readFloatLE(0);
    case GgufValueType.Bool:
      return (await cursor.bytes(1, what)).readUInt8(0) !== 0;
    case GgufValueType.String:
      return readString(cursor, what, limits);
    case GgufValueType.Uint64:
      return (await cursor.bytes(8, what)).readBigUInt64LE(0);
    case GgufValueType.Int64:
      return (await cursor.bytes(8, what)).readBigInt64LE(0);
    case GgufValueType.Float64:
      return (await cursor.bytes(8, what)).readDoubleLE(0);
    default:
      throw new GgufValidationError(`metadata "${key}" has unknown value type ${type}`);
  }
}

function isKnownValueType(type: number): type is GgufValueType {
  return Number.isInteger(type) && type >= GgufValueType.Uint8 && type <= GgufValueType.Float64;
}

async function readTensorInfo(
  cursor: FileCursor,
  index: number,
  limits: GgufReadLimits,
): Promise<GgufTensorInfo> {
  const name = await readString(cursor, `the name of tensor ${index}`, limits);
  const dimCount = await cursor.u32(`the dimension count of tensor ${name}`);
  if (dimCount < 1 || dimCount > MAX_TENSOR_DIMS) {
    throw new GgufValidationError(
      `tensor ${name} has ${dimCount} dimensions; ggml tensors have 1 to ${MAX_TENSOR_DIMS}`,
    );
  }
  const dims: number[] = [];
  let elementCount = 1;
  for (let axis = 0; axis < dimCount; axis++) {
    const dim = await cursor.u64(`dimension ${axis} of tensor ${name}`);
    if (dim < 1n || dim > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new GgufValidationError(`tensor ${name} has an impossible dimension ${dim}`);
    }
    elementCount *= Number(dim);
    if (elementCount > Number.MAX_SAFE_INTEGER) {
      throw new GgufValidationError(`tensor ${name} has an impossible number of elements`);
    }
    dims.push(Number(dim));
  }
  const type = await cursor.u32(`the type of tensor ${name}`);
  const offset = await cursor.u64(`the data offset of tensor ${name}`);
  if (offset > BigInt(cursor.fileSize)) {
    throw new GgufValidationError(
      `tensor ${name} starts past the end of the file (offset ${offset}, file ${cursor.fileSize} bytes; truncated download?)`,
    );
  }
  return { name, dims, type, offset: Number(offset) };
}

function readAlignment(metadata: ReadonlyMap<string, GgufValue>): number {
  const entry = metadata.get('general.alignment');
  if (entry === undefined) return GGUF_DEFAULT_ALIGNMENT;
  const value = entry.type === GgufValueType.Array ? undefined : entry.value;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value <= 0 ||
    (value & (value - 1)) !== 0
  ) {
    throw new GgufValidationError(
      `general.alignment must be a power of two, but it is ${JSON.stringify(String(value ?? 'an array'))}`,
    );
  }
  return value;
}
