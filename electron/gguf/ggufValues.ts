import { GgufValueType } from './ggufConstants.js';
import type { GgufArrayValue, GgufScalar, GgufValue } from './ggufTypes.js';

/** Small constructors so metadata reads as `['gpt2.block_count', uint32(12)]`. */
export const uint32 = (value: number): GgufValue => ({ type: GgufValueType.Uint32, value });
export const int32 = (value: number): GgufValue => ({ type: GgufValueType.Int32, value });
export const float32 = (value: number): GgufValue => ({ type: GgufValueType.Float32, value });
export const bool = (value: boolean): GgufValue => ({ type: GgufValueType.Bool, value });
export const string = (value: string): GgufValue => ({ type: GgufValueType.String, value });
export const stringArray = (items: readonly string[]): GgufArrayValue => ({
  type: GgufValueType.Array,
  itemType: GgufValueType.String,
  items,
});
export const int32Array = (items: readonly number[]): GgufArrayValue => ({
  type: GgufValueType.Array,
  itemType: GgufValueType.Int32,
  items,
});

/** The value as a plain JavaScript number when it is a numeric scalar that fits exactly. */
export function numberValue(value: GgufValue | undefined): number | undefined {
  if (value === undefined || value.type === GgufValueType.Array) return undefined;
  const scalar: GgufScalar = value.value;
  if (typeof scalar === 'number') return scalar;
  if (
    typeof scalar === 'bigint' &&
    scalar <= BigInt(Number.MAX_SAFE_INTEGER) &&
    scalar >= -BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    return Number(scalar);
  }
  return undefined;
}

export function stringValue(value: GgufValue | undefined): string | undefined {
  if (value === undefined || value.type !== GgufValueType.String) return undefined;
  return typeof value.value === 'string' ? value.value : undefined;
}

export function arrayValue(value: GgufValue | undefined): GgufArrayValue | undefined {
  return value?.type === GgufValueType.Array ? value : undefined;
}
