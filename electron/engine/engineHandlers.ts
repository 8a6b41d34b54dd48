import type { HandlersFor } from '../core/handler.js';
import type { EngineService } from './engineService.js';

export function createEngineHandlers(engine: EngineService): HandlersFor<'engine'> {
  return {
    'engine.load': (request) => engine.load(request),
    'engine.unload': () => engine.unload(),
    'engine.status': () => engine.status(),
    'engine.measureMemory': () => engine.measureMemory(),
    'engine.countTokens': (request) => engine.countTokens(request.text),
  };
}
