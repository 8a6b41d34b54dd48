import type { FileHandle } from 'node:fs/promises';
import type { LocalizedMessage } from '../../shared/errors.js';
import { localized } from '../../shared/i18n/localizedMessage.js';
import { FileCursor } from './fileCursor.js';
import {
  FIXED_VALUE_SIZES,
  GGUF_DEFAULT_ALIGNMENT,
  GGUF_MAGIC,
  GgufValueType,
} from './ggufConstants.js';
import { GgufValidationError } from './ggufErrors.js';
import { NotARegularFileError, openRegularFile } from './regularFile.js';
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
 * Only a regular file is opened (never a FIFO or device, see regularFile.ts). Throws
 * GgufValidationError for anything that cannot be parsed. Model files the writer names go
 * through modelPath.ts first; this opens any path it is given.
 */
export async function readGgufHeader(
  filePath: string,
  limits: GgufReadLimits = DEFAULT_GGUF_READ_LIMITS,
): Promise<GgufHeader> {
  let handle;
  try {
    handle = await openRegularFile(filePath);
  } catch (error) {
    throw new GgufValidationError(
      error instanceof NotARegularFileError
        ? localized('errors:gguf.notRegularFile')
        : localized('errors:gguf.cannotOpen', { detail: (error as Error).message }),
      filePath,
    );
  }
  try {
    const { size } = await handle.stat();
    return await readGgufHeaderFrom(handle, size, filePath, limits);
  } finally {
    await handle.close();
  }
}

/** The same from a handle already open (modelPath.ts opened it under the model-path rule). */
export async function readGgufHeaderFrom(
  handle: FileHandle,
  size: number,
  filePath: string,
  limits: GgufReadLimits = DEFAULT_GGUF_READ_LIMITS,
): Promise<GgufHeader> {
  try {
    const cursor = new FileCursor(handle, size, limits.maxHeaderBytes);
    return await parseHeader(cursor, limits);
  } catch (error) {
    if (error instanceof GgufValidationError && error.filePath === undefined) {
      throw new GgufValidationError(error.localized, filePath);
    }
    throw error;
  }
}

async function parseHeader(cursor: FileCursor, limits: GgufReadLimits): Promise<GgufHeader> {
  if (cursor.fileSize === 0) throw new GgufValidationError(localized('errors:gguf.empty'));
  if (cursor.fileSize < 4) {
    throw new GgufValidationError(localized('errors:gguf.tooShort', { size: cursor.fileSize }));
  }
  const magic = (await cursor.bytes(4, localized('errors:gguf.part.magic'))).toString('latin1');
  if (magic !== GGUF_MAGIC) {
    throw new GgufValidationError(
      localized('errors:gguf.badMagic', { magic: JSON.stringify(magic) }),
    );
  }
  const version = await cursor.u32(localized('errors:gguf.part.version'));
  if (version === 1) throw new GgufValidationError(localized('errors:gguf.versionTooOld'));
  if (version !== 2 && version !== 3) {
    throw new GgufValidationError(
      localized(
        version > 0xffff
          ? 'errors:gguf.unsupportedVersionBigEndian'
          : 'errors:gguf.unsupportedVersion',
        { version },
      ),
    );
  }
  const tensorCount = await readCount(
    cursor,
    localized('errors:gguf.part.tensorCount'),
    limits.maxTensorCount,
    MIN_TENSOR_INFO_BYTES,
  );
  const metadataCount = await readCount(
    cursor,
    localized('errors:gguf.part.metadataCount'),
    limits.maxMetadataCount,
    MIN_METADATA_ENTRY_BYTES,
  );

  const metadata = new Map<string, GgufValue>();
  for (let index = 0; index < metadataCount; index++) {
    const key = await readString(
      cursor,
      localized('errors:gguf.part.metadataKey', { index }),
      limits,
    );
    const type = await cursor.u32(localized('errors:gguf.part.metadataValueType', { key }));
    if (metadata.has(key))
      throw new GgufValidationError(localized('errors:gguf.duplicateKey', { key }));
    metadata.set(key, await readValue(cursor, type, key, limits, 0));
  }

  const tensors: GgufTensorInfo[] = [];
  const tensorNames = new Set<string>();
  for (let index = 0; index < tensorCount; index++) {
    const tensor = await readTensorInfo(cursor, index, limits);
    if (tensorNames.has(tensor.name))
      throw new GgufValidationError(
        localized('errors:gguf.duplicateTensor', { name: tensor.name }),
      );
    tensorNames.add(tensor.name);
    tensors.push(tensor);
  }

  const alignment = readAlignment(metadata);
  const dataOffset = Math.ceil(cursor.position / alignment) * alignment;
  return { version, metadata, tensors, alignment, dataOffset, fileSize: cursor.fileSize };
}

