import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot, type Root, type RootOptions } from 'react-dom/client';
import { holdResponsesUntil } from '@/api/client';
import { App } from '../app';
import { PageCommitContext } from './page-committed';
import { createAppRouter, type AppInstance, type AppOptions } from '../router';

const nothing = () => {};

/** A hydration that never reaches the page (a bug) must not hold every answer for good. */
const HOLD_AT_MOST_MS = 5000;

/**
 * What is rendered into #root, by the build's pre-render and in the browser alike: hydration
 * needs the same tree on both sides (useId values depend on it).
 */
export function AppRoot({
  app,
  onPageCommit = nothing,
}: {
  app: AppInstance;
  onPageCommit?: () => void;
}) {
  return (
    <StrictMode>
      <PageCommitContext value={onPageCommit}>
        <App app={app} />
      </PageCommitContext>
    </StrictMode>
  );
}

/**
 * Starts the app in `root`.
 *
 * When a production build's index.html has put the pre-rendered page for this address in it
 * (src/app/first-load/prerender.tsx), React hydrates that HTML. The requests start at once; their answers
 * wait until the page has been hydrated (PageCommitted), because hydration has to render the
 * HTML's "nothing loaded yet", and React hydrates the page in a pass of its own, after the root.
 *
 * Otherwise the first render waits for the page's code (requested with the entry's, router.tsx),
 * at most 300 ms, so that it has the page in it rather than a loader.
 */
export async function mountApp(
  root: HTMLElement,
  options: AppOptions,
  { onRecoverableError }: Pick<RootOptions, 'onRecoverableError'> = {},
): Promise<{ app: AppInstance; reactRoot: Root }> {
  if (root.dataset.prerendered) {
    let hydrated = nothing;
    const held = new Promise<void>((done) => (hydrated = done));
    holdResponsesUntil(held);
    const app = createAppRouter(options);
    await app.pageCode;
    // Hydration as a transition: React works on it in slices of a few milliseconds (a click
    // in between is answered, and hydrates what it hits first) instead of in one long task.
    let reactRoot: Root | undefined;
    startTransition(() => {
      reactRoot = hydrateRoot(root, <AppRoot app={app} onPageCommit={hydrated} />, {
        onRecoverableError,
      });
    });
    if (!reactRoot) throw new Error('hydrateRoot returned no root');
    setTimeout(hydrated, HOLD_AT_MOST_MS);
    return { app, reactRoot };
  }
  const app = createAppRouter(options);
  await Promise.race([app.pageCode, new Promise((done) => setTimeout(done, 300))]);
  const reactRoot = createRoot(root, { onRecoverableError });
  reactRoot.render(<AppRoot app={app} />);
  return { app, reactRoot };
}
