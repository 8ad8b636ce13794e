import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { createSession } from './sessions';
import { deployment } from './deployment';
import { seededRecoveryCodes } from './seed';
import { deliver, OUTBOX_LIMIT } from './outbox';

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

describe('dev controls (finding 7)', () => {
  const mock = (method: string, path: string, body?: unknown) =>
    call(method, `/../__mock/${path}`, body);

  it('validates /__mock/clock and /__mock/config input with 400s, and sign-in still works after', async () => {
    expect((await mock('POST', 'clock', '{nope')).json).toMatchObject({
      status: 400,
      code: 'invalid_json',
    });
    for (const body of [
      { set: 'abc' },
      { advance: null },
      { set: 1e300 },
      { real: 'yes' },
      { x: 1 },
    ])
      expect((await mock('POST', 'clock', body)).status, JSON.stringify(body)).toBe(400);
    expect((await mock('POST', 'config', { failureRate: 'all' })).status).toBe(400);
    expect((await mock('POST', 'config', { latencyMs: -5, extra: 1 })).status).toBe(400);
    expect((await mock('POST', 'clock', { advance: 1000 })).status).toBe(200);
    const res = await call('POST', '/auth/sign-in', {
      email: 'adam@example.com',
      password: 'nimbus-demo',
    });
    expect(res.status).toBe(200);
  });

  it('resets the world at a frozen time when asked, and validates that time', async () => {
    const now = Date.UTC(2030, 0, 15, 9, 0);
    expect((await mock('POST', 'reset', { now })).json).toMatchObject({ ok: true, now });
    expect(clock.now()).toBe(now);
    expect((await mock('POST', 'reset', { now: 'soon' })).status).toBe(400);
    expect((await mock('POST', 'reset', { now, extra: 1 })).status).toBe(400);
    expect((await mock('POST', 'reset')).status).toBe(200);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5_000); // the wall clock again
  });

  it('answers /__mock/* only in demo mode (404 otherwise)', async () => {
    expect((await mock('GET', 'codes')).status).toBe(200);
    deployment.demo = false;
    try {
      for (const [method, path] of [
        ['GET', 'codes'],
        ['GET', 'outbox'],
        ['POST', 'reset'],
        ['POST', 'clock'],
        ['GET', 'anything'],
      ] as const) {
        const res = await mock(method, path, method === 'POST' ? {} : undefined);
        expect(res.json, path).toMatchObject({ status: 404, code: 'not_found' });
      }
    } finally {
      deployment.demo = true;
    }
  });

  it('keeps only the last 1000 e-mails in the outbox', async () => {
    const mail = (i: number) => ({
      id: `mail_${i}`,
      kind: 'mfa_enabled' as const,
      to: 'a@example.com',
      subject: 's',
      text: 't',
      sentAt: i,
    });
    for (let i = 0; i < 5000; i++) deliver(mail(i));
    expect(db.outbox.length).toBeLessThanOrEqual(OUTBOX_LIMIT + 100);
    expect(db.outbox.at(-1)?.id).toBe('mail_4999');
    expect(db.mailCounts.mfa_enabled).toBe(5000); // what was delivered is still counted
    db.outbox.push(...Array.from({ length: 3000 }, (_, i) => mail(10_000 + i)));
    await call('GET', '/session'); // any request trims what was written around deliver()
    expect(db.outbox).toHaveLength(OUTBOX_LIMIT);
    expect(db.outbox.at(-1)?.id).toBe('mail_12999');
  });
});

