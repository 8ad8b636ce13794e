import type { QueryClient } from '@tanstack/react-query';

/**
 * From the pre-rendered page to the app (mount.tsx). The pre-rendered HTML is a picture of the
 * page: the app renders over it, and until then its buttons do nothing. So index.html's inline
 * script (prerender.tsx) writes down what the person did in it: the last button clicked, what
 * they typed into a field, where the focus was, each by the control's name. Once the app is on
 * screen it does the same in its own page: types the text (as input events, so the app's state
 * has it), focuses, clicks. A click on a control that was on screen is not lost, and neither is
 * a word typed. (Links need nothing: they navigate on their own.)
 */
export const HANDOFF_GLOBAL = '__nimbusHandoff';

/** Marks the pre-rendered page's nodes: what happens elsewhere (in what React rendered) is not recorded. */
export const PRERENDERED_NODE = 'data-prerendered-node';

export interface EarlyInput {
  click?: string;
  focus?: string;
  values: Record<string, string>;
}

declare global {
  interface Window {
    [HANDOFF_GLOBAL]?: EarlyInput;
  }
}

/**
 * A control's name, the same in the pre-rendered page and in the app's. Also inlined into
 * index.html's script (as its source: no imports, no types at run time).
 */
export const controlName = (element: Element): string =>
  element.getAttribute('aria-label') ||
  element.getAttribute('placeholder') ||
  element.getAttribute('name') ||
  (element.textContent || '').trim();

/** The control of that name; else the one whose name ends with it ("Switch organization" is
 * "Organization: Acme. Switch organization" once the organization is known). */
function find(root: HTMLElement, selector: string, name: string): HTMLElement | undefined {
  const controls = [...root.querySelectorAll<HTMLElement>(selector)];
  return (
    controls.find((c) => controlName(c) === name) ??
    controls.find((c) => controlName(c).endsWith(name))
  );
}

function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  setter?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The page is the app's now: what the person did in the pre-rendered one is done again here. */
export function takeOver(root: HTMLElement): void {
  delete root.dataset.prerendered;
  const early = window[HANDOFF_GLOBAL];
  delete window[HANDOFF_GLOBAL];
  if (!early) return;
  for (const [name, value] of Object.entries(early.values)) {
    const field = find(root, 'input, textarea', name);
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
      typeInto(field, value);
    }
  }
  if (early.focus && document.activeElement === document.body) {
    find(root, 'button, input, textarea, select', early.focus)?.focus();
  }
  if (early.click) find(root, 'button', early.click)?.click();
}

/**
 * Resolves when the requests of the first page have all been answered (or failed), or after
 * `atMostMs`: the app then renders the page once, with its data, rather than first the
 * pre-rendered "nothing loaded yet" and then each answer as it lands.
 */
export function firstAnswers(client: QueryClient, atMostMs: number): Promise<void> {
  return new Promise((done) => {
    let unsubscribe = () => {};
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      done();
    };
    const timer = setTimeout(finish, atMostMs);
    // One task later: the page's prefetch starts its requests once its module's promise settles.
    setTimeout(() => {
      if (client.isFetching() === 0) return finish();
      unsubscribe = client.getQueryCache().subscribe(() => {
        if (client.isFetching() === 0) finish();
      });
    }, 0);
  });
}
