/**
 * How much one render of a template may do. A template is a small program written by whoever
 * wrote the file (a shared template is untrusted input), so every render runs in a process of
 * its own under these limits; a writer's template needs a small fraction of each.
 */
export interface RenderLimits {
  /**
   * Evaluations (an expression, a statement, a loop turn) in one render, all parts together;
   * range(n) costs n up front, so a huge range is refused before it is built.
   */
  steps: number;
  /** Characters in any one value, the rendered parts included. */
  chars: number;
  /** Items in any one list or mapping. */
  items: number;
  /** Evaluations nested inside each other (a macro that calls itself ends here, not in a crash). */
  depth: number;
  /** Wall-clock time of one render; past it the render process is killed. */
  timeMs: number;
  /** The render process's JavaScript heap (V8's old generation), in MB. */
  memoryMb: number;
}

export const RENDER_LIMITS: Readonly<RenderLimits> = Object.freeze({
  // The built-in templates take well under a thousand steps and a few thousand characters.
  steps: 100_000,
  // About 25,000 tokens: far more than a prompt a GPT-2 context can hold.
  chars: 100_000,
  items: 10_000,
  // A real template nests a few dozen deep; this stays far from V8's stack limit.
  depth: 500,
  // Two seconds on a busy machine is a hundred times what a real template takes.
  timeMs: 2_000,
  memoryMb: 64,
});
