import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import {
  clock,
  db,
  nextId,
  type PasskeyRecord,
  type UserRecord,
  type WebAuthnChallengeRecord,
} from './db';
import { ProblemError } from './problems';
import { relyingParty } from './relying-party';
import { findCredential } from './user-passkeys';

/** Verifying the browser's answers to a challenge: a new credential, or an assertion. */

const verificationFailed = (status: number, reason: string) =>
  new ProblemError(
    status,
    'webauthn_verification_failed',
    'Passkey not accepted',
    `The passkey's answer could not be verified: ${reason}`,
  );

/** A short reason from the verifier's message, without echoing values sent by the client. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/origin/i.test(message)) return 'it was made for another website (origin).';
  if (/RP ID/i.test(message)) return 'it was made for another website (RP ID).';
  if (/challenge/i.test(message)) return 'it answers another request (challenge).';
  if (/verification required/i.test(message)) return 'the person was not verified on the device.';
  if (/type/i.test(message)) return 'it is not the expected kind of answer.';
  return 'the data or its signature is not valid.';
}

export async function verifyRegistration(
  request: Request,
  record: WebAuthnChallengeRecord,
  credential: RegistrationResponseJSON,
): Promise<Omit<PasskeyRecord, 'name' | 'createdAt' | 'lastUsedAt'>> {
  const { origin } = relyingParty(request);
  let result;
  try {
    result = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: record.challenge,
      expectedOrigin: origin,
      expectedRPID: record.rpId,
      requireUserVerification: false,
    });
  } catch (error) {
    throw verificationFailed(400, reasonOf(error));
  }
  if (!result.verified) throw verificationFailed(400, 'the data or its signature is not valid.');
  const info = result.registrationInfo;
  return {
    id: info.credential.id,
    publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
    counter: info.credential.counter,
    transports: info.credential.transports ?? credential.response.transports ?? [],
    aaguid: info.aaguid,
  };
}

export interface VerifiedAssertion {
  user: UserRecord;
  passkey: PasskeyRecord;
  userVerified: boolean;
}

/**
 * Verify an assertion for a challenge: the credential must be the person's (or, without a person,
 * someone's discoverable credential whose user handle matches), the signature valid for this
 * origin and RP ID, and the counter must move forward; a counter that went back is refused and
 * recorded (a cloned authenticator).
 */
export async function verifyAssertion(
  request: Request,
  record: WebAuthnChallengeRecord,
  credential: AuthenticationResponseJSON,
  status: number,
): Promise<VerifiedAssertion> {
  const found = typeof credential.id === 'string' ? findCredential(credential.id) : null;
  const userHandle = credential.response?.userHandle;
  const owned =
    found &&
    (record.userId === null ? true : found.user.id === record.userId) &&
    (userHandle === undefined || userHandle === isoBase64URL.fromUTF8String(found.user.id));
  if (!found || !owned)
    throw new ProblemError(
      status,
      'unknown_credential',
      'Passkey not recognized',
      'This passkey is not registered to your account. Use another one or another method.',
    );
  const { user, passkey } = found;
  const { origin } = relyingParty(request);
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response: credential,
      expectedChallenge: record.challenge,
      expectedOrigin: origin,
      expectedRPID: record.rpId,
      // The counter is checked below, after the signature, so only a signed answer is recorded.
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: 0,
        transports: passkey.transports as never,
      },
      requireUserVerification: record.purpose === 'passwordless',
    });
  } catch (error) {
    throw verificationFailed(status, reasonOf(error));
  }
  if (!result.verified) throw verificationFailed(status, 'the signature is not valid.');
  const { newCounter, userVerified } = result.authenticationInfo;
  if ((newCounter > 0 || passkey.counter > 0) && newCounter <= passkey.counter) {
    db.accountEvents.push({
      id: nextId('aev'),
      userId: user.id,
      type: 'passkey_counter_regressed',
      at: clock.now(),
      details: { passkeyId: passkey.id, stored: passkey.counter, received: newCounter },
    });
    throw new ProblemError(
      status,
      'passkey_counter_regressed',
      'Passkey refused',
      'This passkey reported a use count lower than before, which a copied key does. It was refused and the event was recorded. Use another method and review your passkeys.',
    );
  }
  passkey.counter = newCounter;
  passkey.lastUsedAt = clock.now();
  return { user, passkey, userVerified };
}
