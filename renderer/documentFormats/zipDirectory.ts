/**
 * The table of contents of a zip file (a .docx is one), read from its central directory: each
 * part's name, how it is packed, and where its bytes are. Only what is needed to measure the
 * parts before anything unpacks them; anything malformed, encrypted or packed in a way Word
 * never uses is refused as not a Word file, since mammoth could not read it either.
 */
import { ImportRefusedError } from './importLimits.js';

export interface ZipEntry {
  name: string;
  /** 0: stored as is; 8: deflated. */
  method: 0 | 8;
  compressedSize: number;
  /** What the directory claims it unpacks to; a zip bomb may lie, so it is only a first look. */
  declaredSize: number;
  /** Where the packed bytes start in the file. */
  dataOffset: number;
}

/** Far more parts than any Word document has; each one costs a look of its own. */
export const MAX_ZIP_ENTRIES = 10_000;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 0xffff;
const ENCRYPTED_FLAG = 0x0001;

function refuse(): never {
  throw new ImportRefusedError({ kind: 'notWordFile' });
}

class Reader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  has(offset: number, length: number): boolean {
    return offset >= 0 && offset + length <= this.bytes.byteLength;
  }

  u16(offset: number): number {
    if (!this.has(offset, 2)) refuse();
    return this.view.getUint16(offset, true);
  }

  u32(offset: number): number {
    if (!this.has(offset, 4)) refuse();
    return this.view.getUint32(offset, true);
  }

  u64(offset: number): number {
    if (!this.has(offset, 8)) refuse();
    // Sizes past 2^53 lose precision, which only matters for being far over every limit.
    return Number(this.view.getBigUint64(offset, true));
  }
}

interface Directory {
  entries: number;
  offset: number;
  size: number;
}

function findEndOfDirectory(reader: Reader): number {
  const last = reader.bytes.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let offset = last; offset >= first; offset -= 1) {
    if (reader.u32(offset) === END_OF_DIRECTORY) return offset;
  }
  return refuse();
}

function readDirectory(reader: Reader): Directory {
  const end = findEndOfDirectory(reader);
  const directory = {
    entries: reader.u16(end + 10),
    size: reader.u32(end + 12),
    offset: reader.u32(end + 16),
  };
  const needsZip64 =
    directory.entries === 0xffff ||
    directory.size === 0xffffffff ||
    directory.offset === 0xffffffff;
  if (!needsZip64) return directory;
  const locator = end - 20;
  if (reader.u32(locator) !== ZIP64_LOCATOR) refuse();
  const zip64End = reader.u64(locator + 8);
  if (reader.u32(zip64End) !== ZIP64_END_OF_DIRECTORY) refuse();
  return {
    entries: reader.u64(zip64End + 32),
    size: reader.u64(zip64End + 40),
    offset: reader.u64(zip64End + 48),
  };
}

/** The sizes a zip64 extra field holds: only those the entry marked 0xffffffff, in order. */
function readZip64Sizes(
  reader: Reader,
  extraStart: number,
  extraLength: number,
  sizes: { declaredSize: number; compressedSize: number; localOffset: number },
): void {
  let field = extraStart;
  while (field + 4 <= extraStart + extraLength) {
    const id = reader.u16(field);
    const length = reader.u16(field + 2);
    if (id === ZIP64_EXTRA) {
      let value = field + 4;
      for (const key of ['declaredSize', 'compressedSize', 'localOffset'] as const) {
        if (sizes[key] !== 0xffffffff) continue;
        sizes[key] = reader.u64(value);
        value += 8;
      }
      return;
    }
    field += 4 + length;
  }
}

const decoder = new TextDecoder('utf-8');

/** Every part of the zip, in directory order. Throws ImportRefusedError for anything unusual. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const reader = new Reader(bytes);
  const directory = readDirectory(reader);
  if (directory.entries > MAX_ZIP_ENTRIES) refuse();
  if (!reader.has(directory.offset, directory.size)) refuse();
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let index = 0; index < directory.entries; index += 1) {
    if (reader.u32(at) !== DIRECTORY_ENTRY) refuse();
    const flags = reader.u16(at + 8);
    const method = reader.u16(at + 10);
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    if (flags & ENCRYPTED_FLAG || (method !== 0 && method !== 8)) refuse();
    if (!reader.has(at + 46, nameLength + extraLength)) refuse();
    const sizes = {
      compressedSize: reader.u32(at + 20),
      declaredSize: reader.u32(at + 24),
      localOffset: reader.u32(at + 42),
    };
    readZip64Sizes(reader, at + 46 + nameLength, extraLength, sizes);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // The bytes start after the local header, whose name and extra field may differ in length
    // from the directory's copy: read it as mammoth's unzipper does.
    const local = sizes.localOffset;
    if (reader.u32(local) !== LOCAL_HEADER) refuse();
    const dataOffset = local + 30 + reader.u16(local + 26) + reader.u16(local + 28);
    if (!reader.has(dataOffset, sizes.compressedSize)) refuse();
    entries.push({
      name,
      method,
      compressedSize: sizes.compressedSize,
      declaredSize: sizes.declaredSize,
      dataOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
