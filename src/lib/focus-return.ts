type Target = HTMLElement | null | undefined | (() => HTMLElement | null | undefined);

const resolveTarget = (t: Target) => (typeof t === 'function' ? t() : t);

/** Can take focus now: in the page, enabled, rendered. */
export function canFocus(el: HTMLElement | null | undefined): el is HTMLElement {
  return (
    !!el &&
    el.isConnected &&
    !el.matches(':disabled, [data-disabled="true"]') &&
    el.getClientRects().length > 0
  );
}

/**
 * Put focus back where the person was once the change they made has settled: after a dialog
 * closes (it is unmounted, so Mantine's own return does not run), after a list re-renders, or
 * when the control that opened a dialog is enabled again after saving. Targets are tried in
 * order, each frame for up to ~5 s, and only while focus is lost (on <body>, on a removed element,
 * or still on the element it was on when this was called, e.g. inside the closing dialog): if the
 * person moved focus meanwhile, it stays where they put it.
 */
export function returnFocus(...targets: Target[]): void {
  if (typeof document === 'undefined') return;
  const startedOn = document.activeElement;
  let frames = 0;
  const tick = () => {
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected || active === startedOn;
    if (!lost) return;
    for (const target of targets) {
      const el = resolveTarget(target);
      if (canFocus(el)) {
        if (el !== active) el.focus();
        if (document.activeElement === el) return;
      }
    }
    if (frames++ < 300) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The element that has focus now (to return to it later). */
export const focusedElement = (): HTMLElement | null =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;
