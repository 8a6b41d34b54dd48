import type { EventName, EventPayload } from '../../shared/contract.js';

/** One event and its payload, as a pair that narrows together (`if (event === ...) payload...`). */
export type EventArgs = { [E in EventName]: [event: E, payload: EventPayload<E>] }[EventName];
export type EventListener = (...args: EventArgs) => void;
/** The same, with who the event is for: a client id, or null for every connected renderer. */
export type AddressedEventListener = (target: string | null, ...args: EventArgs) => void;

/** Main pushes state to the renderers; transports subscribe once and forward. */
export class EventBus {
  private readonly listeners = new Set<AddressedEventListener>();

  /** To every connected renderer. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.deliver(null, event, payload);
  }

  /**
   * To one client only (a window, a WebSocket connection): the transports deliver it to that
   * client and nobody else; listeners in main see it like any other event.
   */
  emitTo<E extends EventName>(clientId: string, event: E, payload: EventPayload<E>): void {
    this.deliver(clientId, event, payload);
  }

  /** Every event, whoever it is for (main's own listeners, tests). */
  subscribe(listener: EventListener): () => void {
    return this.subscribeAddressed((_target, ...args) => listener(...args));
  }

  /** Every event with its addressee: what a transport needs to deliver it. */
  subscribeAddressed(listener: AddressedEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver<E extends EventName>(
    target: string | null,
    event: E,
    payload: EventPayload<E>,
  ): void {
    for (const listener of this.listeners) {
      try {
        listener(target, ...([event, payload] as EventArgs));
      } catch (error) {
        console.error(`[inkwell] event listener for ${event} failed:`, error);
      }
    }
  }
}
