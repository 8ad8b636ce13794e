import { describe, expect, it } from 'vitest';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { seededRecoveryCodes } from './seed';

async function startOlivia() {
  const res = await call('POST', '/auth/sign-in', {
    email: 'olivia@example.com',
    password: 'nimbus-demo',
  });
  expect(res.json.status).toBe('mfa_required');
  return (res.json.challenge as { id: string }).id;
}

describe('sign-in API', () => {
  it('signs in a person without MFA with a password-only session', async () => {
    const res = await call('POST', '/auth/sign-in', {
      email: 'adam@example.com',
      password: 'nimbus-demo',
    });
    expect(res.status).toBe(200);
    expect(res.json.session).toMatchObject({ amr: ['pwd'], user: { name: 'Adam Admin' } });
    expect((await call('GET', '/session')).status).toBe(200);
  });

  it('answers an unknown e-mail and a wrong password the same way', async () => {
    const a = await call('POST', '/auth/sign-in', {
      email: 'nobody@example.com',
      password: 'nimbus-demo',
    });
    const b = await call('POST', '/auth/sign-in', { email: 'adam@example.com', password: 'wrong' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.json).toEqual(b.json);
  });

  it('rejects malformed JSON, missing fields and wrong types with 400', async () => {
    expect((await call('POST', '/auth/sign-in', '{nope')).json).toMatchObject({
      status: 400,
      code: 'invalid_json',
    });
    expect((await call('POST', '/auth/sign-in', { email: 'a@b.c' })).json).toMatchObject({
      status: 400,
      parameters: { parameter: 'password' },
    });
    expect((await call('POST', '/auth/sign-in', { email: 1, password: 'x' })).json).toMatchObject({
      status: 400,
      code: 'invalid_type',
    });
  });

  it('completes the MFA step with a code from the seeded secret and records mfa in amr', async () => {
    const challengeId = await startOlivia();
    const res = await call('POST', '/auth/mfa', { challengeId, code: codeFor(OLIVIA_SECRET) });
    expect(res.status).toBe(200);
    expect((res.json.session as { amr: string[] }).amr).toEqual(['pwd', 'mfa']);
  });

  it('accepts a code one step old and refuses one two steps old', async () => {
    const challengeId = await startOlivia();
    expect(
      (await call('POST', '/auth/mfa', { challengeId, code: codeFor(OLIVIA_SECRET, -2) })).status,
    ).toBe(401);
    expect(
      (await call('POST', '/auth/mfa', { challengeId, code: codeFor(OLIVIA_SECRET, -1) })).status,
    ).toBe(200);
  });

  it('refuses a wrong code and the same valid code twice', async () => {
    let challengeId = await startOlivia();
    const wrong = await call('POST', '/auth/mfa', {
      challengeId,
      code: '000000' === codeFor(OLIVIA_SECRET) ? '111111' : '000000',
    });
    expect(wrong.json).toMatchObject({
      status: 401,
      code: 'invalid_code',
      parameters: { attemptsRemaining: 9 },
    });
    const code = codeFor(OLIVIA_SECRET);
    expect((await call('POST', '/auth/mfa', { challengeId, code })).status).toBe(200);
    challengeId = await startOlivia();
    expect((await call('POST', '/auth/mfa', { challengeId, code })).json).toMatchObject({
      status: 401,
      code: 'code_already_used',
    });
  });

  it('rejects codes of the wrong length or with non-digits with 400', async () => {
    const challengeId = await startOlivia();
    for (const code of ['', '12345', '1234567', '12a456', '123 456', '１２３４５６']) {
      const res = await call('POST', '/auth/mfa', { challengeId, code });
      expect(res.json, code).toMatchObject({ status: 400, code: 'invalid_code_format' });
    }
  });

  it('locks the MFA step for 15 minutes after 10 wrong codes, with Retry-After', async () => {
    const challengeId = await startOlivia();
    const valid = new Set([
      codeFor(OLIVIA_SECRET, -1),
      codeFor(OLIVIA_SECRET),
      codeFor(OLIVIA_SECRET, 1),
    ]);
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c)) ?? '444444';
    for (let i = 0; i < 9; i++)
      expect((await call('POST', '/auth/mfa', { challengeId, code: wrong })).status).toBe(401);
    const locked = await call('POST', '/auth/mfa', { challengeId, code: wrong });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Retry-After')).toBe('900');
    expect(
      (await call('POST', '/auth/mfa', { challengeId, code: codeFor(OLIVIA_SECRET) })).status,
    ).toBe(429);
    clock.advance(15 * 60_000);
    const again = await startOlivia();
    expect(
      (await call('POST', '/auth/mfa', { challengeId: again, code: codeFor(OLIVIA_SECRET) }))
        .status,
    ).toBe(200);
  });

  it('signs in with a recovery code once, and not twice', async () => {
    const [first] = seededRecoveryCodes('usr_olivia');
    let challengeId = await startOlivia();
    expect(
      (await call('POST', '/auth/mfa', { challengeId, recoveryCode: first?.toUpperCase() })).status,
    ).toBe(200);
    challengeId = await startOlivia();
    expect(
      (await call('POST', '/auth/mfa', { challengeId, recoveryCode: first })).json,
    ).toMatchObject({ status: 401, code: 'code_already_used' });
    expect(db.users.get('usr_olivia')?.mfa?.recoveryCodeHashes.filter(Boolean)).toHaveLength(9);
  });

  it('says when the session last proved MFA (null without it), with the server’s time', async () => {
    await signInAs('adam');
    expect((await call('GET', '/session')).json).toMatchObject({
      mfaAt: null,
      serverTime: new Date(clock.now()).toISOString(),
    });
    const signedInAt = clock.now();
    await signInAs('olivia');
    clock.advance(4 * 60_000);
    const session = (await call('GET', '/session')).json;
    expect(session.mfaAt).toBe(new Date(signedInAt).toISOString());
    expect(session.serverTime).toBe(new Date(clock.now()).toISOString());
    const stepUp = await call('POST', '/session/mfa', { code: codeFor(OLIVIA_SECRET) });
    expect(stepUp.json.mfaAt).toBe(new Date(clock.now()).toISOString());
  });

  it('answers 401 without a session, and after sign-out', async () => {
    expect((await call('GET', '/me')).status).toBe(401);
    await signInAs('mia');
    expect((await call('GET', '/me')).status).toBe(200);
    expect((await call('DELETE', '/session')).status).toBe(204);
    expect((await call('GET', '/me')).json).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('denies Globex to a session without MFA and SSO, naming both methods', async () => {
    await signInAs('mia');
    const res = await call('GET', '/orgs/globex/security');
    expect(res.json).toMatchObject({
      status: 403,
      title: 'Access denied',
      detail: 'Additional authentication is required',
      parameters: { amr: ['mfa', 'sso:acme'] },
      user: { name: 'Mia Member' },
    });
    expect((await call('GET', '/orgs/acme/security')).status).toBe(200);
  });

  it('answers unknown routes and organizations with a 404 problem', async () => {
    await signInAs('olivia');
    expect((await call('GET', '/nope')).json).toMatchObject({ status: 404, code: 'not_found' });
    expect((await call('GET', '/orgs/nope/security')).json).toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });
});
