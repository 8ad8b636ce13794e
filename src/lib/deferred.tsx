import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * `fallback` in the render that mounts it, `children` right after, in a transition. For the body
 * of a dialog opened by a click: the click's own task renders the dialog's frame and the browser
 * paints it, then React renders the body in slices of a few milliseconds (the setup flow's body
 * was ~180 ms of the click's task at 4x CPU throttling, the whole dialog ~260 ms in one task).
 */
export function Deferred({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    startTransition(() => setShown(true));
  }, []);
  return shown ? children : fallback;
}
