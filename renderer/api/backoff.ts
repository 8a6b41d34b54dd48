/**
 * Delays for retrying something that failed: doubling from `initialMs` up to `maxMs`, with up to
 * `jitter` (a fraction) taken off at random so that many tabs do not retry in lockstep after a
 * server restart.
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  jitter?: number;
}

export function backoffDelay(
  attempt: number,
  { initialMs, maxMs, jitter = 0 }: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.min(attempt, 30));
  const full = Math.min(maxMs, initialMs * 2 ** exponent);
  return Math.round(full * (1 - jitter * random()));
}
