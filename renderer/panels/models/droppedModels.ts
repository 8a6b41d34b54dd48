/**
 * Model files dropped on the window. The desktop preload can add one by its path
 * (window.inkwell.addDroppedModel); a browser never tells the page where a dropped file lives,
 * so there the writer is pointed to the Models panel's path field instead.
 */
import type { Reply } from '../../../shared/errors.js';
import type { ModelRecord } from '../../../shared/schemas/models.js';
import { describeError } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';
import { isModelFileName } from '../importExport/fileFormats.js';

/** Why a model dropped on a browser was not added, in the UI language. */
export function browserModelDropMessage(): string {
  return i18n.t('models:drop.browser');
}

/** The dropped files that are models (.gguf) and the rest (documents to import). */
export function splitDroppedFiles<F extends { name: string }>(
  files: readonly F[],
): { models: F[]; documents: F[] } {
  const models: F[] = [];
  const documents: F[] = [];
  for (const file of files) (isModelFileName(file.name) ? models : documents).push(file);
  return { models, documents };
}

export interface ModelDropResult {
  added: ModelRecord[];
  /** One sentence per file that was not added, for the writer, in the UI language. */
  problems: string[];
}

/**
 * Adds the dropped model files one by one through the desktop bridge; `addDroppedModel` is
 * undefined in the browser, where nothing can be added this way and one message says so.
 */
export async function addDroppedModels<F extends { name: string }>(
  files: readonly F[],
  addDroppedModel: ((file: F) => Promise<Reply<ModelRecord>>) | undefined,
): Promise<ModelDropResult> {
  const result: ModelDropResult = { added: [], problems: [] };
  if (files.length === 0) return result;
  if (!addDroppedModel) {
    result.problems.push(browserModelDropMessage());
    return result;
  }
  for (const file of files) {
    try {
      const reply = await addDroppedModel(file);
      if (reply.ok) result.added.push(reply.data);
      else result.problems.push(notAdded(file.name, describeError(reply.error)));
    } catch (error) {
      const reason = error instanceof Error && error.message ? describeError(error) : null;
      result.problems.push(notAdded(file.name, reason ?? i18n.t('models:drop.failed')));
    }
  }
  return result;
}

function notAdded(fileName: string, reason: string): string {
  return i18n.t('models:drop.notAdded', { fileName, reason });
}
