import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import type { CodeProof } from '@/lib/code-entry';

export type Session = components['schemas']['Session'];
export type CurrentUser = components['schemas']['CurrentUser'];
export type OrganizationSummary = components['schemas']['OrganizationSummary'];
export type SignInResult = components['schemas']['SignInResult'];

/** Query keys, general to specific: invalidating ['me'] refreshes everything about the person. */
export const authKeys = {
  session: ['session'] as const,
  me: ['me'] as const,
  orgs: ['orgs'] as const,
};

export const sessionQuery = () =>
  queryOptions({
    queryKey: authKeys.session,
    queryFn: () => unwrap(api.GET('/session')),
    staleTime: 60_000,
  });

export const meQuery = () =>
  queryOptions({ queryKey: authKeys.me, queryFn: () => unwrap(api.GET('/me')), staleTime: 30_000 });

export const orgsQuery = () =>
  queryOptions({
    queryKey: authKeys.orgs,
    queryFn: async () => (await unwrap(api.GET('/orgs'))).items,
    staleTime: 30_000,
  });

export const signIn = (email: string, password: string, signOutOtherSessions = false) =>
  unwrap(
    api.POST('/auth/sign-in', {
      body: { email, password, ...(signOutOtherSessions ? { signOutOtherSessions } : {}) },
    }),
  );

export const completeMfa = (challengeId: string, proof: CodeProof) =>
  unwrap(api.POST('/auth/mfa', { body: { challengeId, ...proof } }));

export const signOut = () => unwrap(api.DELETE('/session'));

/** After the session changes (sign-in, step-up, SSO): everything about the person is stale. */
export function refreshIdentity(client: QueryClient): Promise<void> {
  return client.invalidateQueries();
}
