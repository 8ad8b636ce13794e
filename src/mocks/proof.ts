import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { SessionRecord, UserRecord } from './db';
import { badRequest, ProblemError } from './problems';
import { proveSecondFactor } from './totp';
import { takeChallenge } from './webauthn-challenges';
import { verifyAssertion } from './webauthn-verify';

/**
 * A step-up proof: a code from the app, a recovery code, or a passkey assertion answering a
 * challenge made for this session (`POST /session/passkey-options`). Returns which kind it was.
 */
export async function proveFactor(
  request: Request,
  user: UserRecord,
  session: SessionRecord,
  body: Record<string, unknown>,
  { wrongStatus }: { wrongStatus: 401 | 422 },
): Promise<'otp' | 'recovery_code' | 'hwk'> {
  if (body.passkey === undefined) {
    proveSecondFactor(user, body, { wrongStatus });
    return body.code !== undefined ? 'otp' : 'recovery_code';
  }
  if (body.code !== undefined || body.recoveryCode !== undefined)
    throw badRequest('Send one proof: "code", "recoveryCode" or "passkey".', 'passkey');
  const passkey = body.passkey as { challengeId?: unknown; credential?: unknown } | null;
  if (typeof passkey !== 'object' || passkey === null || typeof passkey.credential !== 'object')
    throw badRequest('"passkey" must hold "challengeId" and "credential".', 'passkey');
  if (!user.mfa)
    throw new ProblemError(
      409,
      'mfa_not_enabled',
      'MFA is not enabled',
      'This account has no passkey.',
    );
  const record = takeChallenge(
    passkey.challengeId,
    { purpose: 'step_up', userId: user.id, boundTo: session.id },
    wrongStatus,
  );
  await verifyAssertion(
    request,
    record,
    passkey.credential as AuthenticationResponseJSON,
    wrongStatus,
  );
  return 'hwk';
}
