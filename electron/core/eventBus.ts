import type { EventName, EventPayload } from '../../shared/contract.js';

/** One event and its payload, as a pair that narrows together (`if (event === ...) payload...`). */
export type EventArgs = { [E in EventName]: [event: E, payload: EventPayload<E>] }[EventName];
export type EventListener = (...args: EventArgs) => void;

/** Main pushes state to every connected renderer; transports subscribe once and forward. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(...([event, payload] as EventArgs));
      } catch (error) {
        console.error(`[inkwell] event listener for ${event} failed:`, error);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
