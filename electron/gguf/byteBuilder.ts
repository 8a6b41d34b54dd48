/** A growable little-endian byte buffer for building a GGUF header in memory before one write. */
export class ByteBuilder {
  private buffer = Buffer.alloc(64 * 1024);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  u8(value: number): void {
    this.reserve(1);
    this.length = this.buffer.writeUInt8(value, this.length);
  }
  i8(value: number): void {
    this.reserve(1);
    this.length = this.buffer.writeInt8(value, this.length);
  }
  u16(value: number): void {
    this.reserve(2);
    this.length = this.buffer.writeUInt16LE(value, this.length);
  }
  i16(value: number): void {
    this.reserve(2);
    this.length = this.buffer.writeInt16LE(value, this.length);
  }
  u32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeUInt32LE(value, this.length);
  }
  i32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeInt32LE(value, this.length);
  }
  f32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeFloatLE(value, this.length);
  }
  f64(value: number): void {
    this.reserve(8);
    this.length = this.buffer.writeDoubleLE(value, this.length);
  }
  u64(value: number | bigint): void {
    this.reserve(8);
    this.length = this.buffer.writeBigUInt64LE(BigInt(value), this.length);
  }
  i64(value: number | bigint): void {
    this.reserve(8);
    this.length = this.buffer.writeBigInt64LE(BigInt(value), this.length);
  }
  string(value: string): void {
    const encoded = Buffer.from(value, 'utf8');
    this.u64(encoded.length);
    this.reserve(encoded.length);
    encoded.copy(this.buffer, this.length);
    this.length += encoded.length;
  }
  zeros(count: number): void {
    this.reserve(count);
    this.buffer.fill(0, this.length, this.length + count);
    this.length += count;
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
