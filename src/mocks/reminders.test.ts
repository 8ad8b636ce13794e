import { getResponse, http as rawHttp, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { handlers } from './routes';
import { server } from './node';

const remind = (body: unknown, key = 'key-0000001', org = 'acme') =>
  call('POST', `/orgs/${org}/reminders`, body, { 'Idempotency-Key': key });
const reminders = () => db.outbox.filter((m) => m.kind === 'mfa_reminder');
const remindersTo = (email: string) => reminders().filter((m) => m.to === email);

describe('sending one reminder', () => {
  it('e-mails Mia the steps and the link, as plain text, and records when', async () => {
    await signInAs('olivia');
    const res = await remind({ userIds: ['usr_mia'] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      sent: 1,
      skipped: { alreadyEnabled: 0, recentlyReminded: 0, notInOrganization: 0 },
      notInOrganization: [],
    });
    const [mail] = remindersTo('mia@example.com');
    expect(mail?.text).toMatch(/^Hello Mia Member,/);
    for (const step of [
      'My profile',
      'Security',
      'Set up application',
      'Verify & save',
      '`nimbus login -f`',
      `${location.origin}/profile/security`,
    ])
      expect(mail?.text).toContain(step);
    expect(db.memberships.get('org_acme')?.find((m) => m.userId === 'usr_mia')).toMatchObject({
      lastRemindedAt: clock.now(),
    });
  });

  it('never puts a secret or a code in the e-mail', async () => {
    await signInAs('olivia');
    await remind({ userIds: ['usr_mia'] });
    const text = reminders()[0]?.text ?? '';
    expect(text).not.toMatch(/\b\d{6}\b/);
    expect(text).not.toMatch(/secret|otpauth|token=/i);
  });

  it('greets an HTML-looking name verbatim as text and a no-name person by e-mail', async () => {
    await signInAs('olivia');
    await remind({ userIds: ['usr_acme_01', 'usr_acme_07'] });
    expect(remindersTo('script@acme.example')[0]?.text).toMatch(
      /^Hello <script>alert\("pwned"\)<\/script>,/,
    );
    expect(remindersTo('no-name@acme.example')[0]?.text).toMatch(/^Hello no-name@acme\.example,/);
  });

  it('records a security event naming the actor and how many were sent', async () => {
    await signInAs('olivia');
    await remind({ userIds: ['usr_mia', 'usr_adam'] });
    expect(db.events.at(-1)).toMatchObject({
      type: 'reminders_sent',
      actorId: 'usr_olivia',
      orgId: 'org_acme',
      details: { recipients: 2 },
    });
  });

  it('lets an admin send too', async () => {
    await signInAs('adam');
    expect((await remind({ userIds: ['usr_mia'] })).json.sent).toBe(1);
  });
});

describe('who is skipped', () => {
  it('skips people who have MFA', async () => {
    await signInAs('olivia');
    const res = await remind({ userIds: ['usr_olivia', 'usr_mia'] });
    expect(res.json).toMatchObject({ sent: 1, skipped: { alreadyEnabled: 1 } });
    expect(remindersTo('olivia@example.com')).toHaveLength(0);
  });

  it('skips someone reminded in the last 24 hours, and reminds them after', async () => {
    await signInAs('olivia');
    await remind({ userIds: ['usr_mia'] }, 'key-first-01');
    clock.advance(24 * 3_600_000 - 60_000);
    await signInAs('olivia'); // sessions last 12 hours
    const early = await remind({ userIds: ['usr_mia'] }, 'key-second-1');
    expect(early.json).toMatchObject({ sent: 0, skipped: { recentlyReminded: 1 } });
    clock.advance(60_000);
    expect((await remind({ userIds: ['usr_mia'] }, 'key-third-01')).json.sent).toBe(1);
    expect(remindersTo('mia@example.com')).toHaveLength(2);
  });

  it('reports ids outside the organization and sends them nothing', async () => {
    await signInAs('olivia');
    const res = await remind({ userIds: ['usr_gus', 'usr_nobody', 'usr_mia'] });
    expect(res.json).toMatchObject({
      sent: 1,
      skipped: { notInOrganization: 2 },
      notInOrganization: ['usr_gus', 'usr_nobody'],
    });
    expect(remindersTo('gus@example.com')).toHaveLength(0);
  });

  it('counts a repeated id once', async () => {
    await signInAs('olivia');
    expect((await remind({ userIds: ['usr_mia', 'usr_mia'] })).json.sent).toBe(1);
    expect(reminders()).toHaveLength(1);
  });

  it('sends to a filter: everyone matching it without MFA', async () => {
    await signInAs('olivia');
    const res = await remind({ filter: { mfa: 'disabled' } });
    expect(res.status).toBe(200);
    expect(res.json.sent).toBe(19);
    expect(reminders()).toHaveLength(19);
  });

  it('sends to a search filter only the people it matches', async () => {
    await signInAs('olivia');
    const res = await remind({ filter: { q: 'mia@' } });
    expect(res.json.sent).toBe(1);
    expect(reminders().map((m) => m.to)).toEqual(['mia@example.com']);
  });
});

describe('bad requests', () => {
  it('answers 428 without an Idempotency-Key and sends nothing', async () => {
    await signInAs('olivia');
    const res = await call('POST', '/orgs/acme/reminders', { userIds: ['usr_mia'] });
    expect(res.status).toBe(428);
    expect(res.json.code).toBe('idempotency_key_required');
    expect(reminders()).toHaveLength(0);
  });

  it.each([
    [{ userIds: [] }, 'userIds'],
    [{ userIds: 'usr_mia' }, 'userIds'],
    [{ userIds: [42] }, 'userIds'],
    [{}, 'userIds'],
    [{ userIds: ['usr_mia'], filter: {} }, 'filter'],
    [{ filter: { mfa: 'maybe' } }, 'filter.mfa'],
    [{ filter: { role: 'root' } }, 'filter.role'],
    [{ filter: { q: 5 } }, 'filter.q'],
    [{ filter: { everyone: true } }, 'everyone'],
    [{ userIds: ['usr_mia'], cc: 'x' }, 'cc'],
  ])('rejects %j with 400 naming %s', async (body, parameter) => {
    await signInAs('olivia');
    const res = await remind(body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ parameters: { parameter } });
    expect(reminders()).toHaveLength(0);
  });

  it('rejects 10,001 ids and says to use a filter', async () => {
    await signInAs('olivia');
    const ids = Array.from({ length: 10_001 }, (_, i) => `usr_ini_${i.toString(36)}`);
    const res = await remind({ userIds: ids }, 'key-0000001', 'initech');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'too_many_ids' });
    expect(String(res.json.detail)).toMatch(/filter/);
  });

  it('refuses a plain member with 403 and sends nothing', async () => {
    await signInAs('mia');
    const res = await remind({ userIds: ['usr_adam'] });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden_role');
    expect(reminders()).toHaveLength(0);
  });

  it('answers 404 for an organization the person is not in', async () => {
    await signInAs('adam');
    expect((await remind({ userIds: ['usr_mia'] }, 'key-0000001', 'initech')).status).toBe(404);
  });
});

