// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { codeFor, OLIVIA_SECRET } from '../../../tests/api';
import { clock, db, type UserRecord } from '../db';
import { seededRecoveryCodes } from '../seed';
import { proveSecondFactor, requireCodeFormat } from '../totp';
import { refusal } from './refusal';

/** What a proof says it was, what it records and announces, and the words of each refusal. */
const olivia = (): UserRecord => {
  const user = db.users.get('usr_olivia');
  if (!user?.mfa) throw new Error('seed: Olivia has MFA');
  return user;
};
const activity = () => db.activity.filter((e) => e.userId === 'usr_olivia');
const notices = () => db.outbox.filter((m) => m.to === 'olivia@example.com');
const wrong = () => String((Number(codeFor(OLIVIA_SECRET)) + 500_000) % 1_000_000).padStart(6, '0');
const codes = () => seededRecoveryCodes('usr_olivia');

describe('a proof says which it was and how many recovery codes are left', () => {
  it('a code from the app: totp, all 10 left, nothing recorded or sent', () => {
    const before = { activity: activity().length, notices: notices().length };
    const proof = proveSecondFactor(
      olivia(),
      { code: codeFor(OLIVIA_SECRET) },
      { wrongStatus: 401 },
    );
    expect(proof).toEqual({ method: 'totp', recoveryCodesRemaining: 10 });
    expect({ activity: activity().length, notices: notices().length }).toEqual(before);
  });

  it('a recovery code at sign-in: counted down, recorded, announced as a sign-in', () => {
    const [first, second] = codes();
    const proof = proveSecondFactor(olivia(), { recoveryCode: first }, { wrongStatus: 401 });
    expect(proof).toEqual({ method: 'recovery_code', recoveryCodesRemaining: 9 });
    expect(activity().at(-1)).toMatchObject({
      type: 'recovery_code_used',
      recoveryCodesRemaining: 9,
    });
    expect(notices().at(-1)?.subject).toMatch(/^A recovery code was used to sign in to /);
    const next = proveSecondFactor(olivia(), { recoveryCode: second }, { wrongStatus: 422 });
    expect(next).toEqual({ method: 'recovery_code', recoveryCodesRemaining: 8 });
    expect(notices().at(-1)?.subject).toMatch(/^A recovery code was used to confirm a change to /);
    expect(notices().at(-1)?.text).toContain('8 codes are left.');
  });
});

describe('the words of each refusal', () => {
  it('a malformed code', () => {
    expect(refusal(() => requireCodeFormat('12'))).toMatchObject({ title: 'Invalid code' });
  });

  it('no MFA at all, and no app on a passkey-only account', () => {
    const adam = db.users.get('usr_adam');
    if (!adam) throw new Error('seed');
    expect(
      refusal(() => proveSecondFactor(adam, { code: '123456' }, { wrongStatus: 401 })),
    ).toMatchObject({
      title: 'MFA is not enabled',
      detail: 'This account has no authenticator app set up.',
    });
    const user = olivia();
    if (user.mfa) user.mfa.secret = null;
    const noApp = refusal(() => proveSecondFactor(user, { code: '123456' }, { wrongStatus: 401 }));
    expect(noApp).toMatchObject({
      status: 409,
      code: 'no_authenticator_app',
      title: 'No authenticator app',
      detail: 'This account has no authenticator app. Use a passkey or a recovery code.',
    });
    expect(user.mfaLock.failures, 'not a guess').toBe(0);
    // Its recovery codes still work.
    const [first] = codes();
    expect(proveSecondFactor(user, { recoveryCode: first }, { wrongStatus: 401 }).method).toBe(
      'recovery_code',
    );
  });

  it('both or neither, a malformed recovery code, a used one, a wrong one', () => {
    const user = olivia();
    expect(refusal(() => proveSecondFactor(user, {}, { wrongStatus: 401 })).detail).toBe(
      'Send either "code" (6 digits from your app) or "recoveryCode".',
    );
    expect(
      refusal(() => proveSecondFactor(user, { recoveryCode: 'short' }, { wrongStatus: 401 })),
    ).toMatchObject({
      title: 'Invalid recovery code',
      detail:
        'A recovery code has 16 letters and digits, like abcd-efgh-jkmn-pqrs (any case; spaces and hyphens are optional).',
    });
    const [first] = codes();
    proveSecondFactor(user, { recoveryCode: first }, { wrongStatus: 401 });
    expect(
      refusal(() => proveSecondFactor(user, { recoveryCode: first }, { wrongStatus: 401 })),
    ).toMatchObject({ title: 'Code already used' });
    expect(
      refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 })),
    ).toMatchObject({ title: 'Wrong code' });
  });

  it('the tenth wrong code locks, records and announces it; while locked, says until when', () => {
    const user = olivia();
    for (let i = 0; i < 9; i++)
      refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 }));
    const locked = refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 }));
    const until = clock.now() + 15 * 60_000;
    expect(locked.detail).toBe('Too many wrong codes. The code step is locked for 15 minutes.');
    expect(activity().at(-1)).toMatchObject({ type: 'mfa_locked', lockedUntil: until });
    expect(notices().at(-1)?.subject).toMatch(/were locked after too many wrong codes$/);
    const again = refusal(() => proveSecondFactor(user, { code: wrong() }, { wrongStatus: 401 }));
    expect(again.detail).toBe(
      `Too many wrong codes. Try again after ${new Date(until).toISOString()}.`,
    );
  });
});
