/**
 * The router handlers for exactly the models channels, each onto a ModelsService method.
 */
import type { z } from 'zod';
import type { modelChannels } from '../../shared/channels/models.js';
import type { RequestContext } from '../ipc/router.js';
import type { ModelsService } from './modelsService.js';

type ChannelName = keyof typeof modelChannels;
type ModelsHandler<C extends ChannelName> = (
  request: z.output<(typeof modelChannels)[C]['request']>,
  context: RequestContext,
) =>
  | z.output<(typeof modelChannels)[C]['response']>
  | Promise<z.output<(typeof modelChannels)[C]['response']>>;
export type ModelsHandlers = { [C in ChannelName]: ModelsHandler<C> };

/** The handlers for exactly the models channels; createHandlers spreads them in. */
export function createModelsHandlers(models: ModelsService): ModelsHandlers {
  return {
    'models.list': () => models.list(),
    'models.add': (request) => models.add(request.path, request.name),
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
