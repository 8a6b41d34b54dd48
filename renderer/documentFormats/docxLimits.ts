/**
 * Measures a Word file before mammoth opens it: what its parts claim to unpack to, then what
 * they really unpack to (inflated as a stream and stopped at the limit, never held), and how
 * deeply the XML inside nests. mammoth unpacks and parses everything at once, so a 1.4 MB file
 * whose document.xml unpacks to 400 MB took the tab down; here it is refused in moments.
 */
import {
  ImportRefusedError,
  MAX_MARKUP_DEPTH,
  MAX_UNPACKED_BYTES,
  type ImportRefusal,
} from './importLimits.js';
import { MarkupDepthScanner } from './markupDepthScanner.js';
import { readZipDirectory, type ZipEntry } from './zipDirectory.js';

const tooLarge: ImportRefusal = { kind: 'unpackedSize', maxBytes: MAX_UNPACKED_BYTES };
const tooDeep: ImportRefusal = { kind: 'markupDepth', max: MAX_MARKUP_DEPTH };

/** The bytes of one part as they unpack, a chunk at a time. */
async function* unpacked(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const packed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    yield packed;
    return;
  }
  // A copy, so that the stream owns its input and the caller's buffer stays whole.
  const stream = new Blob([packed.slice()])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      yield chunk.value;
    }
  } catch {
    throw new ImportRefusedError({ kind: 'notWordFile' });
  } finally {
    // Stops the inflation when the caller gave up early (over the limit).
    void reader.cancel().catch(() => undefined);
  }
}

/** Throws ImportRefusedError when the .docx is not a zip, unpacks too large or nests too deep. */
export async function checkDocxLimits(file: ArrayBuffer): Promise<void> {
  const bytes = new Uint8Array(file);
  const entries = readZipDirectory(bytes);
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new ImportRefusedError({ kind: 'notWordFile' });
  }
  // The directory's claims first: an honest bomb is refused without unpacking anything.
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > MAX_UNPACKED_BYTES) throw new ImportRefusedError(tooLarge);
  let total = 0;
  for (const entry of entries) {
    // mammoth parses the XML parts and their relationships (.rels); images it only copies.
    const scanner = /\.(?:xml|rels)$/.test(entry.name) ? new MarkupDepthScanner() : null;
    for await (const chunk of unpacked(bytes, entry)) {
      total += chunk.byteLength;
      if (total > MAX_UNPACKED_BYTES) throw new ImportRefusedError(tooLarge);
      if (scanner) {
        scanner.scan(chunk);
        if (scanner.deepest > MAX_MARKUP_DEPTH) throw new ImportRefusedError(tooDeep);
      }
    }
  }
}
