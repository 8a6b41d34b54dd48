/**
 * "Import a GPT-2 folder": the converter writes a GGUF into Inkwell's models folder. The
 * converter itself writes `<file>.partial` and renames it only when complete, and removes the
 * partial file when aborted or failed, so a cancelled import leaves nothing behind.
 */
import { access } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import { CheckpointConversionError } from '../gguf/conversionErrors.js';
import {
  convertGpt2Checkpoint,
  type ConversionProgress,
  type ConversionType,
} from '../gguf/convertGpt2Checkpoint.js';

export interface CheckpointImport {
  folder: string;
  type: ConversionType;
  /** Where converted models live: `<dataDir>/models`. */
  modelsFolder: string;
  /** general.name in the file and the start of its file name; the folder's name by default. */
  name?: string;
  signal: AbortSignal;
  onProgress: (progress: ConversionProgress) => void;
}

export async function importCheckpoint(job: CheckpointImport): Promise<string> {
  const name = job.name ?? basename(resolve(job.folder));
  const outFile = await unusedPath(job.modelsFolder, `${safeFileStem(name)}.${job.type}`, '.gguf');
  try {
    await convertGpt2Checkpoint(job.folder, outFile, {
      type: job.type,
      name,
      signal: job.signal,
      onProgress: job.onProgress,
    });
    return outFile;
  } catch (error) {
    if (error instanceof CheckpointConversionError) {
      throw localizedError('invalid_request', 'errors:conversion.cannotConvert', {
        reason: error.localized,
      });
    }
    throw error;
  }
}

/** A file name from free text: letters, digits, dot, dash and underscore only. */
export function safeFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 80);
  return stem || 'model';
}

/** `<folder>/<stem><ext>`, or `<stem>-2<ext>`... when taken: never overwrite a model. */
export async function unusedPath(folder: string, stem: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(folder, `${stem}${n === 1 ? '' : `-${n}`}${ext}`);
    const taken = await Promise.any([
      access(candidate).then(() => true),
      access(`${candidate}.partial`).then(() => true),
      access(`${candidate}.ipull`).then(() => true),
    ]).catch(() => false);
    if (!taken) return candidate;
  }
}
