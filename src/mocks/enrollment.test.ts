import { URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { call, codeFor, GUS_SECRET, signInAs } from '../../tests/api';
import { clock, db } from './db';

type Enrollment = { id: string; secret: string; otpauthUri: string; expiresAt: string };
type Verified = { recoveryCodes: string[]; session: { amr: string[] }; mfa: { enabled: boolean } };

async function start(): Promise<Enrollment> {
  const res = await call('POST', '/me/mfa/totp/enrollments');
  expect(res.status).toBe(201);
  return res.json as unknown as Enrollment;
}

const verify = (id: string, code: unknown, headers: Record<string, string> = {}) =>
  call('POST', `/me/mfa/totp/enrollments/${id}/verify`, { code }, headers);

/** A 6-digit code that is none of the codes accepted right now (±1 step). */
function wrongCode(secret: string): string {
  const valid = [-1, 0, 1].map((s) => codeFor(secret, s));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.includes(candidate)) return candidate;
  }
}

/** Adam turns MFA on; the clock then moves a step so the next code is a fresh one. */
async function enrollAdam() {
  await signInAs('adam');
  const enrollment = await start();
  const res = await verify(enrollment.id, codeFor(enrollment.secret));
  expect(res.status).toBe(200);
  clock.advance(30_000);
  return { ...enrollment, ...(res.json as unknown as Verified) };
}

const adam = () => db.users.get('usr_adam');
const mails = (kind: string) => db.outbox.filter((m) => m.kind === kind);

describe('starting an enrollment', () => {
  it('returns a 160-bit base32 secret, its otpauth URI and no-store, once', async () => {
    await signInAs('adam');
    const res = await call('POST', '/me/mfa/totp/enrollments');
    expect(res.status).toBe(201);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = res.json as unknown as Enrollment & Record<string, unknown>;
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body).toMatchObject({ issuer: 'Nimbus', accountName: 'adam@example.com', digits: 6 });
    expect(new Date(body.expiresAt).getTime()).toBe(clock.now() + 10 * 60_000);
    const totp = URI.parse(body.otpauthUri);
    expect(totp.secret.base32).toBe(body.secret);
    expect(totp.issuer).toBe('Nimbus');
    const status = await call('GET', '/me/mfa');
    expect(status.json.pendingEnrollment).toEqual({ id: body.id, expiresAt: body.expiresAt });
    expect(status.text).not.toContain(body.secret);
    expect((await call('GET', '/me')).text).not.toContain(body.secret);
  });

  it('URL-encodes the e-mail in the URI label, with no raw colon after the issuer', async () => {
    await signInAs('adam');
    const user = adam();
    if (!user) throw new Error('seed');
    user.email = 'a+b@x.com';
    const { otpauthUri } = await start();
    const label = otpauthUri.slice('otpauth://totp/'.length, otpauthUri.indexOf('?'));
    expect(label).toBe('Nimbus:a%2Bb%40x.com');
    expect(label.split(':')).toHaveLength(2);
    expect(URI.parse(otpauthUri).label).toBe('a+b@x.com');
    expect(otpauthUri).toContain('issuer=Nimbus');
  });

  it('draws a new secret for every enrollment', async () => {
    await signInAs('adam');
    const first = await start();
    await call('DELETE', `/me/mfa/totp/enrollments/${first.id}`);
    const second = await start();
    expect(second.secret).not.toBe(first.secret);
    expect(second.id).not.toBe(first.id);
  });

  it('refuses a second enrollment while one is pending, naming it', async () => {
    await signInAs('adam');
    const first = await start();
    const res = await call('POST', '/me/mfa/totp/enrollments');
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      code: 'enrollment_pending',
      parameters: { enrollmentId: first.id, expiresAt: first.expiresAt },
    });
    expect(res.text).not.toContain(first.secret);
  });

  it('starts over after the pending enrollment is cancelled, and forgets the old secret', async () => {
    await signInAs('adam');
    const first = await start();
    expect((await call('DELETE', `/me/mfa/totp/enrollments/${first.id}`)).status).toBe(204);
    expect(db.enrollments.has(first.id)).toBe(false);
    expect((await verify(first.id, codeFor(first.secret))).status).toBe(404);
    expect((await start()).secret).not.toBe(first.secret);
  });

  it('refuses to start while MFA is already on, with no secret in the answer', async () => {
    await signInAs('olivia');
    const res = await call('POST', '/me/mfa/totp/enrollments');
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('mfa_already_enabled');
    expect(res.json).not.toHaveProperty('secret');
    expect(res.text).not.toMatch(/[A-Z2-7]{32}/);
    expect(db.enrollments.size).toBe(0);
  });

  it('answers 401 without a session', async () => {
    expect((await call('POST', '/me/mfa/totp/enrollments')).status).toBe(401);
    expect((await call('POST', '/me/mfa/removal', { code: '123456' })).status).toBe(401);
    expect((await call('POST', '/me/mfa/recovery-codes', { code: '123456' })).status).toBe(401);
  });
});

