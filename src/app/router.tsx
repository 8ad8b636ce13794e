import { createBrowserRouter, createMemoryRouter, Navigate, type RouteObject } from 'react-router';
import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { AppOptionsProvider, type AppOptions } from './app-options';
import { createQueryClient } from './query-client';
import { RequireSession } from './require-session';
import { RouteError } from './route-error';
import { OrgSettingsRedirect, HomeRedirect } from './routes/redirects';
import { NotFoundRoute } from './routes/not-found';

export type { AppOptions };

/**
 * Pages are code-split (route `lazy`): the first page downloads only its own code, and a
 * navigation keeps the current page on screen until the next one's code has arrived. On the
 * first load the shell renders at once (its session request runs alongside the page's chunk)
 * with this loader where the page will be.
 */
const pageLoader = (
  <Center py="xl" h="100%">
    <Loader aria-label="Loading page" />
  </Center>
);

const pages = {
  signIn: () => import('./routes/sign-in'),
  profileSecurity: () => import('./routes/profile-security'),
  orgSecurity: () => import('./routes/org-security'),
};

/** Loads every page's code up front (tests: so the first render of a page is not a download). */
export async function preloadPages(): Promise<void> {
  await Promise.all(Object.values(pages).map((load) => load()));
}

function routes(options: AppOptions): RouteObject[] {
  const withOptions = (element: React.ReactNode) => (
    <AppOptionsProvider value={options}>{element}</AppOptionsProvider>
  );
  return [
    {
      path: '/sign-in',
      lazy: async () => {
        const { SignInRoute } = await pages.signIn();
        return { element: withOptions(<SignInRoute />) };
      },
      hydrateFallbackElement: <Center h="100vh">{pageLoader}</Center>,
      errorElement: <RouteError />,
    },
    {
      element: withOptions(<RequireSession />),
      errorElement: <RouteError />,
      children: [
        { index: true, element: <HomeRedirect />, errorElement: <RouteError /> },
        { path: 'profile', element: <Navigate to="/profile/security" replace /> },
        {
          path: 'profile/security',
          lazy: async () => {
            const { ProfileSecurityRoute } = await pages.profileSecurity();
            return { Component: ProfileSecurityRoute };
          },
          hydrateFallbackElement: pageLoader,
          errorElement: <RouteError />,
        },
        { path: 'settings', element: <OrgSettingsRedirect />, errorElement: <RouteError /> },
        { path: 'orgs/:orgSlug', element: <OrgSettingsRedirect />, errorElement: <RouteError /> },
        {
          path: 'orgs/:orgSlug/settings',
          element: <OrgSettingsRedirect />,
          errorElement: <RouteError />,
        },
        {
          path: 'orgs/:orgSlug/settings/security',
          lazy: async () => {
            const { OrgSecurityRoute } = await pages.orgSecurity();
            return { Component: OrgSecurityRoute };
          },
          hydrateFallbackElement: pageLoader,
          errorElement: <RouteError />,
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}

export interface AppInstance {
  router: ReturnType<typeof createBrowserRouter>;
  queryClient: QueryClient;
}

/** One router and one query client per app (tests pass `initialPath` for a memory router). */
export function createAppRouter(options: AppOptions & { initialPath?: string } = {}): AppInstance {
  let router: AppInstance['router'] | null = null;
  const queryClient = createQueryClient(() => {
    if (!router) return;
    const { pathname, search } = router.state.location;
    if (pathname === '/sign-in') return;
    queryClient.clear();
    void router.navigate(`/sign-in?returnTo=${encodeURIComponent(pathname + search)}&expired=1`, {
      replace: true,
    });
  });
  const tree = routes(options);
  router = options.initialPath
    ? createMemoryRouter(tree, { initialEntries: [options.initialPath] })
    : createBrowserRouter(tree);
  return { router, queryClient };
}
