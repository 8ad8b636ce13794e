import { useEffect, useRef } from 'react';

/** A menu opened before its code loaded puts focus on its first item, as an open menu would. */
export function useFocusFirstItem(active: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    let tries = 0;
    const tick = () => {
      const item = ref.current?.querySelector<HTMLElement>(
        '[role="menuitem"]:not([data-disabled])',
      );
      if (item) item.focus();
      else if (tries++ < 30) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [active]);
  return ref;
}
