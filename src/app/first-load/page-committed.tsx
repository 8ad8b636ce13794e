import { createContext, useContext, useEffect } from 'react';

/**
 * Called when the page's content (or its error) has been committed. After hydrating pre-rendered
 * HTML, React commits the page's Suspense boundary in a pass of its own, after the root: the
 * answers held for hydration (mount.tsx) are let through only then.
 */
export const PageCommitContext = createContext<() => void>(() => {});

/** Rendered next to the page, inside its Suspense boundary, and in its error fallback. */
export function PageCommitted() {
  const done = useContext(PageCommitContext);
  useEffect(done, [done]);
  return null;
}
