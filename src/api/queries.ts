import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { queryKeys } from './query-keys';
import type { components } from './schema';

type Session = components['schemas']['Session'];

/**
 * The queries more than one feature reads (the shell, sign-in, access, the pages), defined once.
 * A feature's own queries live in its `api.ts`, with keys from ./query-keys.
 */
export const sessionQuery = () =>
  queryOptions({
    queryKey: queryKeys.session(),
    queryFn: () => unwrap(api.GET('/session')),
    staleTime: 60_000,
  });

export const meQuery = () =>
  queryOptions({
    queryKey: queryKeys.me.profile(),
    queryFn: () => unwrap(api.GET('/me')),
    staleTime: 30_000,
  });

export const orgListQuery = () =>
  queryOptions({
    queryKey: queryKeys.orgList(),
    queryFn: async () => (await unwrap(api.GET('/orgs'))).items,
    staleTime: 30_000,
  });

/**
 * How long an answer that must be current (the impact shown before enforcing, running jobs)
 * counts as fresh: long enough that the page's first load, which asks for it before its section
 * mounts (routes/org-security.tsx, prefetch), does not ask again a moment later; no longer.
 */
export const CURRENT_MS = 2_000;

/** Who has MFA, by role. The impact shown before enforcing must be current: never stale-cached. */
export const memberSummaryQuery = (orgSlug: string) =>
  queryOptions({
    queryKey: queryKeys.org.summary(orgSlug),
    queryFn: () =>
      unwrap(api.GET('/orgs/{orgSlug}/members/summary', { params: { path: { orgSlug } } })),
    staleTime: CURRENT_MS,
  });

/**
 * The session or the person's sign-in methods changed (sign-in, step-up, SSO, a method added or
 * removed): every answer may differ now. Queries that failed (access denied) are reset, so the
 * pages that own them start afresh; the rest are refetched. A `session` the server answered with
 * (a step-up) goes into the cache as it is instead of being fetched again: its `mfaAt` decides
 * whether the next action needs a step-up first.
 */
export async function sessionChanged(client: QueryClient, session?: Session): Promise<void> {
  const sessionKey = queryKeys.session();
  if (session) client.setQueryData(sessionKey, session);
  await client.resetQueries({ predicate: (q) => q.state.status === 'error' });
  await client.invalidateQueries({
    predicate: (q) => !session || q.queryKey[0] !== sessionKey[0],
  });
}

/** `sessionChanged` for the client of the component that calls it. */
export function useSessionChanged(): () => Promise<void> {
  const client = useQueryClient();
  return () => sessionChanged(client);
}
