import { useEffect, useRef } from 'react';

/** The address this document was opened at, until the first navigation away from it. */
let firstPath: string | null = typeof window === 'undefined' ? null : window.location.pathname;

/**
 * After a navigation, move focus to the new page's heading (as a screen reader or keyboard user
 * expects), instead of leaving it on <body>. Pages load lazily, so wait a few frames for the h1.
 * Not on the page the document was opened at: there it starts at the top as any page does (and
 * the first paint does not wait for the layout that focusing forces). After signing in, yes.
 */
export function useFocusPageHeading(pathname: string) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (pathname === firstPath) return; // (StrictMode runs this twice for the same page)
    firstPath = null;
    const startedOn = document.activeElement;
    let frame = 0;
    let tries = 0;
    let focused: HTMLElement | null = null;
    const tick = () => {
      const active = document.activeElement;
      const lost = !active || active === document.body || active === startedOn;
      // Someone already moved focus since the navigation (a menu, a dialog, a field): leave it.
      if (!lost && active !== focused) return;
      const heading = ref.current?.querySelector<HTMLElement>('h1');
      if (heading && lost) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
        focused = heading;
      }
      // The old page's heading may be focused and then replaced (another organization's page is
      // the same route, mounted again): keep watching for a few frames.
      if (tries++ < 60) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return ref;
}
