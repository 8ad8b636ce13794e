import { createBrowserRouter, createMemoryRouter, Navigate, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppOptionsProvider, type AppOptions } from './app-options';
import { createQueryClient } from './query-client';
import { RequireSession } from './require-session';
import { RouteError } from './route-error';
import { SignInRoute } from './routes/sign-in';
import { ProfileSecurityRoute } from './routes/profile-security';
import { OrgSecurityRoute } from './routes/org-security';
import { OrgSettingsRedirect, HomeRedirect } from './routes/redirects';
import { NotFoundRoute } from './routes/not-found';

export type { AppOptions };

function routes(options: AppOptions): RouteObject[] {
  const withOptions = (element: React.ReactNode) => (
    <AppOptionsProvider value={options}>{element}</AppOptionsProvider>
  );
  return [
    { path: '/sign-in', element: withOptions(<SignInRoute />), errorElement: <RouteError /> },
    {
      element: withOptions(<RequireSession />),
      errorElement: <RouteError />,
      children: [
        { index: true, element: <HomeRedirect />, errorElement: <RouteError /> },
        { path: 'profile', element: <Navigate to="/profile/security" replace /> },
        {
          path: 'profile/security',
          element: <ProfileSecurityRoute />,
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
          element: <OrgSecurityRoute />,
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
