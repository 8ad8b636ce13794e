import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';

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