describe('verifying an enrollment: bad input', () => {
  it.each([
    ['empty', '', 'Enter the 6-digit code'],
    ['5 digits', '12345', 'exactly 6 digits; this one has 5'],
    ['7 digits', '1234567', 'exactly 6 digits; this one has 7'],
    ['letters', '12a4b6', 'digits 0–9 only'],
    ['spaces inside', '123 456', 'no spaces'],
    ['full-width digits', '１２３４５６', 'digits 0–9 only'],
  ])('rejects a code that is %s with 400 and counts no failure', async (_, code, message) => {
    await signInAs('adam');
    const enrollment = await start();
    const res = await verify(enrollment.id, code);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      code: 'invalid_code_format',
      parameters: { parameter: 'code' },
    });
    expect(res.json.detail).toContain(message);
    expect(db.enrollments.get(enrollment.id)?.failures).toBe(0);
    expect(adam()?.mfa).toBeNull();
  });

  it('rejects a missing code, a number and unknown fields with 400', async () => {
    await signInAs('adam');
    const { id } = await start();
    expect((await call('POST', `/me/mfa/totp/enrollments/${id}/verify`, {})).json.code).toBe(
      'missing_field',
    );
    expect((await verify(id, 123456)).json.code).toBe('invalid_type');
    const extra = await call('POST', `/me/mfa/totp/enrollments/${id}/verify`, {
      code: '123456',
      enabled: true,
    });
    expect(extra.json.code).toBe('unknown_field');
  });

  it.each([
    ['2 steps ago', -2],
    ['2 steps ahead', 2],
  ])('refuses a code from %s with 422 and the tries left', async (_, offset) => {
    await signInAs('adam');
    const enrollment = await start();
    const res = await verify(enrollment.id, codeFor(enrollment.secret, offset));
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: 'invalid_code', parameters: { attemptsRemaining: 4 } });
    expect(adam()?.mfa).toBeNull();
  });

  it.each([
    ['one step behind', -1],
    ['one step ahead', 1],
  ])('accepts a code %s (clock drift)', async (_, offset) => {
    await signInAs('adam');
    const enrollment = await start();
    expect((await verify(enrollment.id, codeFor(enrollment.secret, offset))).status).toBe(200);
  });

  it('does not accept the same valid code twice', async () => {
    const enrolled = await enrollAdam();
    clock.advance(-30_000);
    const again = await verify(enrolled.id, codeFor(enrolled.secret));
    expect(again.status).toBe(404);
    const stepUp = await call('POST', '/session/mfa', { code: codeFor(enrolled.secret) });
    expect(stepUp.json).toMatchObject({ status: 422, code: 'code_already_used' });
  });

  it('stops the enrollment at the 5th wrong code and refuses the 6th, even a right one', async () => {
    await signInAs('adam');
    const enrollment = await start();
    const wrong = wrongCode(enrollment.secret);
    for (const remaining of [4, 3, 2, 1]) {
      const res = await verify(enrollment.id, wrong);
      expect(res.json).toMatchObject({ status: 422, parameters: { attemptsRemaining: remaining } });
    }
    const fifth = await verify(enrollment.id, wrong);
    expect(fifth.json).toMatchObject({ status: 410, code: 'enrollment_locked' });
    const sixth = await verify(enrollment.id, codeFor(enrollment.secret));
    expect(sixth.json).toMatchObject({ status: 410, code: 'enrollment_locked' });
    expect(adam()?.mfa).toBeNull();
    expect(db.enrollments.get(enrollment.id)?.secret).toBe('');
    const next = await start();
    expect(next.secret).not.toBe(enrollment.secret);
    expect(db.enrollments.has(enrollment.id)).toBe(false);
  });

  it('refuses an enrollment older than 10 minutes with 410 and lets the person start again', async () => {
    await signInAs('adam');
    const enrollment = await start();
    clock.advance(10 * 60_000);
    const res = await verify(enrollment.id, codeFor(enrollment.secret));
    expect(res.json).toMatchObject({ status: 410, code: 'enrollment_expired' });
    expect(adam()?.mfa).toBeNull();
    expect((await call('GET', '/me/mfa')).json.pendingEnrollment).toBeNull();
    expect((await start()).secret).not.toBe(enrollment.secret);
  });

  it("answers someone else's enrollment id like an unknown one, and leaves it alone", async () => {
    await signInAs('adam');
    const adams = await start();
    await signInAs('mia');
    const res = await verify(adams.id, codeFor(adams.secret));
    expect(res.json).toMatchObject({ status: 404, code: 'not_found' });
    expect((await call('DELETE', `/me/mfa/totp/enrollments/${adams.id}`)).status).toBe(404);
    expect((await verify('enr_unknown', '123456')).status).toBe(404);
    expect(db.users.get('usr_mia')?.mfa).toBeNull();
    expect(db.enrollments.get(adams.id)?.failures).toBe(0);
  });
});

