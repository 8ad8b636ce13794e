import { api, unwrap } from '@/api/client';
import type { CodeProof } from '@/lib/code-entry';
import type { PasskeyAssertion } from '@/lib/passkeys';

/** Add `mfa` to this session with a code from the app, a recovery code or a passkey (+`hwk`). */
export const stepUpSession = (proof: CodeProof | { passkey: PasskeyAssertion }) =>
  unwrap(api.POST('/session/mfa', { body: proof }));

/** Complete single sign-on with the provider (the mock adds `sso:<provider>` to the session). */
export const signInWithSso = (provider: string) =>
  unwrap(api.POST('/auth/sso/{provider}', { params: { path: { provider } } }));
