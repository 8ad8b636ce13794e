import { schemas } from '@/api/contract-values';
import { clock, db, nextId } from '../db';
import { booleanField, readJson, rejectUnknownFields, stringField } from '../body';
import {
  createSession,
  endOtherSessions,
  findSession,
  requireSession,
  sessionCookieHeaders,
} from '../sessions';
import { guard, notFound, ProblemError } from '../problems';
import { http, NO_STORE } from '../http';
import { clientOf } from '../deployment';
import { hashPassword } from '../credentials';
import { checkSignInAllowed, recordSignInFailure, recordSignInSuccess } from '../sign-in-limits';
import { recordActivity } from '../security-activity';
import { proveSecondFactor } from '../totp';
import { sessionView } from '../views';
import { proveFactor } from '../proof';

const CHALLENGE_TTL_MS = 5 * 60_000;
const SSO_PROVIDERS = ['acme'];
/** Hashed with the password when no account has the e-mail, so both cases cost the same. */
const UNKNOWN_ACCOUNT = 'usr_unknown';
const SIGN_IN = schemas.SignInRequest.properties;

const invalidCredentials = () =>
  new ProblemError(401, 'invalid_credentials', 'Sign-in failed', 'Incorrect e-mail or password.');

export const authHandlers = [
  http.post(
    '/auth/sign-in',
    guard(async ({ request, response }) => {
      const body = await readJson(request);
      rejectUnknownFields(body, ['email', 'password', 'signOutOtherSessions']);
      const signOutOthers = booleanField(body, 'signOutOtherSessions');
      const email = stringField(body, 'email', true, SIGN_IN.email.maxLength) ?? '';
      const password = stringField(body, 'password', true, SIGN_IN.password.maxLength) ?? '';
      if (!email.trim())
        throw new ProblemError(
          400,
          'missing_field',
          'Invalid request',
          'Enter your e-mail address.',
          { parameters: { parameter: 'email' } },
        );
      if (!password)
        throw new ProblemError(400, 'missing_field', 'Invalid request', 'Enter your password.', {
          parameters: { parameter: 'password' },
        });
      const client = clientOf(request);
      checkSignInAllowed(email, client);
      const userId = db.usersByEmail.get(email.trim().toLowerCase());
      const user = userId ? db.users.get(userId) : undefined;
      // One answer, the same limits and the same work (one hash) for an unknown e-mail and a
      // wrong password: nothing tells whether an account exists.
      const hash = hashPassword(user?.id ?? UNKNOWN_ACCOUNT, password);
      if (!user || !user.passwordHash || user.passwordHash !== hash) {
        recordSignInFailure(email, client);
        throw invalidCredentials();
      }
      recordSignInSuccess(email);
      if (user.mfa) {
        const challenge = {
          id: nextId('chl') + crypto.randomUUID().replace(/-/g, ''),
          userId: user.id,
          expiresAt: clock.now() + CHALLENGE_TTL_MS,
          ...(signOutOthers ? { signOutOtherSessions: true } : {}),
        };
        db.challenges.set(challenge.id, challenge);
        return response(200).json(
          {
            status: 'mfa_required',
            challenge: {
              id: challenge.id,
              expiresAt: new Date(challenge.expiresAt).toISOString(),
              methods: [
                ...(user.mfa.secret ? (['totp'] as const) : []),
                'recovery_code' as const,
                ...(user.passkeys?.length ? (['passkey'] as const) : []),
              ],
            },
          },
          { headers: NO_STORE },
        );
      }
      const session = createSession(user.id, ['pwd']);
      if (signOutOthers) endOtherSessions(user.id, session.id);
      recordActivity(user, { type: 'signed_in', method: 'password' });
      return response(200).json(
        {
          status: 'signed_in',
          session: sessionView(session, user),
          // An organization reset this person's MFA: this sign-in leads to setting it up.
          ...(user.mfaSetupRequired ? { mfaSetupRequired: true } : {}),
        },
        { headers: sessionCookieHeaders(session, request) },
      );
    }),
  ),

  http.post(
    '/auth/mfa',
    guard(async ({ request, response }) => {
      const body = await readJson(request);
      rejectUnknownFields(body, ['challengeId', 'code', 'recoveryCode']);
      const challengeId = stringField(body, 'challengeId') ?? '';
      const challenge = db.challenges.get(challengeId);
      if (!challenge || challenge.expiresAt <= clock.now()) {
        throw new ProblemError(
          401,
          'challenge_expired',
          'Sign-in expired',
          'This sign-in has expired. Enter your e-mail and password again.',
        );
      }
      const user = db.users.get(challenge.userId);
      if (!user) throw invalidCredentials();
      const proof = proveSecondFactor(user, body, { wrongStatus: 401 });
      db.challenges.delete(challenge.id);
      const session = createSession(user.id, ['pwd', 'mfa']);
      if (challenge.signOutOtherSessions) endOtherSessions(user.id, session.id);
      recordActivity(user, { type: 'signed_in', method: proof.method });
      return response(200).json(
        {
          status: 'signed_in',
          session: sessionView(session, user),
          // The sign-in that used a recovery code says how many are left.
          ...(proof.method === 'recovery_code'
            ? { recoveryCodesRemaining: proof.recoveryCodesRemaining }
            : {}),
        },
        { headers: sessionCookieHeaders(session, request) },
      );
    }),
  ),

  http.post(
    '/auth/sso/{provider}',
    guard(({ request, params, response }) => {
      const { session, user } = requireSession(request);
      if (!SSO_PROVIDERS.includes(params.provider))
        throw notFound(`There is no single sign-on provider "${params.provider}".`);
      const method = `sso:${params.provider}`;
      if (!session.amr.includes(method)) session.amr.push(method);
      return response(200).json(sessionView(session, user));
    }),
  ),

  http.get(
    '/session',
    guard(({ request, response }) => {
      const { session, user } = requireSession(request);
      return response(200).json(sessionView(session, user));
    }),
  ),

  http.delete('/session', ({ request, response }) => {
    const session = findSession(request);
    if (session) db.sessions.delete(session.id);
    return response(204).empty({ headers: sessionCookieHeaders(null, request) });
  }),

  http.post(
    '/session/mfa',
    guard(async ({ request, response }) => {
      const { session, user } = requireSession(request);
      const body = await readJson(request);
      rejectUnknownFields(body, ['code', 'recoveryCode', 'passkey']);
      const kind = await proveFactor(request, user, session, body, { wrongStatus: 422 });
      for (const m of kind === 'hwk' ? ['hwk', 'mfa'] : ['mfa'])
        if (!session.amr.includes(m)) session.amr.push(m);
      session.mfaAt = clock.now();
      return response(200).json(sessionView(session, user));
    }),
  ),
];
