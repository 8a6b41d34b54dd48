import type { HandlersFor } from '../../core/handler.js';
import type { RemoteEngineService } from './remoteEngineService.js';

export function createRemoteHandlers(remote: RemoteEngineService): HandlersFor<'remote'> {
  return {
    'remote.get': () => remote.get(),
    'remote.save': (request) => remote.save(request),
    'remote.listModels': (request) => remote.listModels(request),
    'remote.use': (request) => remote.use(request.engine),
  };
}
