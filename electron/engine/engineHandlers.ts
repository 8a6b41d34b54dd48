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

/** Raw generations on a prompt the caller wrote (continue and templates build theirs in main). */
export function createGenerationHandlers(engine: EngineService): HandlersFor<'generation'> {
  return {
    'generation.start': (request, context) => {
      const { generationId, seed } = engine.startGeneration(
        request.prompt,
        request.params,
        context,
      );
      return { generationId, seed };
    },
    'generation.cancel': (request) => engine.cancelGeneration(request.generationId),
    'generation.typing': (request) => engine.noteTyping(request.generationId),
  };
}
