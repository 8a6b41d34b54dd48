import type { FileHandle } from 'node:fs/promises';
import type { LocalizedMessage } from '../../shared/errors.js';
import { localized } from '../../shared/i18n/localizedMessage.js';
import { GgufValidationError } from './ggufErrors.js';

const CHUNK_BYTES = 1 << 20;

/**
 * Sequential little-endian reads through a file handle, a chunk at a time, so that a header can be
 * parsed without loading the file. Every read first checks that the bytes exist in the file and fit
 * under `maxBytes`, so a hostile length field fails with a message instead of a giant allocation.
 */
export class FileCursor {
  private buffer = Buffer.alloc(0);
  /** File offset of buffer[0]. */
  private bufferStart = 0;
  position = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly fileSize: number,
    private readonly maxBytes: number,
  ) {}

  get remaining(): number {
    return this.fileSize - this.position;
  }

  /** True when the next `length` bytes are already buffered, so `take` can run without awaiting. */
  has(length: number): boolean {
    return (
      this.position >= this.bufferStart &&
      this.position + length <= this.bufferStart + this.buffer.length
    );
  }

  /** Takes bytes that `has` confirmed are buffered. */
  take(length: number): Buffer {
    const start = this.position - this.bufferStart;
    this.position += length;
    return this.buffer.subarray(start, start + length);
  }

  /** `what` names what is being read, for the message when the file ends early. */
  async bytes(length: number, what: LocalizedMessage): Promise<Buffer> {
    if (length > this.remaining) {
      throw new GgufValidationError(
        localized('errors:gguf.endsEarly', { what, size: this.fileSize }),
      );
    }
    if (this.position + length > this.maxBytes) {
      throw new GgufValidationError(
        localized('errors:gguf.headerTooLarge', { max: this.maxBytes, what }),
      );
    }
    if (!this.has(length)) await this.fill(length);
    return this.take(length);
  }

  async u8(what: LocalizedMessage): Promise<number> {
    return (await this.bytes(1, what)).readUInt8(0);
  }
  async u32(what: LocalizedMessage): Promise<number> {
    return (await this.bytes(4, what)).readUInt32LE(0);
  }
  async u64(what: LocalizedMessage): Promise<bigint> {
    return (await this.bytes(8, what)).readBigUInt64LE(0);
  }

  private async fill(length: number): Promise<void> {
    const want = Math.min(Math.max(length, CHUNK_BYTES), this.fileSize - this.position);
    const chunk = Buffer.alloc(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await this.handle.read(
        chunk,
        filled,
        want - filled,
        this.position + filled,
      );
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled < length) {
      throw new GgufValidationError(localized('errors:gguf.shrank'));
    }
    this.buffer = chunk.subarray(0, filled);
    this.bufferStart = this.position;
  }
}
