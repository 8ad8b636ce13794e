import { BRAND } from '@/lib/brand';
import { clock, db, nextId, type EmailKind, type EnrollmentRecord, type UserRecord } from '../db';
import {
  guard,
  http,
  NO_STORE,
  notFound,
  ProblemError,
  readJson,
  rejectUnknownFields,
  requireSession,
  stringField,
} from '../http';
import { idempotent } from '../idempotency';
import { deliver } from '../outbox';
import { base32, secureBytes, secureId } from '../random';
import { formatRecoveryCode, hashRecoveryCode } from '../seed';
import {
  checkTotp,
  ISSUER,
  otpauthUri,
  PERIOD,
  proveSecondFactor,
  requireCodeFormat,
} from '../totp';
import { mfaStatus, ownedRequiringMfa, pendingEnrollmentOf, sessionView } from '../views';

const ENROLLMENT_TTL_MS = 10 * 60_000;
const MAX_FAILURES = 5;
const RECOVERY_CODE_COUNT = 10;
const iso = (ms: number) => new Date(ms).toISOString();

/** Ten recovery codes of 80 bits each from the CSPRNG; only their hashes are kept. */
function issueRecoveryCodes(user: UserRecord): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatRecoveryCode(secureBytes(10)),
  );
  return { codes, hashes: codes.map((code) => hashRecoveryCode(user.id, code)) };
}

const MAIL: Record<Exclude<EmailKind, 'mfa_reminder'>, { subject: string; body: string }> = {
  mfa_enabled: {
    subject: `Multi-factor authentication was turned on for your ${BRAND.name} account`,
    body: 'An authenticator app was set up for your account and 10 new recovery codes were created.',
  },
  mfa_removed: {
    subject: `Multi-factor authentication was removed from your ${BRAND.name} account`,
    body: 'The authenticator app was removed from your account and its recovery codes no longer work. Organizations that require MFA will block your access until you set it up again.',
  },
  recovery_codes_regenerated: {
    subject: `New recovery codes for your ${BRAND.name} account`,
    body: 'New recovery codes were created for your account. The previous codes no longer work.',
  },
};

/** A notification to the person: plain text, never a secret or a code. */
function notify(user: UserRecord, kind: keyof typeof MAIL): void {
  const { subject, body } = MAIL[kind];
  const now = clock.now();
  deliver({
    id: nextId('mail'),
    kind,
    to: user.email,
    subject,
    text: [
      `Hello ${user.name ?? user.email},`,
      '',
      `${body} (${iso(now)})`,
      '',
      `If this was not you, sign in to ${BRAND.product} at once, change your password and review My profile → Security.`,
    ].join('\n'),
    sentAt: now,
  });
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

export const enrollmentHandlers = [
  http.post(
    '/me/mfa/totp/enrollments',
    guard(async ({ request, response }) => {
      const { user } = requireSession(request);
      const answer = await idempotent(
        request,
        user.id,
        null,
        () => {
          if (user.mfa)
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
          return Response.json(
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
            { status: 201, headers: NO_STORE },
          );
        },
        { secret: true },
      );
      return response.untyped(answer);
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
      const answer = await idempotent(
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
          user.mfa = {
            secret: enrollment.secret,
            enabledAt: clock.now(),
            lastUsedStep: result.step,
            recoveryCodeHashes: hashes,
          };
          user.mfaLock = { failures: 0, lockedUntil: 0 };
          db.enrollments.delete(enrollment.id);
          db.revision++;
          if (!session.amr.includes('mfa')) session.amr.push('mfa');
          notify(user, 'mfa_enabled');
          return Response.json(
            { mfa: mfaStatus(user), recoveryCodes: codes, session: sessionView(session, user) },
            { headers: NO_STORE },
          );
        },
        { secret: true },
      );
      return response.untyped(answer);
    }),
  ),

  http.post(
    '/me/mfa/removal',
    guard(async ({ request, response }) => {
      const { user } = requireSession(request);
      const body = await readJson(request);
      const answer = await idempotent(request, user.id, body, () => {
        rejectUnknownFields(body, ['code', 'recoveryCode']);
        // Refuse before checking the code, so an owner does not spend a recovery code for nothing.
        const owned = ownedRequiringMfa(user.id);
        if (user.mfa && owned.length > 0)
          throw new ProblemError(
            403,
            'owner_requires_mfa',
            'MFA is required for owners',
            `You own ${owned.map((o) => o.name).join(', ')}, which ${owned.length === 1 ? 'requires' : 'require'} MFA. Removing it would lock the organization's administration out. Turn off "MFA required" there or hand over ownership first.`,
            { parameters: { organizations: owned } },
          );
        proveSecondFactor(user, body, { wrongStatus: 422 });
        user.mfa = null;
        user.mfaLock = { failures: 0, lockedUntil: 0 };
        db.revision++;
        // Sessions made with MFA no longer meet an organization's requirement.
        for (const s of db.sessions.values())
          if (s.userId === user.id) s.amr = s.amr.filter((m) => m !== 'mfa');
        notify(user, 'mfa_removed');
        return Response.json(mfaStatus(user), { headers: NO_STORE });
      });
      return response.untyped(answer);
    }),
  ),

  http.post(
    '/me/mfa/recovery-codes',
    guard(async ({ request, response }) => {
      const { user } = requireSession(request);
      const body = await readJson(request);
      const answer = await idempotent(
        request,
        user.id,
        body,
        () => {
          rejectUnknownFields(body, ['code', 'recoveryCode']);
          proveSecondFactor(user, body, { wrongStatus: 422 });
          if (!user.mfa) throw new Error('proveSecondFactor lets only users with MFA through');
          const { codes, hashes } = issueRecoveryCodes(user);
          user.mfa.recoveryCodeHashes = hashes;
          notify(user, 'recovery_codes_regenerated');
          return Response.json({ recoveryCodes: codes }, { headers: NO_STORE });
        },
        { secret: true },
      );
      return response.untyped(answer);
    }),
  ),
];
