/**
 * The models channels, each onto a ModelsService method.
 *
 * Paths from the renderer. models.add takes a path the renderer names: the browser's path field,
 * or a file dropped on the desktop window (the preload turns the dropped File into its path with
 * webUtils.getPathForFile). Main cannot tell a dropped path from one a compromised renderer makes
 * up, so the decision is what such a path can do, and here that is little: adding a model only
 * reads a file's GGUF header and hashes it; it never writes, moves or runs the file, nor sends
 * its bytes back, and a file that is not a valid GGUF is refused with the validator's message.
 * That is exactly what the headless mode's path field allows by design. To keep even that narrow,
 * a renderer-named path must end in .gguf: main does not open or stat any other file on the
 * renderer's word, so the channel cannot probe whether, say, a key file exists. The desktop
 * "Choose file…" goes through models.addFromDialog, where main's own dialog picks the path and
 * the renderer names none.
 */
import { basename, extname } from 'node:path';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { HandlersFor } from '../core/handler.js';
import type { ModelsService } from './modelsService.js';

/** Main's open dialog for a model file (the desktop shell's); null when the writer cancelled. */
export interface ModelFileDialog {
  chooseModelFile(clientId: string): Promise<string | null>;
}

/** Refuses a renderer-named path that is not a .gguf before anything touches the disk. */
export function requireGgufName(path: string): void {
  if (extname(path).toLowerCase() !== '.gguf') {
    throw localizedError('invalid_request', 'errors:models.notGguf', { name: basename(path) });
  }
}

/** `dialog` is the desktop shell; without one (headless, tests) the dialog is unavailable. */
export function createModelsHandlers(
  models: ModelsService,
  dialog?: ModelFileDialog,
): HandlersFor<'models'> {
  return {
    'models.validate': (request) => models.validate(request.path),
    'models.list': () => models.list(),
    'models.add': (request) => {
      requireGgufName(request.path);
      return models.add(request.path, request.name);
    },
    'models.addFromDialog': async (_request, context) => {
      if (!dialog) return { status: 'unavailable' };
      const path = await dialog.chooseModelFile(context.clientId);
      if (path === null) return { status: 'cancelled' };
      // The writer picked it in our dialog: any name is fine, the validator decides.
      return { status: 'added', model: await models.add(path) };
    },
    'models.remove': (request) => models.remove(request.id, request.deleteFile ?? false),
    'models.details': (request) => models.details(request.id),
    'models.select': (request) => models.select(request.id),
    'models.importCheckpoint': (request) =>
      models.importCheckpoint(request.folder, request.type, request.name),
    'models.download': (request) => models.download(request),
    'models.cancelJob': (request) => models.cancelJob(request.jobId),
    'models.jobs': () => models.listJobs(),
    'models.catalog': () => [...models.catalog()],
    'models.runSettings.get': () => models.getRunSettings(),
    'models.runSettings.save': (request) => models.saveRunSettings(request),
    'models.estimate': (request) => models.estimate(request.id, request.settings),
  };
}
