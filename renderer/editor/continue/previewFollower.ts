/**
 * When the next continue's context is asked about again, kept off the typing path: an edit only marks
 * the preview out of date and restarts a quiet timer; once the writer has paused, the question
 * waits for an idle moment of the page (so it never shares a frame with a key), and at most one
 * is in flight. Edits made while one is in flight make its answer stale: it is dropped, and the
 * newest text is asked about once the writer pauses again. The clock is a port, so the
 * behaviour is tested step by step without waiting.
 */

/** Timers and idle callbacks, as the page has them (see pageClock). */
export interface FollowerClock {
  /** Runs `work` after `ms`; returns a cancel. */
  after(ms: number, work: () => void): () => void;
  /** Runs `work` in the page's next idle period; returns a cancel. */
  whenIdle(work: () => void): () => void;
}

export interface PreviewFollower {
  /** The text, the lorebook or the model changed: the preview is out of date. */
  changed(): void;
  /** Stops: no more questions, and an answer still coming is dropped. */
  dispose(): void;
}

export function createPreviewFollower<Answer>(options: {
  /** Reads what to ask about (at the time of asking, not of the edit) and asks. */
  ask: () => Promise<Answer>;
  /** The answer for the newest text. */
  onAnswer: (answer: Answer) => void;
  onProblem: (error: unknown) => void;
  quietMs: number;
  clock: FollowerClock;
}): PreviewFollower {
  const { clock, quietMs } = options;
  let cancelWait: (() => void) | null = null;
  let inFlight = false;
  /** Bumped by every change; an answer counts only if none came after its question. */
  let version = 0;
  let disposed = false;

  const askNow = (): void => {
    cancelWait = null;
    if (inFlight || disposed) return;
    inFlight = true;
    const asked = version;
    const settle = (deliver: () => void): void => {
      inFlight = false;
      if (disposed) return;
      if (asked === version) deliver();
      else if (cancelWait === null) {
        // Changed while asking, and the writer has paused since: ask about the newest text.
        wait(0);
      }
    };
    options.ask().then(
      (answer) => settle(() => options.onAnswer(answer)),
      (error: unknown) => settle(() => options.onProblem(error)),
    );
  };

  const wait = (ms: number): void => {
    cancelWait?.();
    let cancelIdle: (() => void) | null = null;
    const cancelTimer = clock.after(ms, () => {
      cancelIdle = clock.whenIdle(askNow);
    });
    cancelWait = () => {
      cancelTimer();
      cancelIdle?.();
    };
  };

  return {
    changed() {
      if (disposed) return;
      version += 1;
      // One in flight: its answer is stale now; the pause after this edit asks again.
      wait(quietMs);
    },
    dispose() {
      disposed = true;
      cancelWait?.();
      cancelWait = null;
    },
  };
}

/** The page's timers, and its idle callbacks (a timer where there are none). */
export const pageClock: FollowerClock = {
  after(ms, work) {
    const timer = setTimeout(work, ms);
    return () => clearTimeout(timer);
  },
  whenIdle(work) {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(work, 0);
      return () => clearTimeout(timer);
    }
    // A busy page still gets its preview within a second.
    const handle = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  },
};