describe('verifying an enrollment: success', () => {
  it('turns MFA on, adds mfa to the session and returns 10 recovery codes with no-store', async () => {
    await signInAs('adam');
    const enrollment = await start();
    const res = await verify(enrollment.id, codeFor(enrollment.secret));
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = res.json as unknown as Verified;
    expect(body.mfa.enabled).toBe(true);
    expect(body.session.amr).toEqual(['pwd', 'mfa']);
    expect((await call('GET', '/session')).json.amr).toEqual(['pwd', 'mfa']);
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    for (const code of body.recoveryCodes)
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}$/);
    expect(db.enrollments.has(enrollment.id)).toBe(false);
    expect((await call('GET', '/me/mfa')).json).toMatchObject({
      enabled: true,
      recoveryCodesRemaining: 10,
      pendingEnrollment: null,
    });
  });

  it('stores the recovery codes only as hashes', async () => {
    const { recoveryCodes } = await enrollAdam();
    const stored = JSON.stringify(adam());
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ''));
    }
  });

  it('sends one "MFA enabled" e-mail with no secret or code in it', async () => {
    const { secret, recoveryCodes } = await enrollAdam();
    const sent = mails('mfa_enabled');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'adam@example.com' });
    expect(sent[0]?.text).not.toContain(secret);
    for (const code of recoveryCodes) expect(sent[0]?.text).not.toContain(code);
  });

  it('does not let the code that confirmed enrollment sign in', async () => {
    await signInAs('adam');
    const enrollment = await start();
    const code = codeFor(enrollment.secret);
    expect((await verify(enrollment.id, code)).status).toBe(200);
    await call('DELETE', '/session');
    const first = await call('POST', '/auth/sign-in', {
      email: 'adam@example.com',
      password: 'nimbus-demo',
    });
    const challengeId = (first.json.challenge as { id: string }).id;
    const res = await call('POST', '/auth/mfa', { challengeId, code });
    expect(res.json).toMatchObject({ status: 401, code: 'code_already_used' });
    clock.advance(30_000);
    const next = await call('POST', '/auth/mfa', { challengeId, code: codeFor(enrollment.secret) });
    expect(next.status).toBe(200);
  });

  it('lets each recovery code sign in once', async () => {
    const { recoveryCodes } = await enrollAdam();
    const [code] = recoveryCodes;
    const signIn = async () => {
      await call('DELETE', '/session');
      const first = await call('POST', '/auth/sign-in', {
        email: 'adam@example.com',
        password: 'nimbus-demo',
      });
      const challengeId = (first.json.challenge as { id: string }).id;
      return call('POST', '/auth/mfa', { challengeId, recoveryCode: code });
    };
    expect((await signIn()).status).toBe(200);
    expect((await signIn()).json).toMatchObject({ status: 401, code: 'code_already_used' });
    expect(adam()?.mfa?.recoveryCodeHashes.filter((h) => h !== null)).toHaveLength(9);
  });
});

