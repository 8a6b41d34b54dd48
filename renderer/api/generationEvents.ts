import type { EventPayload } from '../../shared/contract.js';
import type { TokenStep } from '../../shared/schemas/tokenSteps.js';
import type { InkwellClient } from './client.js';

export interface GenerationHandlers {
  /** steps: what the model weighed at the tokens now out, when the engine says (see the event). */
  chunk(text: string, steps?: readonly TokenStep[]): void;
  end(end: EventPayload<'generation.end'>): void;
}

/**
 * Routes generation.chunk / generation.end to the handlers of one generation id. The caller
 * names a generation before asking for it, and follows that id first: main sends a
 * generation's events to the connection that started it only, and none before the reply to its
 * start, so nothing arrives for an id nobody follows yet.
 */
export class GenerationEvents {
  private readonly handlers = new Map<string, GenerationHandlers>();
  private readonly unsubscribe: () => void;

  constructor(client: InkwellClient) {
    const offChunk = client.on('generation.chunk', (payload) =>
      this.handlers.get(payload.generationId)?.chunk(payload.text, payload.steps),
    );
    const offEnd = client.on('generation.end', (payload) => {
      const handlers = this.handlers.get(payload.generationId);
      this.handlers.delete(payload.generationId);
      handlers?.end(payload);
    });
    this.unsubscribe = () => {
      offChunk();
      offEnd();
    };
  }

  /** Follows one generation until its end (or the returned function is called). */
  follow(generationId: string, handlers: GenerationHandlers): () => void {
    this.handlers.set(generationId, handlers);
    return () => {
      if (this.handlers.get(generationId) === handlers) this.handlers.delete(generationId);
    };
  }

  dispose(): void {
    this.unsubscribe();
    this.handlers.clear();
  }
}

/** A fresh id for a generation the caller is about to ask for. */
export function newGenerationId(): string {
  return crypto.randomUUID();
}
