import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { expect } from 'vitest';
import { call } from './api';
import { SoftAuthenticator, type Bend, type SoftCredential } from './soft-authenticator';

export type Options<T> = { challengeId: string; expiresAt: string; publicKey: T };
export type CreationOptions = Options<PublicKeyCredentialCreationOptionsJSON>;
export type RequestOptions = Options<PublicKeyCredentialRequestOptionsJSON>;

export async function registrationOptions(): Promise<CreationOptions> {
  const res = await call('POST', '/me/passkeys/registration-options');
  expect(res.status).toBe(200);
  return res.json as unknown as CreationOptions;
}

/** Create a credential on `device` for the signed-in person and send it (the raw answer). */
export async function register(device: SoftAuthenticator, bend: Bend = {}, name?: string) {
  const options = await registrationOptions();
  const credential = await device.create(options.publicKey, bend);
  return call('POST', '/me/passkeys', {
    challengeId: options.challengeId,
    credential,
    ...(name === undefined ? {} : { name }),
  });
}

/** Register and expect success. */
export async function addPasskey(device = new SoftAuthenticator(), name?: string) {
  const res = await register(device, {}, name);
  expect(res.status, res.text).toBe(201);
  return { device, res };
}

export async function passkeySignInOptions(challengeId?: string): Promise<RequestOptions> {
  const res = await call('POST', '/auth/passkey/options', challengeId ? { challengeId } : {});
  expect(res.status, res.text).toBe(200);
  return res.json as unknown as RequestOptions;
}

/** Sign in without a password: options, assertion, answer. */
export async function passwordless(
  device: SoftAuthenticator,
  bend: Bend = {},
  credential?: SoftCredential,
) {
  const options = await passkeySignInOptions();
  const assertion = await device.get(options.publicKey, credential, bend);
  const res = await call('POST', '/auth/passkey', {
    passkeyChallengeId: options.challengeId,
    credential: assertion,
  });
  return { res, options, assertion };
}

/** A step-up proof `{ passkey: … }` for the current session. */
export async function stepUpProof(device: SoftAuthenticator, bend: Bend = {}) {
  const res = await call('POST', '/session/passkey-options');
  expect(res.status, res.text).toBe(200);
  const options = res.json as unknown as RequestOptions;
  const credential = await device.get(options.publicKey, undefined, bend);
  return { passkey: { challengeId: options.challengeId, credential } };
}
