import type { EventName, EventPayload } from '../../shared/contract.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main pushes state to every connected renderer; transports subscribe once and forward. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
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
