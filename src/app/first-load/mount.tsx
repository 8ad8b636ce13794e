import { startTransition, StrictMode } from 'react';
import { createRoot, type Root, type RootOptions } from 'react-dom/client';
import { App } from '../app';
import { firstAnswers, takeOver } from './handoff';
import { PageCommitContext } from './page-committed';
import { createAppRouter, type AppInstance, type AppOptions } from '../router';

const nothing = () => {};

/**
 * How long a pre-rendered page waits for its first answers before the app renders it without
 * them (each section then shows its own loading state until its answer lands). Meanwhile the
 * pre-rendered page is on screen, its links work and a click on its buttons is done once the app
 * is (handoff.ts).
 */
const ANSWERS_AT_MOST_MS = 5000;

/** What is rendered into #root, by the build's pre-render (with nothing loaded) and in the browser. */
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
 * (src/app/first-load/prerender.tsx), that HTML stays on screen while the page's code and its
 * first answers come in (index.html asked for both before this code ran), then the app renders
 * the page once, with its data, over it. Not a hydration: hydrating meant rendering the HTML's
 * "nothing loaded yet" again and then every section a second time with its data, in one task at
 * a time; this render is a transition, which React works on in slices of a few milliseconds.
 *
 * Otherwise the first render waits for the page's code (requested with the entry's, router.tsx),
 * at most 300 ms, so that it has the page in it rather than a loader.
 */
export async function mountApp(
  root: HTMLElement,
  options: AppOptions,
  { onRecoverableError }: Pick<RootOptions, 'onRecoverableError'> = {},
): Promise<{ app: AppInstance; reactRoot: Root }> {
  const app = createAppRouter(options);
  const reactRoot = createRoot(root, { onRecoverableError });
  if (root.dataset.prerendered) {
    await app.pageCode;
    await firstAnswers(app.queryClient, ANSWERS_AT_MOST_MS);
    const committed = () => takeOver(root);
    startTransition(() => reactRoot.render(<AppRoot app={app} onPageCommit={committed} />));
    return { app, reactRoot };
  }
  await Promise.race([app.pageCode, new Promise((done) => setTimeout(done, 300))]);
  reactRoot.render(<AppRoot app={app} />);
  return { app, reactRoot };
}
