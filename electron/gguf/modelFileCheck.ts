/**
 * The GGUF check run before llama.cpp sees a file (in the host before loading, in main for
 * models.validate): llama.cpp aborts the whole process on some malformed files, and even when it
 * does not, its messages are not written for writers.
 */
import path from 'node:path';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { ModelFileSummary } from '../../shared/schemas/engine.js';
import { GgufValidationError, validateGgufFile } from './validateGgufFile.js';

export async function summarizeModelFile(filePath: string): Promise<ModelFileSummary> {
  try {
    const summary = await validateGgufFile(filePath);
    return {
      path: filePath,
      fileName: path.basename(filePath),
      sizeBytes: summary.fileSize,
      ggufVersion: summary.ggufVersion,
      architecture: summary.architecture,
      name: summary.name ?? null,
      contextLength: summary.contextLength,
      layers: summary.hyperparameters.blockCount,
      embeddingSize: summary.hyperparameters.embeddingLength,
      heads: summary.hyperparameters.headCount,
      vocabularySize: summary.vocabSize,
      parameterCount: summary.parameterCount,
      tensorCount: summary.tensorCount,
      quantization: summary.quantization,
    };
  } catch (error) {
    if (error instanceof GgufValidationError) {
      throw localizedError('invalid_request', 'errors:gguf.cannotUse', { reason: error.localized });
    }
    throw error;
  }
}

export async function checkModelFile(filePath: string): Promise<void> {
  await summarizeModelFile(filePath);
}
