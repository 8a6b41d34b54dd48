/**
 * Holds a close or quit until the renderer has saved: the first attempt is prevented, the flush
 * runs, then the close/quit is repeated and let through. Attempts made while flushing are
 * prevented too (the repeat will follow). The flush must settle on its own (it has a timeout).
 */
export interface PreventableEvent {
  preventDefault(): void;
}

export class FlushGate {
  private state: 'open-for-flush' | 'flushing' | 'flushed' = 'open-for-flush';

  constructor(private readonly flush: () => Promise<unknown>) {}

  get flushed(): boolean {
    return this.state === 'flushed';
  }

  /** Call from the close/quit event; `proceed` repeats the close/quit once saved. */
  hold(event: PreventableEvent, proceed: () => void): void {
    if (this.state === 'flushed') return;
    event.preventDefault();
    if (this.state === 'flushing') return;
    this.state = 'flushing';
    void this.flush()
      .catch((error: unknown) => console.error('[inkwell] flush before closing failed:', error))
      .finally(() => {
        this.state = 'flushed';
        proceed();
      });
  }
}
