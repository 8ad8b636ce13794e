import assert from 'node:assert/strict';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { SoftAuthenticator, type Bend, type SoftCredential } from '../soft-authenticator';
import { Actor, ctx, type Answer } from './context';

/**
 * Passkey ceremonies over HTTP with the software ES256 authenticator of the Vitest suites
 * (tests/soft-authenticator.ts): real credentials and real signatures, for the Console's origin
 * (`--app-origin`), which is also sent as `Origin` as a browser would.
 */
type Options<T> = { challengeId: string; expiresAt: string; publicKey: T };
type CreationOptions = Options<PublicKeyCredentialCreationOptionsJSON>;
type RequestOptions = Options<PublicKeyCredentialRequestOptionsJSON>;

export const device = () => new SoftAuthenticator(ctx().appOrigin);
export const fromConsole = () => ({ headers: { Origin: ctx().appOrigin } });

export async function registrationOptions(actor: Actor): Promise<CreationOptions> {
  const answer = await actor.post('/me/passkeys/registration-options', {}, fromConsole());
  assert.equal(answer.status, 200, answer.text);
  return answer.json as unknown as CreationOptions;
}

/** Create a credential on `key` (or present `reuse` again) and send it: the raw answer. */
export async function register(
  actor: Actor,
  key: SoftAuthenticator,
  { bend = {}, reuse, name }: { bend?: Bend; reuse?: SoftCredential; name?: string } = {},
): Promise<Answer> {
  const options = await registrationOptions(actor);
  const credential = await key.create(options.publicKey, bend, reuse);
  return actor.post(
    '/me/passkeys',
    { challengeId: options.challengeId, credential, ...(name ? { name } : {}) },
    fromConsole(),
  );
}

async function requestOptions(actor: Actor, path: string, body: unknown): Promise<RequestOptions> {
  const answer = await actor.post(path, body, fromConsole());
  assert.equal(answer.status, 200, answer.text);
  return answer.json as unknown as RequestOptions;
}

/** A step-up proof `{ passkey: … }` for `actor`'s session. */
export async function stepUpProof(actor: Actor, key: SoftAuthenticator) {
  const options = await requestOptions(actor, '/session/passkey-options', {});
  const credential = await key.get(options.publicKey);
  return { passkey: { challengeId: options.challengeId, credential } };
}

/** Sign in with the passkey alone (or as the second step of `challengeId`): the raw answer. */
export async function passkeySignIn(
  actor: Actor,
  key: SoftAuthenticator,
  challengeId?: string,
): Promise<Answer> {
  const step = challengeId ? { challengeId } : {};
  const options = await requestOptions(actor, '/auth/passkey/options', step);
  const credential = await key.get(options.publicKey);
  return actor.post(
    '/auth/passkey',
    { ...step, passkeyChallengeId: options.challengeId, credential },
    fromConsole(),
  );
}
