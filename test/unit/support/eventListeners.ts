import type { EventName, EventPayload } from '../../../shared/contract.js';

/** The `on` half of a fake InkwellClient: listeners by event, and a way for the test to emit. */
export class EventListeners {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}