async function readCount(
  cursor: FileCursor,
  what: LocalizedMessage,
  max: number,
  minBytesEach: number,
): Promise<number> {
  const count = await cursor.u64(what);
  const fitsInFile = BigInt(Math.floor(cursor.remaining / minBytesEach));
  if (count > BigInt(max) || count > fitsInFile) {
    throw new GgufValidationError(
      localized('errors:gguf.impossibleCount', {
        what,
        count: String(count),
        max,
        fits: String(fitsInFile),
      }),
    );
  }
  return Number(count);
}

async function readString(
  cursor: FileCursor,
  what: LocalizedMessage,
  limits: GgufReadLimits,
): Promise<string> {
  const length = await cursor.u64(localized('errors:gguf.part.lengthOf', { what }));
  if (length > BigInt(limits.maxStringBytes) || length > BigInt(cursor.remaining)) {
    throw new GgufValidationError(
      localized('errors:gguf.stringTooLong', {
        what,
        length: String(length),
        max: limits.maxStringBytes,
        remaining: cursor.remaining,
      }),
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
      localized('errors:gguf.arraysTooDeep', { key, max: MAX_ARRAY_NESTING }),
    );
  }
  const itemType = await cursor.u32(localized('errors:gguf.part.itemType', { key }));
  if (!isKnownValueType(itemType)) {
    throw new GgufValidationError(
      localized('errors:gguf.unknownItemType', { key, type: itemType }),
    );
  }
  const minItemBytes = FIXED_VALUE_SIZES.get(itemType) ?? 8;
  const length = await cursor.u64(localized('errors:gguf.part.arrayLength', { key }));
  const fitsInFile = BigInt(Math.floor(cursor.remaining / minItemBytes));
  if (length > BigInt(limits.maxArrayLength) || length > fitsInFile) {
    throw new GgufValidationError(
      localized('errors:gguf.arrayTooLong', {
        key,
        length: String(length),
        max: limits.maxArrayLength,
        fits: String(fitsInFile),
      }),
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
    items.push(
      await readString(cursor, localized('errors:gguf.part.arrayItem', { index, key }), limits),
    );
  }
}

async function readScalar(
  cursor: FileCursor,
  type: number,
  key: string,
  limits: GgufReadLimits,
): Promise<GgufScalar> {
  const what = localized('errors:gguf.part.metadataValue', { key });
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
      throw new GgufValidationError(localized('errors:gguf.unknownValueType', { key, type }));
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
  const name = await readString(
    cursor,
    localized('errors:gguf.part.tensorName', { index }),
    limits,
  );
  const dimCount = await cursor.u32(localized('errors:gguf.part.tensorDimensionCount', { name }));
  if (dimCount < 1 || dimCount > MAX_TENSOR_DIMS) {
    throw new GgufValidationError(
      localized('errors:gguf.badDimensionCount', { name, dims: dimCount, max: MAX_TENSOR_DIMS }),
    );
  }
  const dims: number[] = [];
  let elementCount = 1;
  for (let axis = 0; axis < dimCount; axis++) {
    const dim = await cursor.u64(localized('errors:gguf.part.tensorDimension', { axis, name }));
    if (dim < 1n || dim > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new GgufValidationError(
        localized('errors:gguf.impossibleDimension', { name, dim: String(dim) }),
      );
    }
    elementCount *= Number(dim);
    if (elementCount > Number.MAX_SAFE_INTEGER) {
      throw new GgufValidationError(localized('errors:gguf.impossibleElementCount', { name }));
    }
    dims.push(Number(dim));
  }
  const type = await cursor.u32(localized('errors:gguf.part.tensorType', { name }));
  const offset = await cursor.u64(localized('errors:gguf.part.tensorOffset', { name }));
  if (offset > BigInt(cursor.fileSize)) {
    throw new GgufValidationError(
      localized('errors:gguf.startsPastEnd', {
        name,
        offset: String(offset),
        size: cursor.fileSize,
      }),
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
      value === undefined
        ? localized('errors:gguf.badAlignmentArray')
        : localized('errors:gguf.badAlignment', { value: JSON.stringify(String(value)) }),
    );
  }
  return value;
}
