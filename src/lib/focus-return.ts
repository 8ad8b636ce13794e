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
let latest = 0;

export function returnFocus(...targets: Target[]): void {
  if (typeof document === 'undefined') return;
  const startedOn = document.activeElement;
  const token = ++latest;
  let frames = 0;
  let placed: Element | null = null;
  const tick = () => {
    // A later change has its own place for focus.
    if (token !== latest) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected || active === startedOn;
    // Focus is somewhere the person (or the page) chose: leave it.
    if (!lost && active !== placed) return;
    if (lost) {
      placed = null;
      for (const target of targets) {
        const el = resolveTarget(target);
        if (canFocus(el)) {
          if (el !== active) el.focus();
          if (document.activeElement === el) {
            placed = el;
            break;
          }
        }
      }
    }
    // Keep watching a little: the control focused may still be replaced (a refetch after a save).
    if (frames++ < 300) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The element that has focus now (to return to it later). */
export const focusedElement = (): HTMLElement | null =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;

const FIELD =
  'input:checked:not([disabled]), input:not([type=hidden]):not([type=radio]):not([disabled]), textarea:not([disabled])';

/**
 * A dialog opens on its field, not on its close button: Mantine's focus trap focuses the first
 * tabbable element (the close button) just after mount; for a few frames, while focus is still
 * there (or on <body>), move it to the first field inside `container`.
 */
export function focusFieldOnOpen(container: () => HTMLElement | null, frames = 30): () => void {
  let n = 0;
  let id = 0;
  const tick = () => {
    const field = container()?.querySelector<HTMLElement>(FIELD);
    const active = document.activeElement;
    const stolen =
      !active ||
      active === document.body ||
      active.matches('.mantine-Modal-close, .mantine-Modal-content, h1, h2, h3, h4');
    if (field && stolen && active !== field) field.focus();
    if (n++ < frames) id = requestAnimationFrame(tick);
  };
  id = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(id);
}