describe('regenerating recovery codes', () => {
  it('needs a current code: a wrong one is 422 and keeps the old set', async () => {
    const { secret, recoveryCodes } = await enrollAdam();
    const res = await call('POST', '/me/mfa/recovery-codes', { code: wrongCode(secret) });
    expect(res.json).toMatchObject({ status: 422, code: 'invalid_code' });
    const stepUp = await call('POST', '/session/mfa', { recoveryCode: recoveryCodes[0] });
    expect(stepUp.status).toBe(200);
    expect(mails('recovery_codes_regenerated')).toHaveLength(0);
  });

  it('voids the old set, returns 10 new codes with no-store and sends an e-mail', async () => {
    const { secret, recoveryCodes } = await enrollAdam();
    const res = await call('POST', '/me/mfa/recovery-codes', { code: codeFor(secret) });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const fresh = (res.json as unknown as { recoveryCodes: string[] }).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
    const old = await call('POST', '/session/mfa', { recoveryCode: recoveryCodes[1] });
    expect(old.json).toMatchObject({ status: 422, code: 'invalid_code' });
    expect((await call('POST', '/session/mfa', { recoveryCode: fresh[0] })).status).toBe(200);
    expect(mails('recovery_codes_regenerated')).toHaveLength(1);
  });

  it('accepts a recovery code as the confirmation', async () => {
    const { recoveryCodes } = await enrollAdam();
    const res = await call('POST', '/me/mfa/recovery-codes', { recoveryCode: recoveryCodes[2] });
    expect(res.status).toBe(200);
    expect((await call('GET', '/me/mfa')).json.recoveryCodesRemaining).toBe(10);
  });

  it('answers 409 for a person without MFA', async () => {
    await signInAs('adam');
    const res = await call('POST', '/me/mfa/recovery-codes', { code: '123456' });
    expect(res.json).toMatchObject({ status: 409, code: 'mfa_not_enabled' });
  });
});