describe('contract gaps (finding 8)', () => {
  it('lists 422 for POST /session/mfa in the contract, and answers it for a wrong code', async () => {
    const contract = readFileSync('src/api/openapi.yaml', 'utf8');
    const block = contract.slice(contract.indexOf('  /session/mfa:'), contract.indexOf('  /me:'));
    expect(block).toMatch(/'422':/);
    createSession('usr_olivia', ['pwd']);
    const valid = [-1, 0, 1].map((o) => codeFor(OLIVIA_SECRET, o));
    const wrong = ['000000', '111111'].find((c) => !valid.includes(c)) ?? '222222';
    expect((await call('POST', '/session/mfa', { code: wrong })).json).toMatchObject({
      status: 422,
      code: 'invalid_code',
    });
  });

  it('refuses If-Match: * with 428 and changes nothing', async () => {
    await signInAs('olivia');
    for (const ifMatch of ['*', '"v0", *']) {
      const res = await call(
        'PATCH',
        '/orgs/acme/security',
        { mfaRequired: true },
        {
          'If-Match': ifMatch,
        },
      );
      expect(res.json).toMatchObject({ status: 428, code: 'precondition_required' });
    }
    expect((await call('GET', '/orgs/acme/security')).json).toMatchObject({ mfaRequired: false });
  });

  it('treats the same JSON with keys in another order as the same body under one Idempotency-Key', async () => {
    await signInAs('adam');
    const key = { 'Idempotency-Key': 'reorder-key-1' };
    const first = await call(
      'POST',
      '/orgs/acme/reminders',
      { filter: { mfa: 'disabled', role: 'member' } },
      key,
    );
    expect(first.status).toBe(200);
    const again = await call(
      'POST',
      '/orgs/acme/reminders',
      { filter: { role: 'member', mfa: 'disabled' } },
      key,
    );
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    const other = await call('POST', '/orgs/acme/reminders', { filter: { role: 'admin' } }, key);
    expect(other.json).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('answers HEAD on a list like GET, without a body', async () => {
    await signInAs('olivia');
    for (const path of ['/orgs/acme/members?page=1', '/orgs/acme/security-events', '/orgs']) {
      const get = await call('GET', path);
      const head = await call('HEAD', path);
      expect(head.status, path).toBe(200);
      expect(head.text).toBe('');
      expect(head.headers.get('Content-Type')).toBe(get.headers.get('Content-Type'));
    }
    expect((await call('HEAD', '/orgs/acme/members?page=0')).status).toBe(400);
  });

  it('answers bad paging with one code on every list, naming the parameter', async () => {
    await signInAs('olivia');
    for (const list of ['/orgs/acme/members', '/orgs/acme/security-events']) {
      for (const [query, parameter] of [
        ['page=0', 'page'],
        ['page=abc', 'page'],
        ['perPage=7', 'perPage'],
      ]) {
        const res = await call('GET', `${list}?${query}`);
        expect(res.json, `${list}?${query}`).toMatchObject({
          status: 400,
          code: 'invalid_parameter',
          parameters: { parameter },
        });
      }
    }
  });

  it('applies the 24-hour reminder cooldown per person, across organizations', async () => {
    await signInAs('adam');
    const acme = await call(
      'POST',
      '/orgs/acme/reminders',
      { userIds: ['usr_mia'] },
      {
        'Idempotency-Key': 'cooldown-acme-1',
      },
    );
    expect(acme.json).toMatchObject({ sent: 1 });
    clock.advance(5 * 60_000);
    await signInAs('gus');
    expect((await call('POST', '/auth/sso/acme')).status).toBe(200);
    const send = () =>
      call(
        'POST',
        '/orgs/globex/reminders',
        { userIds: ['usr_mia'] },
        {
          'Idempotency-Key': `cooldown-globex-${clock.now()}`,
        },
      );
    expect((await send()).json).toMatchObject({ sent: 0, skipped: { recentlyReminded: 1 } });
    expect(db.outbox.filter((m) => m.to === 'mia@example.com')).toHaveLength(1);
    clock.advance(24 * 3_600_000);
    await signInAs('gus'); // the session of a day ago has ended
    await call('POST', '/auth/sso/acme');
    expect((await send()).json).toMatchObject({ sent: 1 });
  });
});
