import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { clock, db } from './db';

const preview = (body: unknown, org = 'acme') =>
  call('POST', `/orgs/${org}/reminders/preview`, body);
const send = (body: unknown) =>
  call('POST', '/orgs/acme/reminders', body, { 'Idempotency-Key': 'key-preview-01' });
const reminders = () => db.outbox.filter((m) => m.kind === 'mfa_reminder');

describe('POST /orgs/{slug}/reminders/preview', () => {
  it('says who a send would e-mail and who it would skip and why, and sends nothing', async () => {
    await signInAs('olivia');
    const adam = db.memberships.get('org_acme')?.find((m) => m.userId === 'usr_adam');
    if (adam) adam.lastRemindedAt = clock.now() - 3_600_000;
    const body = { userIds: ['usr_mia', 'usr_adam', 'usr_olivia', 'usr_gus'] };
    const res = await preview(body);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      wouldSend: 1,
      skipped: { alreadyEnabled: 1, recentlyReminded: 1, notInOrganization: 1 },
    });
    expect(reminders()).toHaveLength(0);
    // The send does what the preview said.
    const sent = await send(body);
    expect(sent.json).toMatchObject({
      sent: 1,
      skipped: (res.json as { skipped: unknown }).skipped,
    });
  });

  it('counts a whole filter (Acme: 48 users, 29 with MFA)', async () => {
    await signInAs('olivia');
    expect((await preview({ filter: {} })).json).toEqual({
      wouldSend: 19,
      skipped: { alreadyEnabled: 29, recentlyReminded: 0, notInOrganization: 0 },
    });
    expect((await preview({ filter: { mfa: 'enabled' } })).json).toMatchObject({ wouldSend: 0 });
  });

  it('is for owners and admins, with the same body rules as sending', async () => {
    await signInAs('mia');
    expect((await preview({ filter: {} })).status).toBe(403);
    await signInAs('olivia');
    expect((await preview({ userIds: [] })).status).toBe(400);
    expect((await preview({ userIds: ['usr_mia'], filter: {} })).status).toBe(400);
  });
});
