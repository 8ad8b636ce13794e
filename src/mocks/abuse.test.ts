import { describe, expect, it } from 'vitest';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import { db } from './db';
import { deployment } from './deployment';
import { seededRecoveryCodes } from './seed';

/** Issue 12: what an attacker tried against the mock backend, in the shared handlers. */
describe('size limits (finding 2)', () => {
  it('refuses a password or e-mail over its maxLength with a 400 naming the field', async () => {
    const password = await call('POST', '/auth/sign-in', {
      email: 'adam@example.com',
      password: 'x'.repeat(401),
    });
    expect(password.json).toMatchObject({
      status: 400,
      code: 'too_long',
      parameters: { parameter: 'password', maxLength: 400 },
    });
    const email = await call('POST', '/auth/sign-in', {
      email: `${'a'.repeat(320)}@example.com`,
      password: 'nimbus-demo',
    });
    expect(email.json).toMatchObject({ status: 400, parameters: { parameter: 'email' } });
    await signInAs('olivia');
    const code = await call('POST', '/session/mfa', { recoveryCode: 'a'.repeat(401) });
    expect(code.json).toMatchObject({ status: 400, code: 'too_long' });
  });

  it('refuses a body over 512 KiB with a 413 problem on any route', async () => {
    const huge = JSON.stringify({ email: 'adam@example.com', password: 'x'.repeat(600 * 1024) });
    const res = await call('POST', '/auth/sign-in', huge);
    expect(res.status).toBe(413);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.json).toMatchObject({ code: 'payload_too_large' });
    await signInAs('olivia');
    const reminders = await call('POST', '/orgs/acme/reminders', huge, {
      'Idempotency-Key': 'key-0000001',
    });
    expect(reminders.status).toBe(413);
  });
});

describe('content type (finding 3)', () => {
  const body = JSON.stringify({ email: 'adam@example.com', password: 'nimbus-demo' });

  it('refuses a JSON body sent as text/plain, a form or without a type with a 415 problem', async () => {
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ]) {
      const res = await call('POST', '/auth/sign-in', body, { 'Content-Type': type });
      expect(res.status, type).toBe(415);
      expect(res.json).toMatchObject({ code: 'unsupported_media_type' });
    }
    expect(db.sessions.size).toBe(0);
  });

  it('accepts JSON with parameters, and bodiless requests of any type', async () => {
    const res = await call('POST', '/auth/sign-in', body, {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(res.status).toBe(200);
    const out = await fetch('http://localhost/api/session', { method: 'DELETE' });
    expect(out.status).toBe(204);
  });
});

describe('links in e-mails (finding 4)', () => {
  it('builds the reminder link from the configured public URL, whatever the Host', async () => {
    await signInAs('adam');
    const res = await fetch('http://evil.example/api/orgs/acme/reminders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'host-test-1' },
      body: JSON.stringify({ userIds: ['usr_mia'] }),
    });
    expect(res.status).toBe(200);
    const mail = db.outbox.find((m) => m.kind === 'mfa_reminder');
    expect(mail?.text).toContain(`My profile → Security: ${deployment.publicUrl}/profile/security`);
    expect(mail?.text).not.toContain('evil.example');
  });
});

describe('duplicates of a correct code (finding 6)', () => {
  const wrongCode = () => {
    const valid = [-1, 0, 1].map((o) => codeFor(OLIVIA_SECRET, o));
    return ['000000', '111111', '222222'].find((c) => !valid.includes(c)) ?? '333333';
  };

  it('ten parallel submissions of one valid TOTP code: one 200, the rest refused without counting as failures', async () => {
    await signInAs('olivia');
    const code = codeFor(OLIVIA_SECRET);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', '/me/mfa/recovery-codes', { code })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200))
      expect(a.json).toMatchObject({ status: 422, code: 'code_already_used' });
    expect(db.users.get('usr_olivia')?.mfaLock.failures).toBe(0);
    const wrong = await call('POST', '/session/mfa', { code: wrongCode() });
    expect(wrong.json).toMatchObject({
      code: 'invalid_code',
      parameters: { attemptsRemaining: 9 },
    });
  });

  it('ten parallel submissions of one recovery code: one 200, nine refused, no lock after one more wrong code', async () => {
    await signInAs('olivia');
    const [recoveryCode] = seededRecoveryCodes('usr_olivia');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', '/me/mfa/recovery-codes', { recoveryCode })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200))
      expect(a.json).toMatchObject({ code: 'code_already_used' });
    expect(db.users.get('usr_olivia')?.mfaLock.failures).toBe(0);
    const wrong = await call('POST', '/me/mfa/recovery-codes', { code: wrongCode() });
    expect(wrong.status).toBe(422);
    expect(db.users.get('usr_olivia')?.mfaLock).toEqual({ failures: 1, lockedUntil: 0 });
  });
});
