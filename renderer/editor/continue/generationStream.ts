import type { EventPayload } from '../../../shared/contract.js';
import type { InkwellClient } from '../../api/client.js';

export interface GenerationHandlers {
  chunk(text: string): void;
  end(end: EventPayload<'generation.end'>): void;
}

type StreamEvent =
  | { kind: 'chunk'; payload: EventPayload<'generation.chunk'> }
  | { kind: 'end'; payload: EventPayload<'generation.end'> };

/** Events kept for generations whose id is not known yet; more than this is not a continue's. */
const MAX_BUFFERED_EVENTS = 10_000;

/**
 * Routes generation.chunk / generation.end events to the handlers of one generation id. The
 * first chunks can arrive before the reply to continue.start names the id, so while a start is
 * in flight, events for unknown ids are kept and handed over when the id is attached.
 */
export class GenerationStream {
  private readonly handlers = new Map<string, GenerationHandlers>();
  private buffered: StreamEvent[] = [];
  private startsInFlight = 0;
  private readonly unsubscribe: () => void;

  constructor(client: InkwellClient) {
    const offChunk = client.on('generation.chunk', (payload) =>
      this.route({ kind: 'chunk', payload }),
    );
    const offEnd = client.on('generation.end', (payload) => this.route({ kind: 'end', payload }));
    this.unsubscribe = () => {
      offChunk();
      offEnd();
    };
  }

  /** Call before asking for a generation; call the returned function once the reply is in. */
  expect(): () => void {
    this.startsInFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.startsInFlight -= 1;
      if (this.startsInFlight === 0) this.buffered = [];
    };
  }

  attach(generationId: string, handlers: GenerationHandlers): void {
    this.handlers.set(generationId, handlers);
    const early = this.buffered.filter((event) => event.payload.generationId === generationId);
    this.buffered = this.buffered.filter((event) => event.payload.generationId !== generationId);
    for (const event of early) this.deliver(handlers, event);
  }

  detach(generationId: string): void {
    this.handlers.delete(generationId);
  }

  dispose(): void {
    this.unsubscribe();
    this.handlers.clear();
    this.buffered = [];
  }

  private route(event: StreamEvent): void {
    const handlers = this.handlers.get(event.payload.generationId);
    if (handlers) this.deliver(handlers, event);
    else if (this.startsInFlight > 0 && this.buffered.length < MAX_BUFFERED_EVENTS) {
      this.buffered.push(event);
    }
  }

  private deliver(handlers: GenerationHandlers, event: StreamEvent): void {
    if (event.kind === 'chunk') handlers.chunk(event.payload.text);
    else {
      this.handlers.delete(event.payload.generationId);
      handlers.end(event.payload);
    }
  }
}
