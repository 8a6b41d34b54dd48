/**
 * A generation's token steps as one compact blob (not a row, nor a JSON object, per token).
 *
 * Layout (version 2), then raw-deflated:
 *   byte 'P', byte version
 *   varint n, then n strings (varint byte length, UTF-8): every distinct token text once
 *   varint steps, then per step: varint text index, uint16 p, byte k, k × (varint text index,
 *   uint16 p)
 * The byte k holds the count in its low bits and, in its top bit, whether the step's
 * distribution is 'greedy' (absent: 'sampled'). Version 1 (before that bit) is still read.
 * Probabilities are kept to 1/65535 (an error under 8e-6, far below what the view shows). A
 * 400-token generation with 10 alternatives each takes about 14 KB (35 bytes a token, against
 * 172 KB as JSON; test/integration/tokenProbabilities.test.ts prints the figure).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  MAX_TOKEN_TEXT_CHARS,
  TOP_ALTERNATIVES,
  type TokenStep,
} from '../../shared/schemas/tokenSteps.js';

const MAGIC = 0x50;
const VERSION = 2;
/** Versions this reads: 1 has no distribution bit. */
const READABLE_VERSIONS = new Set([1, 2]);
/** In the byte k: the step's distribution is 'greedy'. */
const GREEDY_BIT = 0x80;
const P_SCALE = 65535;
/** More than any generation makes (MAX_NEW_TOKENS is far less); bounds a damaged blob. */
const MAX_STEPS = 1_000_000;
/** The blob inflates to at most this much; a larger one is damaged, not a generation's. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export class TokenStepsFormatError extends Error {
  constructor(problem: string) {
    super(`The stored token probabilities cannot be read: ${problem}`);
    this.name = 'TokenStepsFormatError';
  }
}

export function encodeTokenSteps(steps: readonly TokenStep[]): Buffer {
  const table = new Map<string, number>();
  const indexOf = (text: string): number => {
    let index = table.get(text);
    if (index === undefined) {
      index = table.size;
      table.set(text, index);
    }
    return index;
  };
  const body = new ByteWriter();
  body.varint(steps.length);
  for (const step of steps) {
    body.varint(indexOf(step.text));
    body.uint16(quantize(step.p));
    body.byte(step.alternatives.length | (step.distribution === 'greedy' ? GREEDY_BIT : 0));
    for (const alternative of step.alternatives) {
      body.varint(indexOf(alternative.text));
      body.uint16(quantize(alternative.p));
    }
  }
  const head = new ByteWriter();
  head.byte(MAGIC);
  head.byte(VERSION);
  head.varint(table.size);
  for (const text of table.keys()) {
    const bytes = Buffer.from(text, 'utf8');
    head.varint(bytes.length);
    head.bytes(bytes);
  }
  return deflateRawSync(Buffer.concat([head.toBuffer(), body.toBuffer()]));
}

/** Throws TokenStepsFormatError on anything that is not a blob this wrote. */
export function decodeTokenSteps(blob: Uint8Array): TokenStep[] {
  let raw: Buffer;
  try {
    raw = inflateRawSync(blob, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    throw new TokenStepsFormatError('it does not inflate');
  }
  const reader = new ByteReader(raw);
  if (reader.byte() !== MAGIC) throw new TokenStepsFormatError('wrong magic');
  const version = reader.byte();
  if (!READABLE_VERSIONS.has(version)) {
    throw new TokenStepsFormatError(`unknown version ${version}`);
  }
  const greedyBit = version >= 2 ? GREEDY_BIT : 0;
  const tableSize = reader.varint(MAX_STEPS * (TOP_ALTERNATIVES + 2));
  const table: string[] = [];
  for (let i = 0; i < tableSize; i += 1) {
    const text = reader.bytes(reader.varint(MAX_TOKEN_TEXT_CHARS * 4)).toString('utf8');
    table.push(text);
  }
  const text = (): string => {
    const found = table[reader.varint(tableSize - 1)];
    if (found === undefined) throw new TokenStepsFormatError('a text index is out of range');
    return found;
  };
  const count = reader.varint(MAX_STEPS);
  const steps: TokenStep[] = [];
  for (let i = 0; i < count; i += 1) {
    const stepText = text();
    const p = reader.uint16() / P_SCALE;
    const kByte = reader.byte();
    const greedy = (kByte & greedyBit) !== 0;
    const k = kByte & ~greedyBit;
    if (k > TOP_ALTERNATIVES + 1) throw new TokenStepsFormatError('too many alternatives');
    const alternatives: TokenStep['alternatives'] = [];
    for (let j = 0; j < k; j += 1) {
      const altText = text();
      alternatives.push({ text: altText, p: reader.uint16() / P_SCALE });
    }
    steps.push({ text: stepText, p, alternatives, ...(greedy ? { distribution: 'greedy' } : {}) });
  }
  if (!reader.atEnd()) throw new TokenStepsFormatError('bytes left over');
  return steps;
}

function quantize(p: number): number {
  return Math.round(Math.min(1, Math.max(0, p)) * P_SCALE);
}

class ByteWriter {
  private readonly parts: number[] = [];
  private readonly chunks: Buffer[] = [];

  byte(value: number): void {
    this.parts.push(value & 0xff);
  }

  uint16(value: number): void {
    this.parts.push(value & 0xff, (value >>> 8) & 0xff);
  }

  varint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.parts.push((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    this.parts.push(rest);
  }

  bytes(value: Buffer): void {
    this.flush();
    this.chunks.push(value);
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.chunks.push(Buffer.from(this.parts));
    this.parts.length = 0;
  }
}

class ByteReader {
  private offset = 0;

  constructor(private readonly data: Buffer) {}

  byte(): number {
    if (this.offset >= this.data.length) throw new TokenStepsFormatError('it ends early');
    return this.data[this.offset++] as number;
  }

  uint16(): number {
    return this.byte() | (this.byte() << 8);
  }

  /** A varint no larger than `max`. */
  varint(max: number): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i += 1) {
      const next = this.byte();
      value += (next & 0x7f) * scale;
      if (value > max) throw new TokenStepsFormatError('a count is out of range');
      if ((next & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new TokenStepsFormatError('a count is too long');
  }

  bytes(length: number): Buffer {
    if (this.offset + length > this.data.length) throw new TokenStepsFormatError('it ends early');
    const out = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  atEnd(): boolean {
    return this.offset === this.data.length;
  }
}
