import { generateAuthenticationOptions, generateRegistrationOptions } from '@simplewebauthn/server';
import type { components } from '@/api/schema';
import { BRAND } from '@/lib/brand';
import { clock, db, type UserRecord, type WebAuthnChallengeRecord } from './db';
import { ProblemError } from './problems';
import { secureId } from './random';
import { relyingParty } from './relying-party';
import { passkeysOf } from './user-passkeys';

/**
 * WebAuthn challenges: made with the options of a registration or an assertion, stored for 5
 * minutes, and taken once.
 */

export const CHALLENGE_TTL_MS = 5 * 60_000;

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
