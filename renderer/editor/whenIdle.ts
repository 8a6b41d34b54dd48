/**
 * Runs `work` in the page's next idle period, or after `timeoutMs` at the latest (a busy page
 * still gets it); at once where there are no idle callbacks, as in Node. Returns a cancel.
 */
export function whenIdle(work: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    work();
    return () => undefined;
  }
  const handle = requestIdleCallback(work, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
