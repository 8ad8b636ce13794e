/**
 * Runs `callback` when the browser is next idle (within a second at the latest): for code that
 * what is on screen offers next, loaded never in the work of showing the page. Returns a cancel.
 */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(callback, 0);
    return () => clearTimeout(timer);
  }
  const idle = requestIdleCallback(callback, { timeout: 1000 });
  return () => cancelIdleCallback(idle);
}
