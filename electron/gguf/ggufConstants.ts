/**
 * The numbers the GGUF format and ggml assign to value types, tensor types and file types.
 * Taken from the GGUF specification and llama.cpp's gguf-py constants; they are part of the file
 * format, so they must never be renumbered.
 */

export const GGUF_MAGIC = 'GGUF';
/** Alignment of the tensor data section when `general.alignment` is absent. */
export const GGUF_DEFAULT_ALIGNMENT = 32;

export enum GgufValueType {
  Uint8 = 0,
  Int8 = 1,
  Uint16 = 2,
  Int16 = 3,
  Uint32 = 4,
  Int32 = 5,
  Float32 = 6,
  Bool = 7,
  String = 8,
  Array = 9,
  Uint64 = 10,
  Int64 = 11,
  Float64 = 12,
}

/** Bytes one scalar of each fixed-size value type occupies (strings and arrays are variable). */
export const FIXED_VALUE_SIZES: ReadonlyMap<GgufValueType, number> = new Map([
  [GgufValueType.Uint8, 1],
  [GgufValueType.Int8, 1],
  [GgufValueType.Uint16, 2],
  [GgufValueType.Int16, 2],
  [GgufValueType.Uint32, 4],
  [GgufValueType.Int32, 4],
  [GgufValueType.Float32, 4],
  [GgufValueType.Bool, 1],
  [GgufValueType.Uint64, 8],
  [GgufValueType.Int64, 8],
  [GgufValueType.Float64, 8],
]);

export enum GgmlType {
  F32 = 0,
  F16 = 1,
  Q8_0 = 8,
}

export interface GgmlTypeTraits {
  readonly name: string;
  /** Values per block: a row's length (ne0) must be a multiple of it. */
  readonly blockSize: number;
  /** Bytes one block occupies. */
  readonly bytesPerBlock: number;
}

const QK_K = 256;

/** Every tensor type the llama.cpp bundled with node-llama-cpp 3.21.1 knows, by id. */
export const GGML_TYPES: ReadonlyMap<number, GgmlTypeTraits> = new Map(
  (
    [
      [0, 'F32', 1, 4],
      [1, 'F16', 1, 2],
      [2, 'Q4_0', 32, 2 + 16],
      [3, 'Q4_1', 32, 2 + 2 + 16],
      [6, 'Q5_0', 32, 2 + 4 + 16],
      [7, 'Q5_1', 32, 2 + 2 + 4 + 16],
      [8, 'Q8_0', 32, 2 + 32],
      [9, 'Q8_1', 32, 4 + 4 + 32],
      [10, 'Q2_K', QK_K, 2 + 2 + QK_K / 16 + QK_K / 4],
      [11, 'Q3_K', QK_K, 2 + QK_K / 4 + QK_K / 8 + 12],
      [12, 'Q4_K', QK_K, 2 + 2 + QK_K / 2 + 12],
      [13, 'Q5_K', QK_K, 2 + 2 + QK_K / 2 + QK_K / 8 + 12],
      [14, 'Q6_K', QK_K, 2 + QK_K / 2 + QK_K / 4 + QK_K / 16],
      [15, 'Q8_K', QK_K, 4 + QK_K + QK_K / 8],
      [16, 'IQ2_XXS', QK_K, 2 + QK_K / 4],
      [17, 'IQ2_XS', QK_K, 2 + QK_K / 4 + QK_K / 32],
      [18, 'IQ3_XXS', QK_K, 2 + QK_K / 4 + QK_K / 8],
      [19, 'IQ1_S', QK_K, 2 + QK_K / 8 + QK_K / 16],
      [20, 'IQ4_NL', 32, 2 + 16],
      [21, 'IQ3_S', QK_K, 2 + QK_K / 4 + QK_K / 8 + QK_K / 32 + 4],
      [22, 'IQ2_S', QK_K, 2 + QK_K / 4 + QK_K / 16],
      [23, 'IQ4_XS', QK_K, 2 + 2 + QK_K / 2 + QK_K / 64],
      [24, 'I8', 1, 1],
      [25, 'I16', 1, 2],
      [26, 'I32', 1, 4],
      [27, 'I64', 1, 8],
      [28, 'F64', 1, 8],
      [29, 'IQ1_M', QK_K, QK_K / 8 + QK_K / 16 + QK_K / 32],
      [30, 'BF16', 1, 2],
      [34, 'TQ1_0', QK_K, 2 + 4 * 13],
      [35, 'TQ2_0', QK_K, 2 + 64],
      [39, 'MXFP4', 32, 1 + 16],
      [40, 'NVFP4', 64, 4 + 32],
      [41, 'Q1_0', 128, 2 + 16],
      [42, 'Q2_0', 64, 2 + 16],
    ] as const
  ).map(([id, name, blockSize, bytesPerBlock]) => [id, { name, blockSize, bytesPerBlock }]),
);

/** `general.file_type` values (llama.cpp's LlamaFileType) for the types the converter writes. */
export enum LlamaFileType {
  AllF32 = 0,
  MostlyF16 = 1,
  MostlyQ8_0 = 7,
}

const FILE_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'F32'],
  [1, 'F16 (mostly)'],
  [2, 'Q4_0 (mostly)'],
  [3, 'Q4_1 (mostly)'],
  [7, 'Q8_0 (mostly)'],
  [8, 'Q5_0 (mostly)'],
  [9, 'Q5_1 (mostly)'],
  [10, 'Q2_K (mostly)'],
  [11, 'Q3_K_S (mostly)'],
  [12, 'Q3_K_M (mostly)'],
  [13, 'Q3_K_L (mostly)'],
  [14, 'Q4_K_S (mostly)'],
  [15, 'Q4_K_M (mostly)'],
  [16, 'Q5_K_S (mostly)'],
  [17, 'Q5_K_M (mostly)'],
  [18, 'Q6_K (mostly)'],
  [32, 'BF16 (mostly)'],
]);

export function describeFileType(fileType: number | undefined): string {
  if (fileType === undefined) return 'unknown (general.file_type missing)';
  return FILE_TYPE_NAMES.get(fileType) ?? `file type ${fileType}`;
}

/** Bytes a tensor of this type and shape occupies, or undefined when the shape does not fit the type's blocks. */
export function tensorByteSize(type: GgmlTypeTraits, dims: readonly number[]): number | undefined {
  const rowLength = dims[0] ?? 1;
  if (rowLength % type.blockSize !== 0) return undefined;
  let rows = 1;
  for (const dim of dims.slice(1)) rows *= dim;
  return (rowLength / type.blockSize) * type.bytesPerBlock * rows;
}
