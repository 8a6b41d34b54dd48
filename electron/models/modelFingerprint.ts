/**
 * The sha256 of a model file, which history records so that a replay can tell whether the same
 * model is loaded. Hashing a large model takes seconds, so each file is hashed once: the result is
 * cached by path, size and modification time, and concurrent asks share one hashing pass. The
 * file is streamed, never read whole.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { openRegularFile } from '../gguf/regularFile.js';

interface CachedFingerprint {
  size: number;
  mtimeMs: number;
  sha256: Promise<string>;
}

export class ModelFingerprints {
  private readonly cache = new Map<string, CachedFingerprint>();

  async sha256(path: string): Promise<string> {
    const { size, mtimeMs } = await stat(path);
    const cached = this.cache.get(path);
    if (cached && cached.size === size && cached.mtimeMs === mtimeMs) return cached.sha256;
    const sha256 = hashFile(path);
    this.cache.set(path, { size, mtimeMs, sha256 });
    // A failed read is not remembered: the next ask tries again.
    sha256.catch(() => {
      if (this.cache.get(path)?.sha256 === sha256) this.cache.delete(path);
    });
    return sha256;
  }
}

/** Only a regular file is read (regularFile.ts): a FIFO at a recorded path must not hold a thread. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await openRegularFile(path);
  // The stream closes the handle when it ends or fails.
  for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
