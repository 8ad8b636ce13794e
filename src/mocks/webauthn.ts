import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { components } from '@/api/schema';
import { schemas } from '@/api/contract-values';
import { BRAND } from '@/lib/brand';
import {
  clock,
  db,
  nextId,
  type PasskeyRecord,
  type UserRecord,
  type WebAuthnChallengeRecord,
} from './db';
import { badRequest, ProblemError } from './problems';
import { secureId } from './random';

export const CHALLENGE_TTL_MS = 5 * 60_000;
export const NAME_MAX = schemas.Passkey.properties.name.maxLength;

/** The Console's origin when a request carries none of the RP ID's host (Vitest, scripts). */
export const webauthnConfig: { appOrigin: string | null } = { appOrigin: null };

/**
 * The relying party of a request: the RP ID is the API's host name; the expected origin is the
 * request's `Origin` when it is on that host, else the configured app origin (else the API's).
 */
export function relyingParty(request: Request): { rpId: string; origin: string } {
  const url = new URL(request.url);
  const rpId = url.hostname;
  const header = request.headers.get('Origin');
  if (header) {
    try {
      if (new URL(header).hostname === rpId) return { rpId, origin: header };
    } catch {
      // An unparsable Origin is ignored like a foreign one.
    }
  }
  return { rpId, origin: webauthnConfig.appOrigin ?? url.origin };
}

export const passkeysOf = (user: UserRecord): PasskeyRecord[] => user.passkeys ?? [];

/** 1 to 64 characters after trimming, no control characters: a name is text, never markup. */
export function validName(raw: unknown, field = 'name'): string {
  if (typeof raw !== 'string') throw badRequest(`"${field}" must be a string.`, field);
  const name = raw.trim();
  let detail: string | null = null;
  if (!name) detail = 'Enter a name for this passkey.';
  else if ([...name].length > NAME_MAX)
    detail = `A passkey's name can have at most ${NAME_MAX} characters.`;
  else if (/\p{Cc}/u.test(name)) detail = 'A passkey name cannot contain control characters.';
  if (detail)
    throw new ProblemError(400, 'invalid_name', 'Invalid name', detail, {
      parameters: { parameter: field },
      errors: [{ field, message: detail }],
    });
  return name;
}

function saveChallenge(
  purpose: WebAuthnChallengeRecord['purpose'],
  challenge: string,
  rpId: string,
  userId: string | null,
  boundTo: string | null,
): WebAuthnChallengeRecord {
  const now = clock.now();
  // Expired challenges are dropped on the way, so the store stays small.
  for (const c of [...db.webauthnChallenges.values()])
    if (c.expiresAt <= now) db.webauthnChallenges.delete(c.id);
  const record = {
    id: secureId('wac'),
    challenge,
    purpose,
    userId,
    boundTo,
    rpId,
    expiresAt: now + CHALLENGE_TTL_MS,
  };
  db.webauthnChallenges.set(record.id, record);
  return record;
}

const invalidChallenge = (status: number) =>
  new ProblemError(
    status,
    'webauthn_challenge_invalid',
    'Passkey request not valid',
    'This passkey request is unknown, was already used or belongs to another sign-in. Try again.',
  );

/**
 * Take a challenge once: it must exist, be for this purpose, person and session (or password
 * step), and be younger than 5 minutes. Someone else's challenge is left alone (not consumed).
 */
export function takeChallenge(
  id: unknown,
  expected: Pick<WebAuthnChallengeRecord, 'purpose' | 'userId' | 'boundTo'>,
  status: number,
): WebAuthnChallengeRecord {
  const record = typeof id === 'string' ? db.webauthnChallenges.get(id) : undefined;
  if (
    !record ||
    record.purpose !== expected.purpose ||
    record.userId !== expected.userId ||
    record.boundTo !== expected.boundTo
  )
    throw invalidChallenge(status);
  db.webauthnChallenges.delete(record.id);
  if (record.expiresAt <= clock.now())
    throw new ProblemError(
      status,
      'webauthn_challenge_expired',
      'Passkey request expired',
      'This passkey request expired after 5 minutes. Try again.',
    );
  return record;
}

export const challengeView = (record: WebAuthnChallengeRecord) => ({
  challengeId: record.id,
  expiresAt: new Date(record.expiresAt).toISOString(),
});

export async function registrationOptions(request: Request, user: UserRecord, sessionId: string) {
  const { rpId } = relyingParty(request);
  const publicKey = await generateRegistrationOptions({
    rpName: BRAND.product,
    rpID: rpId,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: passkeysOf(user).map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    supportedAlgorithmIDs: [-7, -8, -257],
  });
  const record = saveChallenge('registration', publicKey.challenge, rpId, user.id, sessionId);
  type Options = components['schemas']['PasskeyRegistrationOptions'];
  return { ...challengeView(record), publicKey: publicKey as unknown as Options['publicKey'] };
}

export async function authenticationOptions(
  request: Request,
  purpose: 'step_up' | 'second_factor' | 'passwordless',
  user: UserRecord | null,
  boundTo: string | null,
) {
  const { rpId } = relyingParty(request);
  const publicKey = await generateAuthenticationOptions({
    rpID: rpId,
    allowCredentials: user
      ? passkeysOf(user).map((p) => ({ id: p.id, transports: p.transports }))
      : undefined,
    userVerification: purpose === 'passwordless' ? 'required' : 'preferred',
  });
  const record = saveChallenge(purpose, publicKey.challenge, rpId, user?.id ?? null, boundTo);
  type Options = components['schemas']['PasskeyAuthenticationOptions'];
  return { ...challengeView(record), publicKey: publicKey as unknown as Options['publicKey'] };
}

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

/** The stored passkey with this credential id, and whose it is (any person's). */
export function findCredential(id: string): { user: UserRecord; passkey: PasskeyRecord } | null {
  for (const user of db.users.values()) {
    const passkey = user.passkeys?.find((p) => p.id === id);
    if (passkey) return { user, passkey };
  }
  return null;
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
