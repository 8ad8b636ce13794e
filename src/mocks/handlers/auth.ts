import { clock, db, nextId } from '../db';
import {
  createSession,
  findSession,
  guard,
  http,
  NO_STORE,
  notFound,
  ProblemError,
  readJson,
  rejectUnknownFields,
  requireSession,
  sessionCookieHeaders,
  stringField,
} from '../http';
import { hashPassword } from '../seed';
import { recordActivity } from '../security-activity';
import { proveSecondFactor } from '../totp';
import { sessionView } from '../views';

const CHALLENGE_TTL_MS = 5 * 60_000;
const SSO_PROVIDERS = ['acme'];

const invalidCredentials = () =>
  new ProblemError(401, 'invalid_credentials', 'Sign-in failed', 'Incorrect e-mail or password.');

export const authHandlers = [
  http.post(
    '/auth/sign-in',
    guard(async ({ request, response }) => {
      const body = await readJson(request);
      rejectUnknownFields(body, ['email', 'password']);
      const email = stringField(body, 'email') ?? '';
      const password = stringField(body, 'password') ?? '';
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
      const userId = db.usersByEmail.get(email.trim().toLowerCase());
      const user = userId ? db.users.get(userId) : undefined;
      // One answer for an unknown e-mail and a wrong password: no account enumeration.
      if (!user || !user.passwordHash || user.passwordHash !== hashPassword(user.id, password))
        throw invalidCredentials();
      if (user.mfa) {
        const challenge = {
          id: nextId('chl') + crypto.randomUUID().replace(/-/g, ''),
          userId: user.id,
          expiresAt: clock.now() + CHALLENGE_TTL_MS,
        };
        db.challenges.set(challenge.id, challenge);
        return response(200).json(
          {
            status: 'mfa_required',
            challenge: {
              id: challenge.id,
              expiresAt: new Date(challenge.expiresAt).toISOString(),
              methods: ['totp', 'recovery_code'],
            },
          },
          { headers: NO_STORE },
        );
      }
      const session = createSession(user.id, ['pwd']);
      recordActivity(user, { type: 'signed_in', method: 'password' });
      return response(200).json(
        {
          status: 'signed_in',
          session: sessionView(session, user),
          // An organization reset this person's MFA: this sign-in leads to setting it up.
          ...(user.mfaSetupRequired ? { mfaSetupRequired: true } : {}),
        },
        { headers: sessionCookieHeaders(session) },
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
          'This sign-in attempt has expired. Enter your e-mail and password again.',
        );
      }
      const user = db.users.get(challenge.userId);
      if (!user) throw invalidCredentials();
      const proof = proveSecondFactor(user, body, { wrongStatus: 401 });
      db.challenges.delete(challenge.id);
      const session = createSession(user.id, ['pwd', 'mfa']);
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
        { headers: sessionCookieHeaders(session) },
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
    return response(204).empty({ headers: sessionCookieHeaders(null) });
  }),

  http.post(
    '/session/mfa',
    guard(async ({ request, response }) => {
      const { session, user } = requireSession(request);
      const body = await readJson(request);
      rejectUnknownFields(body, ['code', 'recoveryCode']);
      proveSecondFactor(user, body, { wrongStatus: 422 });
      if (!session.amr.includes('mfa')) session.amr.push('mfa');
      session.mfaAt = clock.now();
      return response(200).json(sessionView(session, user));
    }),
  ),
];
