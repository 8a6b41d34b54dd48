import { localized } from '../../shared/i18n/localizedMessage.js';
import { GGML_TYPES, describeFileType, tensorByteSize } from './ggufConstants.js';
import { GgufValidationError } from './ggufErrors.js';
import { readGgufHeader } from './ggufReader.js';
import type { GgufHeader } from './ggufTypes.js';
import { numberValue, stringValue } from './ggufValues.js';
import { checkGpt2Requirements, type Gpt2GgufHyperparameters } from './gpt2GgufRequirements.js';
import { GENERAL_KEY_TYPES, checkKeyTypes } from './llamaKeyTypes.js';
import {
  KNOWN_ARCHITECTURES,
  checkAnyArchitecture,
  checkKnownArchitecture,
  type ModelHyperparameters,
} from './transformerRequirements.js';

export { GgufValidationError } from './ggufErrors.js';
export type { ModelHyperparameters } from './transformerRequirements.js';

/**
 * How closely a file's architecture was checked: every tensor of a gpt2 file ('gpt2', the
 * default and most tested path), the hyperparameters and block tensors of an architecture in
 * KNOWN_ARCHITECTURES ('known'), or only what every file needs ('structure': llama.cpp decides,
 * in the crash-contained host).
 */
export type ArchitectureCheck = 'gpt2' | 'known' | 'structure';

export interface GgufFileSummary {
  readonly filePath: string;
  readonly fileSize: number;
  readonly ggufVersion: number;
  readonly architecture: string;
  readonly name: string | undefined;
  readonly hyperparameters: ModelHyperparameters & Partial<Gpt2GgufHyperparameters>;
  readonly architectureCheck: ArchitectureCheck;
  readonly contextLength: number;
  readonly vocabSize: number;
  readonly tensorCount: number;
  readonly parameterCount: number;
  /** `general.file_type`, e.g. 7 for mostly q8_0. */
  readonly fileType: number | undefined;
  /** Readable form of the file type, e.g. "Q8_0 (mostly)". */
  readonly quantization: string;
  /** How many tensors of each ggml type, e.g. { F32: 26, Q8_0: 17 }. */
  readonly tensorTypes: Readonly<Record<string, number>>;
}

/**
 * Checks a GGUF file before llama.cpp sees it (llama.cpp aborts the process on some malformed
 * files): header structure, every tensor's type, alignment and byte range, the types of the keys
 * llama.cpp reads, the architecture, and everything that architecture needs. Reads only the
 * header. Throws GgufValidationError naming the problem.
 */
export async function validateGgufFile(filePath: string): Promise<GgufFileSummary> {
  return validateGgufHeader(await readGgufHeader(filePath), filePath);
}

/** The same checks on a header already read (modelFileCheck.ts reads it under the path rule). */
export function validateGgufHeader(header: GgufHeader, filePath: string): GgufFileSummary {
  try {
    const { parameterCount, tensorTypes } = checkTensorLayout(header);
    checkKeyTypes(header.metadata, GENERAL_KEY_TYPES);
    checkSingleFile(header);
    const architecture = stringValue(header.metadata.get('general.architecture'));
    if (architecture === undefined) {
      throw new GgufValidationError(localized('errors:gguf.architectureMissing'));
    }
    const { hyperparameters, architectureCheck } = checkArchitecture(header, architecture);
    const fileType = numberValue(header.metadata.get('general.file_type'));
    return {
      filePath,
      fileSize: header.fileSize,
      ggufVersion: header.version,
      architecture,
      name: stringValue(header.metadata.get('general.name')),
      hyperparameters,
      architectureCheck,
      contextLength: hyperparameters.contextLength,
      vocabSize: hyperparameters.vocabSize,
      tensorCount: header.tensors.length,
      parameterCount,
      fileType,
      quantization: describeFileType(fileType),
      tensorTypes,
    };
  } catch (error) {
    if (error instanceof GgufValidationError && error.filePath === undefined) {
      throw new GgufValidationError(error.localized, filePath);
    }
    throw error;
  }
}

function checkArchitecture(
  header: GgufHeader,
  architecture: string,
): Pick<GgufFileSummary, 'hyperparameters' | 'architectureCheck'> {
  if (architecture === 'gpt2') {
    return {
      hyperparameters: { ...checkGpt2Requirements(header), tokenizer: 'gpt2' },
      architectureCheck: 'gpt2',
    };
  }
  const spec = KNOWN_ARCHITECTURES.get(architecture);
  if (spec) {
    return {
      hyperparameters: checkKnownArchitecture(header, architecture, spec),
      architectureCheck: 'known',
    };
  }
  return {
    hyperparameters: checkAnyArchitecture(header, architecture),
    architectureCheck: 'structure',
  };
}

/**
 * A model split over several files makes llama.cpp open the others by a name it derives from this
 * one, which no check here has seen; Inkwell runs single-file models only.
 */
function checkSingleFile(header: GgufHeader): void {
  const count = numberValue(header.metadata.get('split.count'));
  if (count !== undefined && count > 1) {
    throw new GgufValidationError(localized('errors:gguf.splitModel', { count }));
  }
}

function checkTensorLayout(header: GgufHeader): {
  parameterCount: number;
  tensorTypes: Record<string, number>;
} {
  const ranges: { name: string; start: number; end: number }[] = [];
  const tensorTypes: Record<string, number> = {};
  let parameterCount = 0;
  for (const tensor of header.tensors) {
    const traits = GGML_TYPES.get(tensor.type);
    if (traits === undefined) {
      throw new GgufValidationError(
        localized('errors:gguf.unknownTensorType', { name: tensor.name, type: tensor.type }),
      );
    }
    const size = tensorByteSize(traits, tensor.dims);
    if (size === undefined) {
      throw new GgufValidationError(
        localized('errors:gguf.rowNotBlockMultiple', {
          name: tensor.name,
          row: String(tensor.dims[0]),
          typeName: traits.name,
          blockSize: traits.blockSize,
        }),
      );
    }
    if (tensor.offset % header.alignment !== 0) {
      throw new GgufValidationError(
        localized('errors:gguf.misaligned', {
          name: tensor.name,
          offset: tensor.offset,
          alignment: header.alignment,
        }),
      );
    }
    const start = header.dataOffset + tensor.offset;
    if (start + size > header.fileSize) {
      throw new GgufValidationError(
        localized('errors:gguf.endsPastEnd', {
          name: tensor.name,
          start,
          end: start + size,
          size: header.fileSize,
        }),
      );
    }
    ranges.push({ name: tensor.name, start, end: start + size });
    tensorTypes[traits.name] = (tensorTypes[traits.name] ?? 0) + 1;
    parameterCount += tensor.dims.reduce((product, dim) => product * dim, 1);
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let index = 1; index < ranges.length; index++) {
    const previous = ranges[index - 1];
    const current = ranges[index];
    if (previous !== undefined && current !== undefined && current.start < previous.end) {
      throw new GgufValidationError(
        localized('errors:gguf.overlap', { first: previous.name, second: current.name }),
      );
    }
  }
  return { parameterCount, tensorTypes };
}
