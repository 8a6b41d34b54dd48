import { whenIdle } from '../whenIdle.js';

/**
 * Hands on the latest of a stream of values when the page is idle, at most once every
 * `intervalMs`: for figures a writer glances at (word counts) that change with every key. Shown
 * a moment late they cost nothing; re-rendered inside each keystroke they cost its frame.
 */
export interface IdleThrottle<T> {
  push(value: T): void;
  /** Drops a value still waiting (the receiver is going away). */
  cancel(): void;
}

export function idleThrottle<T>(deliver: (value: T) => void, intervalMs: number): IdleThrottle<T> {
  let latest: { value: T } | null = null;
  let lastDeliveredAt = Number.NEGATIVE_INFINITY;
  let cancelScheduled: (() => void) | null = null;

  const flush = (): void => {
    cancelScheduled = null;
    if (!latest) return;
    const { value } = latest;
    latest = null;
    lastDeliveredAt = performance.now();
    deliver(value);
  };

  const schedule = (): void => {
    const wait = Math.max(0, lastDeliveredAt + intervalMs - performance.now());
    const timer = setTimeout(() => {
      let ran = false;
      // The interval caps how late it may come too: a page that is never idle still shows it.
      const cancelIdle = whenIdle(() => {
        ran = true;
        flush();
      }, intervalMs);
      // Where there is no idle callback it has already run, and nothing waits.
      if (!ran) cancelScheduled = cancelIdle;
    }, wait);
    cancelScheduled = () => clearTimeout(timer);
  };

  return {
    push(value) {
      latest = { value };
      // The first value (what there is when the receiver appears) is not held back.
      if (lastDeliveredAt === Number.NEGATIVE_INFINITY) flush();
      else if (cancelScheduled === null) schedule();
    },
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
      latest = null;
    },
  };
}
