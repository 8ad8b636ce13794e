// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { codeFor, OLIVIA_SECRET } from '../../../tests/api';
import { clock, db, type UserRecord } from '../db';
import { ProblemError } from '../problems';
import { seededRecoveryCodes } from '../seed';
import { checkTotp, otpauthUri, proveSecondFactor, requireCodeFormat, totpFor } from '../totp';

const olivia = (): UserRecord => {
  const user = db.users.get('usr_olivia');
  if (!user?.mfa) throw new Error('seed: Olivia has MFA');
  return user;
};
const step = () => Math.floor(clock.now() / 30_000);

function refusal(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('requireCodeFormat', () => {
  it.each([
    ['', 'Enter the 6-digit code from your authenticator app.'],
    ['123 456', 'The code must be 6 digits with no spaces.'],
    ['12345', 'The code must be exactly 6 digits; this one has 5.'],
    ['1234567', 'The code must be exactly 6 digits; this one has 7.'],
    ['12a456', 'The code must contain digits 0–9 only.'],
    ['１２３４５６', 'The code must contain digits 0–9 only.'],
  ])('refuses %j: %s', (code, detail) => {
    const p = refusal(() => requireCodeFormat(code, 'otp'));
    expect(p).toMatchObject({ status: 400, code: 'invalid_code_format', detail });
    expect(p.extra).toEqual({
      parameters: { parameter: 'otp' },
      errors: [{ field: 'otp', message: detail }],
    });
  });

  it('accepts exactly six ASCII digits and names the field "code" by default', () => {
    expect(requireCodeFormat('012345')).toBe('012345');
    expect(refusal(() => requireCodeFormat('1')).extra).toMatchObject({
      parameters: { parameter: 'code' },
    });
  });
});

describe('checkTotp', () => {
  it('accepts one step either side and returns the step the code belongs to', () => {
    const now = step();
    expect(checkTotp(OLIVIA_SECRET, codeFor(OLIVIA_SECRET), -1)).toEqual({ ok: true, step: now });
    expect(checkTotp(OLIVIA_SECRET, codeFor(OLIVIA_SECRET, 1), -1)).toEqual({
      ok: true,
      step: now + 1,
    });
    expect(checkTotp(OLIVIA_SECRET, codeFor(OLIVIA_SECRET, -1), -1)).toEqual({
      ok: true,
      step: now - 1,
    });
    expect(checkTotp(OLIVIA_SECRET, codeFor(OLIVIA_SECRET, 2), -1)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a step already used, and any step before it (replay)', () => {
    const now = step();
    const next = codeFor(OLIVIA_SECRET, 1);
    expect(checkTotp(OLIVIA_SECRET, next, now + 1)).toEqual({ ok: false, reason: 'reused' });
    // After the next step was used, the current code (an earlier step) is refused too.
    expect(checkTotp(OLIVIA_SECRET, codeFor(OLIVIA_SECRET), now + 1)).toEqual({
      ok: false,
      reason: 'reused',
    });
    expect(checkTotp(OLIVIA_SECRET, next, now)).toEqual({ ok: true, step: now + 1 });
  });
});

describe('otpauth URI and generator', () => {
  it('encodes the label and carries every parameter', () => {
    expect(otpauthUri('ABC', 'a+b:c@example.com')).toBe(
      'otpauth://totp/Nimbus:a%2Bb%3Ac%40example.com?secret=ABC&issuer=Nimbus&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('generates the codes an authenticator shows (SHA1, 6 digits, 30 s)', () => {
    const totp = totpFor(OLIVIA_SECRET, 'olivia@example.com');
    expect(totp.generate({ timestamp: clock.now() })).toBe(codeFor(OLIVIA_SECRET));
    expect(totp.issuer).toBe('Nimbus');
    expect(totp.label).toBe('olivia@example.com');
    expect(totpFor(OLIVIA_SECRET).label).toBe('account');
  });
});

describe('proveSecondFactor', () => {
  const wrong = () =>
    String((Number(codeFor(OLIVIA_SECRET)) + 500_000) % 1_000_000).padStart(6, '0');

  it('refuses a person without MFA (409)', () => {
    const adam = db.users.get('usr_adam');
    if (!adam) throw new Error('seed');
    expect(
      refusal(() => proveSecondFactor(adam, { code: '123456' }, { wrongStatus: 401 })),
    ).toMatchObject({ status: 409, code: 'mfa_not_enabled' });
  });

  it('wants exactly one of code and recovery code', () => {
    const neither = refusal(() => proveSecondFactor(olivia(), {}, { wrongStatus: 401 }));
    expect(neither).toMatchObject({ status: 400, code: 'missing_field' });
    expect(neither.extra).toEqual({ parameters: { parameter: 'code' } });
    const both = refusal(() =>
      proveSecondFactor(
        olivia(),
        { code: codeFor(OLIVIA_SECRET), recoveryCode: 'x' },
        { wrongStatus: 401 },
      ),
    );
    expect(both).toMatchObject({ status: 400, code: 'missing_field' });
    expect(both.extra).toEqual({ parameters: { parameter: 'recoveryCode' } });
    expect(olivia().mfaLock.failures).toBe(0);
    expect(
      refusal(() => proveSecondFactor(olivia(), { code: 123456 }, { wrongStatus: 401 })),
    ).toMatchObject({ status: 400, code: 'invalid_type' });
  });

  it('a right code is used up and clears earlier failures', () => {
    const user = olivia();
    refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 }));
    refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 }));
    expect(user.mfaLock.failures).toBe(2);
    proveSecondFactor(user, { code: codeFor(OLIVIA_SECRET) }, { wrongStatus: 401 });
    expect(user.mfaLock).toEqual({ failures: 0, lockedUntil: 0 });
    expect(user.mfa?.lastUsedStep).toBe(step());
    const again = refusal(() =>
      proveSecondFactor(user, { code: codeFor(OLIVIA_SECRET) }, { wrongStatus: 422 }),
    );
    expect(again).toMatchObject({ status: 422, code: 'code_already_used' });
    expect(again.detail).toBe('That code was already used. Wait for the next code in your app.');
    expect(again.extra).toEqual({ parameters: { attemptsRemaining: 10 } });
    // A refused duplicate of a right code is not a guess: it never counts toward the lock.
    expect(user.mfaLock).toEqual({ failures: 0, lockedUntil: 0 });
    refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 }));
    const duplicate = refusal(() =>
      proveSecondFactor(user, { code: codeFor(OLIVIA_SECRET) }, { wrongStatus: 401 }),
    );
    expect(duplicate.extra).toEqual({ parameters: { attemptsRemaining: 9 } });
    expect(user.mfaLock.failures).toBe(1);
  });

  it('wrong codes count down, with the status asked for, and the tenth locks for 15 minutes', () => {
    const user = olivia();
    for (let i = 1; i <= 9; i++) {
      const p = refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 422 }));
      expect(p).toMatchObject({ status: 422, code: 'invalid_code' });
      expect(p.detail).toMatch(/code is not correct/);
      expect(p.extra).toEqual({ parameters: { attemptsRemaining: 10 - i } });
      expect(user.mfaLock).toEqual({ failures: i, lockedUntil: 0 });
    }
    const locked = refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 }));
    expect(locked).toMatchObject({ status: 429, code: 'mfa_locked' });
    expect(locked.headers['Retry-After']).toBe('900');
    expect(user.mfaLock).toEqual({ failures: 0, lockedUntil: clock.now() + 15 * 60_000 });
    // While locked even the right code is refused; at the end of the lock it works again.
    clock.advance(15 * 60_000 - 1000);
    expect(
      refusal(() =>
        proveSecondFactor(user, { code: codeFor(OLIVIA_SECRET) }, { wrongStatus: 401 }),
      ),
    ).toMatchObject({ status: 429, code: 'mfa_locked' });
    clock.advance(1000);
    proveSecondFactor(user, { code: codeFor(OLIVIA_SECRET) }, { wrongStatus: 401 });
    expect(user.mfaLock).toEqual({ failures: 0, lockedUntil: 0 });
  });

  it('a malformed code or recovery code is a 400 and not a failure', () => {
    const user = olivia();
    expect(
      refusal(() => proveSecondFactor(user, { code: '12345' }, { wrongStatus: 401 })),
    ).toMatchObject({
      status: 400,
      code: 'invalid_code_format',
    });
    for (const recoveryCode of [
      'abcd-efgh-ijkl-mno',
      'abcd-efgh-ijkl-mnopq',
      'abcd-efgh-ijkl-mn01',
      '',
    ]) {
      const p = refusal(() => proveSecondFactor(user, { recoveryCode }, { wrongStatus: 401 }));
      expect(p).toMatchObject({ status: 400, code: 'invalid_recovery_code_format' });
      expect(p.extra).toEqual({ parameters: { parameter: 'recoveryCode' } });
    }
    expect(user.mfaLock.failures).toBe(0);
  });

  it('a recovery code works once, in any case and grouping; a wrong one counts', () => {
    const user = olivia();
    const [first, second] = seededRecoveryCodes(user.id);
    if (!first || !second) throw new Error('seed');
    const before = user.mfa?.recoveryCodeHashes.filter(Boolean).length ?? 0;
    const lastUsedStep = user.mfa?.lastUsedStep;
    proveSecondFactor(user, { recoveryCode: ` ${first.toUpperCase()} ` }, { wrongStatus: 401 });
    expect(user.mfa?.recoveryCodeHashes.filter(Boolean).length).toBe(before - 1);
    const reused = refusal(() =>
      proveSecondFactor(user, { recoveryCode: first }, { wrongStatus: 401 }),
    );
    expect(reused).toMatchObject({ status: 401, code: 'code_already_used' });
    expect(reused.detail).toBe(
      'That recovery code was already used. Each recovery code works once.',
    );
    expect(user.mfaLock.failures, 'a used code of ones own is not a guess').toBe(0);
    const guessed = refusal(() =>
      proveSecondFactor(user, { recoveryCode: 'aaaa-bbbb-cccc-dddd' }, { wrongStatus: 401 }),
    );
    expect(guessed).toMatchObject({ status: 401, code: 'invalid_code' });
    expect(guessed.detail).toBe('That recovery code is not valid.');
    expect(user.mfaLock.failures).toBe(1);
    proveSecondFactor(user, { recoveryCode: second.replace(/-/g, ' ') }, { wrongStatus: 401 });
    expect(user.mfaLock.failures).toBe(0);
    expect(user.mfa?.lastUsedStep, 'a recovery code uses no TOTP step').toBe(lastUsedStep);
  });
});
