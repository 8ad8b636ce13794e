import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { CodeProof } from '@/lib/code-entry';
import type { PasskeyAssertion } from '@/lib/passkeys';

/** The same key and answer as the shell's `/me` query, so both share one cache entry. */
export const accessMeQuery = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: () => unwrap(api.GET('/me')),
    staleTime: 30_000,
  });

/** Add `mfa` to this session with a code from the app, a recovery code or a passkey (+`hwk`). */
export const stepUpSession = (proof: CodeProof | { passkey: PasskeyAssertion }) =>
  unwrap(api.POST('/session/mfa', { body: proof }));

/** Complete single sign-on with the provider (the mock adds `sso:<provider>` to the session). */
export const signInWithSso = (provider: string) =>
  unwrap(api.POST('/auth/sso/{provider}', { params: { path: { provider } } }));

/**
 * The session changed: every answer that depended on it is stale. Queries that failed with
 * access denied are reset (not just invalidated), so the pages that own them start afresh.
 */
export async function afterSessionChange(client: QueryClient): Promise<void> {
  await client.resetQueries({ predicate: (q) => q.state.status === 'error' });
  await client.invalidateQueries();
}
