import { api, idempotencyKey, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { browserPasskeyName, createCredential, getCredential } from './webauthn-client';

// The passkey ceremonies (server options → browser prompt → server verification), shared by
// sign-in, step-up and My profile. The browser library loads only when one of them runs.

export type PasskeyAssertion = components['schemas']['PasskeyAssertion'];
export type PasskeyRegistered = components['schemas']['PasskeyRegistered'];
type Credential = components['schemas']['PublicKeyCredentialJSON'];

export async function registerPasskey(): Promise<PasskeyRegistered> {
  const options = await unwrap(api.POST('/me/passkeys/registration-options'));
  const credential = (await createCredential(options.publicKey)) as unknown as Credential;
  return unwrap(
    api.POST('/me/passkeys', {
      params: { header: { 'Idempotency-Key': idempotencyKey() } },
      body: { challengeId: options.challengeId, credential, name: browserPasskeyName() },
    }),
  );
}

/** A passkey proof for the current session (step-up, or confirming a change). */
export async function passkeyProof(): Promise<{ passkey: PasskeyAssertion }> {
  const options = await unwrap(api.POST('/session/passkey-options'));
  const credential = (await getCredential(options.publicKey)) as unknown as Credential;
  return { passkey: { challengeId: options.challengeId, credential } };
}

/** Sign in with a passkey: at the second step (`challengeId` of the password step) or alone. */
export async function signInWithPasskey(challengeId?: string) {
  const options = await unwrap(
    api.POST('/auth/passkey/options', { body: challengeId ? { challengeId } : {} }),
  );
  const credential = (await getCredential(options.publicKey)) as unknown as Credential;
  return unwrap(
    api.POST('/auth/passkey', {
      body: {
        ...(challengeId ? { challengeId } : {}),
        passkeyChallengeId: options.challengeId,
        credential,
      },
    }),
  );
}
