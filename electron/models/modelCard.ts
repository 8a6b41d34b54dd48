/**
 * A model's card for its details: `<model>.md` beside the file, else a README.md in its folder
 * (not in the library's own models folder, where a README would belong to no one model). The
 * names are derived from the model's path, not checked by the model-path rule, so only a regular
 * file is read (a FIFO named like a card must not hold a thread), and only its beginning.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { openRegularFile } from '../gguf/regularFile.js';

const MAX_CARD_CHARS = 100_000;
/** UTF-8 takes at most 4 bytes a character: enough bytes for the characters shown. */
const MAX_CARD_BYTES = 4 * MAX_CARD_CHARS;

export async function readModelCard(
  modelPath: string,
  modelsFolder: string,
): Promise<string | null> {
  const folder = dirname(modelPath);
  const candidates = [join(folder, `${basename(modelPath, extname(modelPath))}.md`)];
  if (resolve(folder) !== resolve(modelsFolder)) candidates.push(join(folder, 'README.md'));
  for (const candidate of candidates) {
    const text = await readBeginning(candidate).catch(() => null);
    if (text !== null) return text.slice(0, MAX_CARD_CHARS);
  }
  return null;
}

async function readBeginning(path: string): Promise<string> {
  const handle = await openRegularFile(path);
  try {
    const buffer = Buffer.alloc(MAX_CARD_BYTES);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled).toString('utf8');
  } finally {
    await handle.close();
  }
}
