import type { GgufValueType } from './ggufConstants.js';

/** A metadata scalar as JavaScript holds it: 64-bit integers become bigint so nothing is rounded. */
export type GgufScalar = number | bigint | boolean | string;

export interface GgufScalarValue {
  readonly type: Exclude<GgufValueType, GgufValueType.Array>;
  readonly value: GgufScalar;
}

export interface GgufArrayValue {
  readonly type: GgufValueType.Array;
  readonly itemType: GgufValueType;
  /** Scalars, or nested arrays when itemType is Array. */
  readonly items: readonly (GgufScalar | GgufArrayValue)[];
}

export type GgufValue = GgufScalarValue | GgufArrayValue;

export interface GgufTensorInfo {
  readonly name: string;
  /** ggml order: dims[0] is the row length (the fastest-varying dimension). */
  readonly dims: readonly number[];
  readonly type: number;
  /** Offset from the start of the data section (not from the start of the file). */
  readonly offset: number;
}

export interface GgufHeader {
  readonly version: number;
  readonly metadata: ReadonlyMap<string, GgufValue>;
  readonly tensors: readonly GgufTensorInfo[];
  readonly alignment: number;
  /** Absolute file offset where tensor data begins. */
  readonly dataOffset: number;
  readonly fileSize: number;
}
