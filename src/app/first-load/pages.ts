import type { ComponentType } from 'react';
import { lazyWithPreload } from '@/lib/lazy-with-preload';
import type { PagePrefetch } from './page-prefetch';

/** The page table: each code-split page's address, component and first requests. */

/**
 * A code-split page: its route, its component and, from the same module, its `prefetch` and
 * `sections` (the code of its own code-split parts: a first load waits for them too, so that it
 * renders the page whole rather than a part's placeholder first).
 */
function page<M>(
  path: string,
  load: () => Promise<M>,
  component: (module: M) => ComponentType<object>,
  prefetch?: (module: M) => PagePrefetch,
  sections?: (module: M) => Promise<unknown>,
) {
  return {
    path,
    ...lazyWithPreload(() => load().then(component)),
    prefetch: prefetch && (() => load().then(prefetch)),
    sections: sections && (() => load().then(sections)),
  };
}

export const pages = {
  signIn: page(
    '/sign-in',
    () => import('../routes/sign-in'),
    (m) => m.SignInRoute,
  ),
  profileSecurity: page(
    '/profile/security',
    () => import('../routes/profile-security'),
    (m) => m.ProfileSecurityRoute,
    (m) => m.prefetch,
  ),
  orgSecurity: page(
    '/orgs/:orgSlug/settings/security',
    () => import('../routes/org-security'),
    (m) => m.OrgSecurityRoute,
    (m) => m.prefetch,
    (m) => m.preloadSections(),
  ),
};

/** Loads every page's code up front (tests: so the first render of a page is not a download). */
export async function preloadPages(): Promise<void> {
  await Promise.all(Object.values(pages).flatMap((page) => [page.preload(), page.sections?.()]));
  await (await import('../routes/profile-security')).preloadTroubleshooter();
}
