import { matchPath } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { hasEarlyAnswers } from '@/api/early';
import { orgListQuery, sessionQuery } from '@/api/queries';
import { pages } from './pages';

/**
 * The first load, without a waterfall: the page's code, the session and, once the session is
 * known to be valid (or at once, when index.html has started them), the shell's and the page's
 * first requests all start before React renders anything, instead of one after the other as
 * components mount. Returns the download of the page's code, its sections' included.
 */
export function startFirstPage(
  client: QueryClient,
  at: { pathname: string; search: string },
): Promise<unknown> {
  const hit = Object.values(pages)
    .map((page) => ({ page, match: matchPath(page.path, at.pathname) }))
    .find(({ match }) => match);
  const code = hit ? Promise.all([hit.page.preload(), hit.page.sections?.()]) : Promise.resolve();
  if (hit?.page === pages.signIn) return code;
  const rest = () => {
    void client.prefetchQuery(orgListQuery());
    const params = hit?.match?.params ?? {};
    void hit?.page.prefetch?.().then((prefetch) => prefetch(client, { params, search: at.search }));
  };
  // When index.html already sent the page's requests (early-requests.ts), adopting their answers
  // costs nothing: all of them at once, so they land together, before the page's first render.
  const early = hasEarlyAnswers();
  const session = client.fetchQuery(sessionQuery());
  if (early) rest();
  session.then(
    () => {
      if (!early) rest();
    },
    () => {}, // not signed in: RequireSession sends the person to sign-in
  );
  return code;
}