describe('retries never send twice', () => {
  it('replays the first answer for the same key and body', async () => {
    await signInAs('olivia');
    const first = await remind({ userIds: ['usr_mia', 'usr_adam'] });
    const second = await remind({ userIds: ['usr_mia', 'usr_adam'] });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(reminders()).toHaveLength(2);
  });

  it('answers 422 for the same key with another body', async () => {
    await signInAs('olivia');
    await remind({ userIds: ['usr_mia'] });
    const res = await remind({ userIds: ['usr_adam'] });
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('idempotency_key_reused');
    expect(remindersTo('adam@example.com')).toHaveLength(0);
  });

  it('sends once for a double submit of the same action', async () => {
    await signInAs('olivia');
    const [a, b] = await Promise.all([
      remind({ userIds: ['usr_mia'] }),
      remind({ userIds: ['usr_mia'] }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.json).toEqual(a.json);
    expect(reminders()).toHaveLength(1);
  });

  it('sends once when two different clicks race (the cooldown holds)', async () => {
    await signInAs('olivia');
    await Promise.all([
      remind({ userIds: ['usr_mia'] }, 'key-click-01'),
      remind({ userIds: ['usr_mia'] }, 'key-click-02'),
    ]);
    expect(reminders()).toHaveLength(1);
  });

  it('sends once when the answer is lost on the network and the request is retried', async () => {
    await signInAs('olivia');
    // The server does the work, then the connection drops before the answer arrives.
    server.use(
      rawHttp.post(
        '*/api/orgs/:slug/reminders',
        async ({ request }) => {
          await getResponse(handlers, request);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    await expect(remind({ userIds: ['usr_mia'] })).rejects.toThrow();
    expect(reminders()).toHaveLength(1);
    const retry = await remind({ userIds: ['usr_mia'] });
    expect(retry.status).toBe(200);
    expect(retry.json.sent).toBe(1);
    expect(reminders()).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it('answers the 21st send in a minute with 429 and Retry-After', async () => {
    await signInAs('olivia');
    for (let i = 0; i < 20; i++)
      expect((await remind({ userIds: ['usr_mia'] }, `key-rate-${i}-x`)).status).toBe(200);
    const limited = await remind({ userIds: ['usr_adam'] }, 'key-rate-last');
    expect(limited.status).toBe(429);
    expect(limited.json.code).toBe('rate_limited');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(remindersTo('adam@example.com')).toHaveLength(0);
  });

  it('runs a rate-limited request when retried with the same key later', async () => {
    await signInAs('olivia');
    for (let i = 0; i < 20; i++) await remind({ userIds: ['usr_mia'] }, `key-rate-${i}-x`);
    expect((await remind({ userIds: ['usr_adam'] }, 'key-rate-last')).status).toBe(429);
    clock.advance(60_000);
    const retry = await remind({ userIds: ['usr_adam'] }, 'key-rate-last');
    expect(retry.status).toBe(200);
    expect(remindersTo('adam@example.com')).toHaveLength(1);
  });

  it('does not count replays or invalid requests', async () => {
    await signInAs('olivia');
    for (let i = 0; i < 30; i++) await remind({ userIds: ['usr_mia'] });
    for (let i = 0; i < 30; i++) await remind({ userIds: [] }, `key-bad-${i}-xx`);
    expect((await remind({ userIds: ['usr_adam'] }, 'key-other-1')).status).toBe(200);
  });
});

describe('security', () => {
  it('does not let the Idempotency-Key of one person replay for another', async () => {
    await signInAs('olivia');
    await remind({ userIds: ['usr_mia'] }, 'shared-key-1');
    await signInAs('adam');
    const res = await remind({ userIds: ['usr_mia'] }, 'shared-key-1');
    expect(res.headers.get('Idempotent-Replayed')).toBeNull();
    expect(res.json).toMatchObject({ sent: 0, skipped: { recentlyReminded: 1 } });
  });
});