describe('removing the authenticator', () => {
  it('refuses a wrong code with 422 and keeps MFA on', async () => {
    const { secret } = await enrollAdam();
    const res = await call('POST', '/me/mfa/removal', { code: wrongCode(secret) });
    expect(res.json).toMatchObject({ status: 422, code: 'invalid_code' });
    expect(adam()?.mfa).not.toBeNull();
  });

  it('rejects a malformed code with 400', async () => {
    await enrollAdam();
    const res = await call('POST', '/me/mfa/removal', { code: '12 34 56' });
    expect(res.json).toMatchObject({ status: 400, code: 'invalid_code_format' });
  });

  it('removes MFA with a current code, drops mfa from the sessions and sends an e-mail', async () => {
    const { secret } = await enrollAdam();
    const res = await call('POST', '/me/mfa/removal', { code: codeFor(secret) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ enabled: false, enabledAt: null, recoveryCodesRemaining: 0 });
    expect(adam()?.mfa).toBeNull();
    expect((await call('GET', '/session')).json.amr).toEqual(['pwd']);
    expect(mails('mfa_removed')).toHaveLength(1);
  });

  it('removes MFA with a recovery code, after which the codes are gone', async () => {
    const { recoveryCodes } = await enrollAdam();
    expect((await call('POST', '/me/mfa/removal', { recoveryCode: recoveryCodes[0] })).status).toBe(
      200,
    );
    const again = await call('POST', '/me/mfa/removal', { recoveryCode: recoveryCodes[1] });
    expect(again.json).toMatchObject({ status: 409, code: 'mfa_not_enabled' });
  });

  it('refuses an owner of an organization that requires MFA, naming it, without spending the code', async () => {
    await signInAs('gus');
    const user = db.users.get('usr_gus');
    const before = user?.mfa?.lastUsedStep;
    const res = await call('POST', '/me/mfa/removal', { code: codeFor(GUS_SECRET) });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      code: 'owner_requires_mfa',
      parameters: { organizations: [{ slug: 'globex', name: 'Globex' }] },
    });
    expect(res.json.detail).toContain('Globex');
    expect(user?.mfa?.lastUsedStep).toBe(before);
    expect(mails('mfa_removed')).toHaveLength(0);
  });

  it('lets a member of an organization that requires MFA remove it, after which the organization blocks them', async () => {
    await signInAs('mia');
    const enrollment = await start();
    await verify(enrollment.id, codeFor(enrollment.secret));
    clock.advance(30_000);
    expect((await call('GET', '/me/mfa')).json.requiredBy).toEqual([
      { slug: 'globex', name: 'Globex' },
    ]);
    expect(
      (await call('POST', '/me/mfa/removal', { code: codeFor(enrollment.secret) })).status,
    ).toBe(200);
    const orgs = (await call('GET', '/orgs')).json.items as {
      slug: string;
      access: { missing: string[] };
    }[];
    expect(orgs.find((o) => o.slug === 'globex')?.access.missing).toContain('mfa');
  });
});

describe('Idempotency-Key', () => {
  it('replays a removal with the same key and body, sending one e-mail', async () => {
    const { secret } = await enrollAdam();
    const headers = { 'Idempotency-Key': 'remove-0001' };
    const body = { code: codeFor(secret) };
    const first = await call('POST', '/me/mfa/removal', body, headers);
    const second = await call('POST', '/me/mfa/removal', body, headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(mails('mfa_removed')).toHaveLength(1);
  });

  it('refuses the same key with another body with 422', async () => {
    const { secret } = await enrollAdam();
    const headers = { 'Idempotency-Key': 'remove-0002' };
    await call('POST', '/me/mfa/removal', { code: wrongCode(secret) }, headers);
    const res = await call('POST', '/me/mfa/removal', { code: codeFor(secret) }, headers);
    expect(res.json).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('never replays an answer that carried a secret', async () => {
    await signInAs('adam');
    const headers = { 'Idempotency-Key': 'start-00001' };
    const first = await call('POST', '/me/mfa/totp/enrollments', undefined, headers);
    expect(first.status).toBe(201);
    const second = await call('POST', '/me/mfa/totp/enrollments', undefined, headers);
    expect(second.json).toMatchObject({ status: 409, code: 'already_processed' });
    expect(second.text).not.toContain((first.json as unknown as Enrollment).secret);
    expect(db.enrollments.size).toBe(1);
    expect(JSON.stringify([...db.idempotency.values()])).not.toContain(
      (first.json as unknown as Enrollment).secret,
    );
  });

  it('rejects a key that is too short with 400', async () => {
    await signInAs('adam');
    const res = await call('POST', '/me/mfa/totp/enrollments', undefined, {
      'Idempotency-Key': 'short',
    });
    expect(res.json).toMatchObject({ status: 400, code: 'invalid_idempotency_key' });
  });
});
