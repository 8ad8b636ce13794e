import { useEffect, useRef } from 'react';

/** True until the first page of this document has been shown (not after a sign-in within it). */
let firstPageOfVisit = true;

/**
 * After a navigation, move focus to the new page's heading (as a screen reader or keyboard user
 * expects), instead of leaving it on <body>. Pages load lazily, so wait a few frames for the h1.
 * Not on the first page of a visit: there the document starts at the top as any page does (and
 * the first paint does not wait for the layout that focusing forces).
 */
export function useFocusPageHeading(pathname: string) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (firstPageOfVisit) {
      firstPageOfVisit = false;
      return;
    }
    let frame = 0;
    let tries = 0;
    const tick = () => {
      const active = document.activeElement;
      // Someone already moved focus into the page (a dialog, a field): leave it there.
      if (active && active !== document.body && ref.current?.contains(active)) return;
      const heading = ref.current?.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      } else if (tries++ < 60) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return ref;
}
