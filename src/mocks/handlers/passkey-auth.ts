import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { clock, db, type ChallengeRecord } from '../db';
import { badRequest, guard, ProblemError } from '../problems';
import { createSession, endOtherSessions, requireSession, sessionCookieHeaders } from '../sessions';
import { http, NO_STORE } from '../http';
import { readJson, rejectUnknownFields } from '../body';
import { recordActivity } from '../security-activity';
import { sessionView } from '../views';
import { authenticationOptions, takeChallenge } from '../webauthn-challenges';
import { verifyAssertion } from '../webauthn-verify';
import { passkeysOf } from '../user-passkeys';

const expiredSignIn = () =>
  new ProblemError(
    401,
    'challenge_expired',
    'Sign-in expired',
    'This sign-in has expired. Enter your e-mail and password again.',
  );

/** The password step a second factor belongs to (unknown or expired: start again). */
function passwordStep(id: unknown): ChallengeRecord {
  const challenge = typeof id === 'string' ? db.challenges.get(id) : undefined;
  if (!challenge || challenge.expiresAt <= clock.now()) throw expiredSignIn();
  return challenge;
}

export const passkeyAuthHandlers = [
  http.post(
    '/auth/passkey/options',
    guard(async ({ request, response }) => {
      const body = await readJson(request);
      rejectUnknownFields(body, ['challengeId']);
      if (body.challengeId === undefined) {
        const options = await authenticationOptions(request, 'passwordless', null, null);
        return response(200).json(options, { headers: NO_STORE });
      }
      const step = passwordStep(body.challengeId);
      const user = db.users.get(step.userId);
      if (!user || passkeysOf(user).length === 0)
        throw new ProblemError(
          409,
          'no_passkey',
          'No passkey',
          'This account has no passkey. Use your authenticator app or a recovery code.',
        );
      const options = await authenticationOptions(request, 'second_factor', user, step.id);
      return response(200).json(options, { headers: NO_STORE });
    }),
  ),

  http.post(
    '/auth/passkey',
    guard(async ({ request, response }) => {
      const body = await readJson(request);
      rejectUnknownFields(body, ['challengeId', 'passkeyChallengeId', 'credential']);
      if (typeof body.credential !== 'object' || body.credential === null)
        throw badRequest('"credential" must be the browser\'s assertion.', 'credential');
      const credential = body.credential as AuthenticationResponseJSON;
      if (body.challengeId !== undefined) {
        const step = passwordStep(body.challengeId);
        const record = takeChallenge(
          body.passkeyChallengeId,
          { purpose: 'second_factor', userId: step.userId, boundTo: step.id },
          401,
        );
        const { user } = await verifyAssertion(request, record, credential, 401);
        db.challenges.delete(step.id);
        const session = createSession(user.id, ['pwd', 'hwk', 'mfa']);
        if (step.signOutOtherSessions) endOtherSessions(user.id, session.id);
        recordActivity(user, { type: 'signed_in', method: 'passkey' });
        return response(200).json(
          { status: 'signed_in', session: sessionView(session, user) },
          { headers: sessionCookieHeaders(session, request) },
        );
      }
      const record = takeChallenge(
        body.passkeyChallengeId,
        { purpose: 'passwordless', userId: null, boundTo: null },
        401,
      );
      // User verification is required here: the passkey alone is then multi-factor.
      const { user } = await verifyAssertion(request, record, credential, 401);
      const session = createSession(user.id, ['hwk', 'mfa']);
      recordActivity(user, { type: 'signed_in', method: 'passkey' });
      return response(200).json(
        { status: 'signed_in', session: sessionView(session, user) },
        { headers: sessionCookieHeaders(session, request) },
      );
    }),
  ),

  http.post(
    '/session/passkey-options',
    guard(async ({ request, response }) => {
      const { session, user } = requireSession(request);
      if (passkeysOf(user).length === 0)
        throw new ProblemError(409, 'no_passkey', 'No passkey', 'This account has no passkey.');
      const options = await authenticationOptions(request, 'step_up', user, session.id);
      return response(200).json(options, { headers: NO_STORE });
    }),
  ),
];
