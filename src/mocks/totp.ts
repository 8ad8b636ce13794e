import { Secret, TOTP } from 'otpauth';
import { clock, type UserRecord } from './db';
import { badRequest, ProblemError, tooManyRequests } from './problems';
import { rejectUnknownFields, stringField } from './body';
import { looksLikeRecoveryCode, normalizeRecoveryCode } from './recovery-codes';
import { hashRecoveryCode } from './credentials';
import { securityChange } from './security-activity';

export const ISSUER = 'Nimbus';
export const PERIOD = 30;
const LOCK_AFTER = 10;
const LOCK_MS = 15 * 60_000;

export function totpFor(secret: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** `otpauth://totp/Nimbus:<e-mail>?…`, the e-mail URL-encoded (`+` → `%2B`, `:` never raw). */
export function otpauthUri(secret: string, email: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(email)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}&algorithm=SHA1&digits=6&period=${PERIOD}`;
}

/** Exactly six ASCII digits; anything else is a 400 that says so. */
export function requireCodeFormat(code: string, field = 'code'): string {
  if (!/^[0-9]{6}$/.test(code)) {
    const detail =
      code.length === 0
        ? 'Enter the 6-digit code from your authenticator app.'
        : /\s/.test(code)
          ? 'The code must be 6 digits with no spaces.'
          : /^[0-9]+$/.test(code)
            ? `The code must be exactly 6 digits; this one has ${code.length}.`
            : 'The code must contain digits 0–9 only.';
    throw new ProblemError(400, 'invalid_code_format', 'Invalid code', detail, {
      parameters: { parameter: field },
      errors: [{ field, message: detail }],
    });
  }
  return code;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'reused' };

/** RFC 6238 with one step of drift either side; a step already used is refused (replay). */
export function checkTotp(secret: string, code: string, lastUsedStep: number): TotpCheck {
  const now = clock.now();
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (step <= lastUsedStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}

interface ProofOptions {
  /** Status of a wrong code: 401 at sign-in, 422 when confirming an action. */
  wrongStatus: 401 | 422;
}

export interface Proof {
  method: 'totp' | 'recovery_code';
  /** Recovery codes left after this proof. */
  recoveryCodesRemaining: number;
}

/**
 * Check a second factor (`code` or `recoveryCode`) for a user with MFA: replay protection,
 * single-use recovery codes, and the lock after 10 consecutive failures. Throws on failure.
 * A recovery code used and a lock are recorded in the person's activity, with a notice.
 */
export function proveSecondFactor(
  user: UserRecord,
  body: Record<string, unknown>,
  { wrongStatus }: ProofOptions,
): Proof {
  const mfa = user.mfa;
  if (!mfa)
    throw new ProblemError(
      409,
      'mfa_not_enabled',
      'MFA is not enabled',
      'This account has no authenticator app set up.',
    );
  const now = clock.now();
  if (user.mfaLock.lockedUntil > now) {
    throw tooManyRequests(
      'mfa_locked',
      `Too many wrong codes. Try again after ${new Date(user.mfaLock.lockedUntil).toISOString()}.`,
      user.mfaLock.lockedUntil,
    );
  }
  const code = stringField(body, 'code', false);
  const recovery = stringField(body, 'recoveryCode', false);
  if ((code === undefined) === (recovery === undefined)) {
    throw badRequest(
      'Send either "code" (6 digits from your app) or "recoveryCode".',
      code === undefined ? 'code' : 'recoveryCode',
      'missing_field',
    );
  }
  let failure: 'invalid' | 'reused' | null = null;
  if (code !== undefined) {
    requireCodeFormat(code);
    if (!mfa.secret)
      throw new ProblemError(
        409,
        'no_authenticator_app',
        'No authenticator app',
        'This account has no authenticator app. Use a passkey or a recovery code.',
      );
    const result = checkTotp(mfa.secret, code, mfa.lastUsedStep);
    if (result.ok) mfa.lastUsedStep = result.step;
    else failure = result.reason;
  } else {
    const normalized = normalizeRecoveryCode(recovery ?? '');
    if (!looksLikeRecoveryCode(normalized)) {
      throw new ProblemError(
        400,
        'invalid_recovery_code_format',
        'Invalid recovery code',
        'A recovery code has 16 letters and digits, like abcd-efgh-jkmn-pqrs (any case; spaces and hyphens are optional).',
        { parameters: { parameter: 'recoveryCode' } },
      );
    }
    const hash = hashRecoveryCode(user.id, normalized);
    const index = mfa.recoveryCodeHashes.indexOf(hash);
    if (index >= 0) {
      mfa.recoveryCodeHashes[index] = null;
      mfa.usedRecoveryCodeHashes = [...(mfa.usedRecoveryCodeHashes ?? []), hash];
    } else failure = mfa.usedRecoveryCodeHashes?.includes(hash) ? 'reused' : 'invalid';
  }
  const remaining = mfa.recoveryCodeHashes.filter((h) => h !== null).length;
  if (failure === null) {
    user.mfaLock = { failures: 0, lockedUntil: 0 };
    if (code !== undefined) return { method: 'totp', recoveryCodesRemaining: remaining };
    securityChange(
      user,
      { type: 'recovery_code_used', recoveryCodesRemaining: remaining },
      { purpose: wrongStatus === 401 ? 'sign_in' : 'confirm' },
    );
    return { method: 'recovery_code', recoveryCodesRemaining: remaining };
  }
  if (failure === 'reused') {
    // A correct code sent twice (a double submit, parallel tabs) is refused, but it is not a
    // guess: it never counts toward the lock, or a person's own code could lock them out.
    throw new ProblemError(
      wrongStatus,
      'code_already_used',
      'Code already used',
      code !== undefined
        ? 'That code was already used. Wait for the next code in your app.'
        : 'That recovery code was already used. Each recovery code works once.',
      { parameters: { attemptsRemaining: LOCK_AFTER - user.mfaLock.failures } },
    );
  }
  const failures = user.mfaLock.failures + 1;
  if (failures >= LOCK_AFTER) {
    user.mfaLock = { failures: 0, lockedUntil: now + LOCK_MS };
    securityChange(user, { type: 'mfa_locked', lockedUntil: user.mfaLock.lockedUntil });
    throw tooManyRequests(
      'mfa_locked',
      'Too many wrong codes. The code step is locked for 15 minutes.',
      user.mfaLock.lockedUntil,
    );
  }
  user.mfaLock = { failures, lockedUntil: 0 };
  const attemptsRemaining = LOCK_AFTER - failures;
  throw new ProblemError(
    wrongStatus,
    'invalid_code',
    'Wrong code',
    code !== undefined
      ? 'That code is not correct. Check the time on your device and try the current code.'
      : 'That recovery code is not valid.',
    { parameters: { attemptsRemaining } },
  );
}

export { rejectUnknownFields };
