import { Suspense, useLayoutEffect, type ReactNode } from 'react';
import {
  BrowserRouter,
  MemoryRouter,
  Navigate,
  Route,
  Routes,
  StaticRouter,
  useLocation,
  useNavigate,
  type Location,
  type NavigateOptions,
} from 'react-router';
import { Center } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/api/query-keys';
import { AppOptionsProvider, type AppOptions } from './app-options';
import { pageLoader } from './page-loader';
import { startFirstPage } from './first-load/first-page';
import { pages } from './first-load/pages';
import { createQueryClient } from './query-client';
import { RequireSession } from './require-session';
import { RouteBoundary } from './route-error';
import { OrgSettingsRedirect, HomeRedirect } from './routes/redirects';
import { NotFoundRoute } from './routes/not-found';

export type { AppOptions };
export { preloadPages } from './first-load/pages';

/**
 * Pages are code-split: the first page downloads only its own code, requested at start-up
 * alongside the session (not after it), and the first render waits for it (mount.tsx). A
 * navigation keeps the current page on screen until the next one's code has arrived (router
 * updates are transitions).
 *
 * Declarative routing (`<Routes>`), not the data router: no page uses loaders, actions or
 * fetchers, and the data router's state machine costs 17 kB gzip on the first page (README,
 * Performance). Per-page error boundaries and lazy pages are plain React.
 */

function AppRoutes({ options }: { options: AppOptions }) {
  return (
    <AppOptionsProvider value={options}>
      <RouteBoundary>
        <Routes>
          <Route
            path={pages.signIn.path}
            element={
              <Suspense fallback={<Center h="100vh">{pageLoader}</Center>}>
                <pages.signIn.Component />
              </Suspense>
            }
          />
          {/* The shell puts each page inside its own error boundary and Suspense. */}
          <Route element={<RequireSession />}>
            <Route index element={<HomeRedirect />} />
            <Route path="profile" element={<Navigate to="/profile/security" replace />} />
            <Route path="profile/security" element={<pages.profileSecurity.Component />} />
            <Route path="settings" element={<OrgSettingsRedirect />} />
            <Route path="orgs/:orgSlug" element={<OrgSettingsRedirect />} />
            <Route path="orgs/:orgSlug/settings" element={<OrgSettingsRedirect />} />
            <Route
              path="orgs/:orgSlug/settings/security"
              element={<pages.orgSecurity.Component />}
            />
            <Route path="*" element={<NotFoundRoute />} />
          </Route>
        </Routes>
      </RouteBoundary>
    </AppOptionsProvider>
  );
}

/** What the app (session expiry) and tests need of the router from outside React. */
export interface AppRouter {
  state: { location: Pick<Location, 'pathname' | 'search' | 'hash'> };
  navigate: (to: string, options?: NavigateOptions) => Promise<void>;
}

/** Keeps `AppRouter` in step with the router inside React. */
function RouterBridge({ router }: { router: AppRouter }) {
  const navigate = useNavigate();
  const location = useLocation();
  useLayoutEffect(() => {
    router.state = { location };
    router.navigate = async (to, options) => {
      // The page being opened counts from now (a 401 while it renders returns the person there).
      const next = new URL(to, `http://app${location.pathname}${location.search}`);
      router.state = {
        location: { pathname: next.pathname, search: next.search, hash: next.hash },
      };
      await navigate(to, options);
    };
  }, [router, navigate, location]);
  return null;
}

export interface AppInstance {
  router: AppRouter;
  queryClient: QueryClient;
  /** The routed app, to render inside the providers. */
  routes: ReactNode;
  /** Settles when the code of the page at the first address is in (or failed to load). */
  pageCode: Promise<void>;
}

/**
 * One router and one query client per app. Tests pass `initialPath` for a memory router; the
 * build's pre-render (prerender.tsx) passes `serverPath` for a static router that requests nothing.
 */
export function createAppRouter(
  options: AppOptions & { initialPath?: string; serverPath?: string } = {},
): AppInstance {
  const start = options.serverPath
    ? new URL(options.serverPath, 'http://app')
    : new URL(options.initialPath ?? window.location.href, window.location.href);
  const router: AppRouter = {
    state: { location: { pathname: start.pathname, search: start.search, hash: start.hash } },
    // The bridge replaces this in the router's first commit, before any request can answer.
    navigate: async () => {},
  };
  const queryClient = createQueryClient(() => {
    const { pathname, search } = router.state.location;
    if (pathname === '/sign-in') return;
    // No session was ever known here: a visitor who is not signed in, not an expired session
    // (RequireSession sends them to sign-in).
    if (!queryClient.getQueryData(queryKeys.session())) return;
    queryClient.clear();
    void router.navigate(`/sign-in?returnTo=${encodeURIComponent(pathname + search)}&expired=1`, {
      replace: true,
    });
  });
  const firstPage = options.serverPath
    ? Promise.resolve()
    : startFirstPage(queryClient, { pathname: start.pathname, search: start.search });
  const pageCode = firstPage.then(
    () => {},
    () => {}, // the page's error boundary shows a failed download
  );
  const inner = (
    <>
      <RouterBridge router={router} />
      <AppRoutes options={options} />
    </>
  );
  const routes = options.serverPath ? (
    <StaticRouter location={options.serverPath}>{inner}</StaticRouter>
  ) : options.initialPath ? (
    <MemoryRouter initialEntries={[options.initialPath]}>{inner}</MemoryRouter>
  ) : (
    <BrowserRouter>{inner}</BrowserRouter>
  );
  return { router, queryClient, routes, pageCode };
}
