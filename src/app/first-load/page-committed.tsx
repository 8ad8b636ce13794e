import { createContext, useContext, useEffect } from 'react';

/**
 * Called when the page's content (or its error) has been committed: over a pre-rendered page,
 * the app takes over from it then (mount.tsx, handoff.ts).
 */
export const PageCommitContext = createContext<() => void>(() => {});

/** Rendered next to the page, inside its Suspense boundary, and in its error fallback. */
export function PageCommitted() {
  const done = useContext(PageCommitContext);
  useEffect(done, [done]);
  return null;
}
