/**
 * The one rule for which paths Inkwell opens as a model, whoever names them: the renderer
 * (models.validate, models.add, engine.load; a compromised renderer can name any path), main's
 * open dialog, the library's stored paths (the startup load, selecting, details, estimates) and
 * the model host's own check before llama.cpp sees the file.
 *
 * - The name must end in .gguf. Anything else is refused on its name alone, before the disk is
 *   touched, so no other file can be read or even probed for existence.
 * - The path is resolved to its real path (every symbolic link followed). A link is accepted only
 *   when what it finally leads to is itself a regular file named .gguf: `model.gguf` linked to
 *   `/etc/shadow` or to a file without the extension is refused like a missing file.
 * - The real path must be a regular file: a folder, FIFO, socket or device named .gguf is refused,
 *   without opening it (openRegularFile, O_NONBLOCK), so it cannot hold a thread.
 *
 * Every refusal of a .gguf path says the same ("no model file Inkwell can open at <the path as
 * given>"), never where a link leads nor why the lookup failed, so the answer tells nothing about
 * files that are not models.
 */
import type { FileHandle } from 'node:fs/promises';
import { lstat, realpath } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import { openRegularFile } from './regularFile.js';

export const MODEL_FILE_EXTENSION = '.gguf';

/** A model file opened for reading under the rule; the caller closes `handle`. */
export interface OpenModelFile {
  /** The real path that was checked and opened. */
  readonly path: string;
  readonly handle: FileHandle;
  readonly size: number;
}

/** The real path of a model file Inkwell may open; throws the rule's refusal otherwise. */
export async function resolveModelPath(path: string): Promise<string> {
  const absolute = resolve(path);
  if (!isModelFileName(absolute)) {
    throw localizedError('invalid_request', 'errors:models.notGguf', { name: basename(absolute) });
  }
  const real = await realpath(absolute).catch(() => null);
  if (real === null || !isModelFileName(real)) throw noModelFile(absolute);
  const facts = await lstat(real).catch(() => null);
  if (!facts?.isFile()) throw noModelFile(absolute);
  return real;
}

/**
 * Resolves and opens a model file under the rule. The real path is opened without following a
 * link, so a file swapped for a link after the check is refused rather than read.
 */
export async function openModelFile(path: string): Promise<OpenModelFile> {
  const real = await resolveModelPath(path);
  const handle = await openRegularFile(real, { followLinks: false }).catch(() => {
    throw noModelFile(resolve(path));
  });
  try {
    return { path: real, handle, size: (await handle.stat()).size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function isModelFileName(path: string): boolean {
  return extname(path).toLowerCase() === MODEL_FILE_EXTENSION;
}

function noModelFile(absolute: string) {
  return localizedError('not_found', 'errors:models.noModelFile', { path: absolute });
}
