import { schemas } from '@/api/contract-values';
import { clock, db, type EnrollmentRecord, type UserRecord } from '../db';
import { guard, notFound, ProblemError } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson, rejectUnknownFields, stringField } from '../body';
import { requireSession } from '../sessions';
import { idempotent } from '../idempotency';
import { base32, secureBytes, secureId } from '../random';
import { hashRecoveryCode } from '../credentials';
import { newRecoveryCode } from '../recovery-codes';
import { securityChange } from '../security-activity';
import { checkTotp, ISSUER, otpauthUri, PERIOD, requireCodeFormat } from '../totp';
import { mfaStatus, pendingEnrollmentOf, sessionView } from '../views';

const ENROLLMENT_TTL_MS = 10 * 60_000;
const MAX_FAILURES = 5;
const RECOVERY_CODE_COUNT = schemas.RecoveryCodes.properties.recoveryCodes.maxItems;
const iso = (ms: number) => new Date(ms).toISOString();

/** Ten readable recovery codes (79 bits each) from the CSPRNG; only their hashes are kept. */
export function issueRecoveryCodes(user: UserRecord): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
  return { codes, hashes: codes.map((code) => hashRecoveryCode(user.id, code)) };
}

function ownEnrollment(userId: string, id: string): EnrollmentRecord {
  const enrollment = db.enrollments.get(id);
  // Someone else's enrollment answers exactly like an unknown one.
  if (!enrollment || enrollment.userId !== userId)
    throw notFound('There is no setup in progress with this id. Start again.');
  return enrollment;
}

/** A stale enrollment keeps its id (so the answer stays 410) but loses its secret. */
function stale(enrollment: EnrollmentRecord): ProblemError | null {
  if (enrollment.failures >= MAX_FAILURES) {
    enrollment.secret = '';
    return new ProblemError(
      410,
      'enrollment_locked',
      'Setup stopped',
      `After ${MAX_FAILURES} wrong codes this setup was stopped. Start again with a new key.`,
    );
  }
  if (enrollment.expiresAt <= clock.now()) {
    enrollment.secret = '';
    return new ProblemError(
      410,
      'enrollment_expired',
      'Setup expired',
      'This setup expired after 10 minutes. Start again with a new key.',
    );
  }
  return null;
}

function dropStaleEnrollments(userId: string): void {
  for (const e of [...db.enrollments.values()])
    if (e.userId === userId && stale(e)) db.enrollments.delete(e.id);
}

/** Setting up an authenticator app: start with a new key, cancel, confirm with a code. */
export const enrollmentHandlers = [
  http.post(
    '/me/mfa/totp/enrollments',
    guard(async ({ request, response }) => {
      const { user } = requireSession(request);
      return idempotent(
        request,
        user.id,
        null,
        () => {
          if (user.mfa?.secret)
            throw new ProblemError(
              409,
              'mfa_already_enabled',
              'MFA is already on',
              'An authenticator app is already set up. Remove it first to set up another one.',
            );
          dropStaleEnrollments(user.id);
          const pending = pendingEnrollmentOf(user.id);
          if (pending)
            throw new ProblemError(
              409,
              'enrollment_pending',
              'Setup already in progress',
              'A setup was started and not finished. Cancel it to start over, or let it expire.',
              { parameters: { enrollmentId: pending.id, expiresAt: iso(pending.expiresAt) } },
            );
          const now = clock.now();
          const enrollment: EnrollmentRecord = {
            id: secureId('enr'),
            userId: user.id,
            secret: base32(secureBytes(20)),
            createdAt: now,
            expiresAt: now + ENROLLMENT_TTL_MS,
            failures: 0,
          };
          db.enrollments.set(enrollment.id, enrollment);
          return response(201).json(
            {
              id: enrollment.id,
              secret: enrollment.secret,
              otpauthUri: otpauthUri(enrollment.secret, user.email),
              expiresAt: iso(enrollment.expiresAt),
              issuer: ISSUER,
              accountName: user.email,
              algorithm: 'SHA1',
              digits: 6,
              period: PERIOD,
            },
            { headers: NO_STORE },
          );
        },
        { secret: true },
      );
    }),
  ),

  http.delete(
    '/me/mfa/totp/enrollments/{enrollmentId}',
    guard(({ request, params, response }) => {
      const { user } = requireSession(request);
      const enrollment = ownEnrollment(user.id, params.enrollmentId);
      db.enrollments.delete(enrollment.id);
      return response(204).empty();
    }),
  ),

  http.post(
    '/me/mfa/totp/enrollments/{enrollmentId}/verify',
    guard(async ({ request, params, response }) => {
      const { session, user } = requireSession(request);
      const body = await readJson(request);
      return idempotent(
        request,
        user.id,
        body,
        () => {
          rejectUnknownFields(body, ['code']);
          const code = stringField(body, 'code') ?? '';
          const enrollment = ownEnrollment(user.id, params.enrollmentId);
          const gone = stale(enrollment);
          if (gone) throw gone;
          requireCodeFormat(code);
          const result = checkTotp(enrollment.secret, code, -1);
          if (!result.ok) {
            enrollment.failures += 1;
            const locked = stale(enrollment);
            if (locked) throw locked;
            const attemptsRemaining = MAX_FAILURES - enrollment.failures;
            throw new ProblemError(
              422,
              'invalid_code',
              'Wrong code',
              `That code is not correct. Check that the time on your device is right and enter the code your app shows now (${attemptsRemaining} ${attemptsRemaining === 1 ? 'try' : 'tries'} left).`,
              { parameters: { attemptsRemaining } },
            );
          }
          const { codes, hashes } = issueRecoveryCodes(user);
          // The step that confirmed enrollment counts as used: that code cannot sign in again.
          // Beside passkeys, MFA stays on since it was first enabled; the codes are renewed.
          user.mfa = {
            secret: enrollment.secret,
            enabledAt: user.mfa?.enabledAt ?? clock.now(),
            appEnabledAt: clock.now(),
            lastUsedStep: result.step,
            recoveryCodeHashes: hashes,
          };
          user.mfaLock = { failures: 0, lockedUntil: 0 };
          db.enrollments.delete(enrollment.id);
          db.revision++;
          if (!session.amr.includes('mfa')) session.amr.push('mfa');
          session.mfaAt = clock.now();
          delete user.mfaSetupRequired;
          securityChange(user, { type: 'app_added' });
          return response(200).json(
            { mfa: mfaStatus(user), recoveryCodes: codes, session: sessionView(session, user) },
            { headers: NO_STORE },
          );
        },
        { secret: true },
      );
    }),
  ),
];
