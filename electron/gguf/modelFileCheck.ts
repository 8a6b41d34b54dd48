/**
 * The GGUF check run before llama.cpp sees a file (in the host before loading, in main for
 * models.validate and models.add): llama.cpp aborts the whole process on some malformed files,
 * and even when it does not, its messages are not written for writers. The path goes through the
 * model-path rule first (modelPath.ts), so only a regular .gguf file is ever opened.
 */
import path from 'node:path';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { ModelFileSummary } from '../../shared/schemas/engine.js';
import { readGgufHeaderFrom } from './ggufReader.js';
import { openModelFile } from './modelPath.js';
import { GgufValidationError, validateGgufHeader } from './validateGgufFile.js';

/** Checks and describes a model file; `path` in the answer is the real path that was checked. */
export async function summarizeModelFile(filePath: string): Promise<ModelFileSummary> {
  const file = await openModelFile(filePath);
  try {
    const summary = validateGgufHeader(
      await readGgufHeaderFrom(file.handle, file.size, file.path),
      file.path,
    );
    return {
      path: file.path,
      fileName: path.basename(file.path),
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
  } finally {
    await file.handle.close();
  }
}

export async function checkModelFile(filePath: string): Promise<void> {
  await summarizeModelFile(filePath);
}
