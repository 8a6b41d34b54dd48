/**
 * Builds small zip files for tests, as a .docx is built: local headers, the central directory
 * and its end record. A part may claim any unpacked size, as a zip bomb's parts do.
 */
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's bytes, deflated here; or `deflated` already (a bomb made from a stream). */
  data?: Buffer;
  deflated?: Buffer;
  /** What the directory claims it unpacks to; the real size unless given. */
  declaredSize?: number;
}

function header(fields: [number, 2 | 4][]): Buffer {
  const buffer = Buffer.alloc(fields.reduce((sum, [, size]) => sum + size, 0));
  let at = 0;
  for (const [value, size] of fields) {
    if (size === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value, at);
    at += size;
  }
  return buffer;
}

export function zipFile(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const data = part.data ?? Buffer.alloc(0);
    const deflated = part.deflated ?? zlib.deflateRawSync(data);
    const size = part.declaredSize ?? data.length;
    const crc = part.data ? zlib.crc32(part.data) : 0;
    const common: [number, 2 | 4][] = [
      [20, 2], // version needed
      [0, 2], // flags
      [8, 2], // deflated
      [0, 2], // time
      [0x21, 2], // date
      [crc, 4],
      [deflated.length, 4],
      [size, 4],
      [name.length, 2],
      [0, 2], // extra field length
    ];
    const local = Buffer.concat([header([[0x04034b50, 4], ...common]), name, deflated]);
    directory.push(
      Buffer.concat([
        header([
          [0x02014b50, 4],
          [20, 2], // made by
          ...common,
          [0, 2], // comment length
          [0, 2], // disk
          [0, 2], // internal attributes
          [0, 4], // external attributes
          [offset, 4],
        ]),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = header([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [parts.length, 2],
    [parts.length, 2],
    [directoryBytes.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** `megabytes` of zeros, deflated as a stream (never held unpacked): a few hundred KB. */
export async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let index = 0; index < megabytes; index += 1) {
    if (!deflater.write(megabyte)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return Buffer.concat(chunks);
}

/** An ArrayBuffer holding exactly these bytes (a Buffer may sit inside a larger pool). */
export function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return copy;
}
