/**
 * Sits between the engine's events and the event bus. Generations that a service owns (continue
 * and replay) pass their chunks and end through an observer first, which may shorten them (a
 * sentence stop ends the text early) and record them, so that what every renderer receives for
 * that generation id is exactly what history stores. Other generations pass through untouched.
 */
import type { EventBus } from '../core/eventBus.js';
import type {
  EngineEventName,
  EngineEventPayload,
  GenerationEnd,
} from '../engine/engineService.js';

export interface GenerationObserver {
  /** Returns the text to pass on ('' passes nothing on). */
  chunk(text: string): string;
  /** Returns the end to pass on; called once, before the end reaches any renderer. */
  end(end: GenerationEnd): GenerationEnd;
  /** Called after the end has been passed on. */
  afterEnd?(end: GenerationEnd): void;
}

type EngineEventArgs = {
  [E in EngineEventName]: [event: E, payload: EngineEventPayload<E>];
}[EngineEventName];

export class GenerationRelay {
  private readonly observers = new Map<string, GenerationObserver>();

  constructor(private readonly bus: EventBus) {}

  /** Must be called in the same tick as startGeneration, before the first chunk can arrive. */
  observe(generationId: string, observer: GenerationObserver): void {
    this.observers.set(generationId, observer);
  }

  forget(generationId: string): void {
    this.observers.delete(generationId);
  }

  /** The EngineService's event sink. */
  readonly relay = <E extends EngineEventName>(event: E, payload: EngineEventPayload<E>): void => {
    const args = [event, payload] as EngineEventArgs;
    if (args[0] === 'generation.chunk') {
      const observer = this.observers.get(args[1].generationId);
      if (observer) {
        const text = observer.chunk(args[1].text);
        if (text !== '') this.bus.emit('generation.chunk', { ...args[1], text });
        return;
      }
    } else if (args[0] === 'generation.end') {
      const observer = this.observers.get(args[1].generationId);
      if (observer) {
        this.observers.delete(args[1].generationId);
        const end = observer.end(args[1]);
        this.bus.emit('generation.end', end);
        observer.afterEnd?.(end);
        return;
      }
    }
    this.bus.emit<E>(event, payload);
  };
}
