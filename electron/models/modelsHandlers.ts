/**
 * The models channels, each onto a ModelsService method.
 *
 * Paths from the renderer. models.validate and models.add take a path the renderer names: the
 * browser's path field, or a file dropped on the desktop window (the preload turns the dropped
 * File into its path with webUtils.getPathForFile). Main cannot tell a dropped path from one a
 * compromised renderer makes up, so the decision is what such a path can do, and here that is
 * little: it only reads a GGUF header and hashes the file; it never writes, moves or runs it, nor
 * sends its bytes back. Which paths are opened at all is one rule for every caller, in
 * gguf/modelPath.ts: a .gguf name (nothing else is even stat'ed on the renderer's word, so the
 * channels cannot probe whether, say, a key file exists), a regular file after following links,
 * and one answer for every refusal. The desktop "Choose file…" goes through
 * models.addFromDialog, where main's own dialog picks the path and the renderer names none.
 */
import type { HandlersFor } from '../core/handler.js';
import type { ModelsService } from './modelsService.js';

/** Main's open dialog for a model file (the desktop shell's); null when the writer cancelled. */
export interface ModelFileDialog {
  chooseModelFile(clientId: string): Promise<string | null>;
}

/** `dialog` is the desktop shell; without one (headless, tests) the dialog is unavailable. */
export function createModelsHandlers(
  models: ModelsService,
  dialog?: ModelFileDialog,
): HandlersFor<'models'> {
  return {
    'models.validate': (request) => models.validate(request.path),
    'models.list': () => models.list(),
    'models.add': (request) => models.add(request.path, request.name),
    'models.addFromDialog': async (_request, context) => {
      if (!dialog) return { status: 'unavailable' };
      const path = await dialog.chooseModelFile(context.clientId);
      if (path === null) return { status: 'cancelled' };
      // The writer picked it in our dialog; the same path rule and validator decide.
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
