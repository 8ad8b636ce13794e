import { describe, expect, it } from 'vitest';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import { clock, db } from './db';

const IRENE = 'usr_acme_02'; // irene@acme.example, managed, MFA on
const ANA = 'usr_acme_11'; // ana@acme.example, admin of Acme, managed, MFA on
const BODY = { reason: 'Lost her phone (ticket 4711)', email: 'irene@acme.example' };
const resetOf = (userId: string, body: unknown = BODY, headers: Record<string, string> = {}) =>
  call('POST', `/orgs/acme/members/${userId}/mfa-reset`, body, headers);
const approve = (id: string, slug = 'acme', headers: Record<string, string> = {}) =>
  call('POST', `/orgs/${slug}/mfa-reset-requests/${id}/approve`, undefined, headers);
const user = (id: string) => {
  const u = db.users.get(id);
  if (!u) throw new Error(id);
  return u;
};
const notices = () => db.outbox.filter((m) => m.kind === 'mfa_reset');
const orgEvents = () => db.events.filter((e) => e.type.startsWith('mfa_reset')).map((e) => e.type);

/** Sign in as any seeded person (every account's password is nimbus-demo), with their code. */
async function signInAsUser(id: string) {
  const u = user(id);
  const first = await call('POST', '/auth/sign-in', { email: u.email, password: 'nimbus-demo' });
  if (first.json.status === 'mfa_required' && u.mfa) {
    const challengeId = (first.json.challenge as { id: string }).id;
    const res = await call('POST', '/auth/mfa', { challengeId, code: codeFor(u.mfa.secret ?? '') });
    expect(res.status).toBe(200);
    clock.advance(30_000);
  }
}

/** Nothing changed: Irene keeps her MFA and sessions, no notice, no request. */
function expectUnchanged(sessionsBefore = db.sessions.size) {
  expect(user(IRENE).mfa).not.toBeNull();
  expect(notices()).toHaveLength(0);
  expect(db.mfaResets.size).toBe(0);
  expect(db.sessions.size).toBe(sessionsBefore);
}

describe('resetting a managed account’s MFA: who may reset whom', () => {
  it('marks acme.example accounts as managed in the user list, not example.com ones', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members?perPage=100');
    const items = res.json.items as { email: string; managed: boolean }[];
    for (const m of items) expect(m.managed, m.email).toBe(m.email.endsWith('@acme.example'));
    expect(items.filter((m) => m.managed)).toHaveLength(45);
  });

  it('owner → managed member: a request while two owners/admins have MFA, then approved', async () => {
    await signInAsUser(IRENE); // Irene has a session that the reset ends
    await signInAs('olivia');
    const asked = await resetOf(IRENE);
    expect(asked.status).toBe(201);
    expect(asked.json).toMatchObject({ status: 'pending', singleApprover: false });
    expect(user(IRENE).mfa).not.toBeNull();
    expect(notices()).toHaveLength(0);
    const list = await call('GET', '/orgs/acme/mfa-reset-requests');
    expect(list.json.items).toEqual([
      expect.objectContaining({
        reason: BODY.reason,
        requestedBy: expect.objectContaining({ name: 'Olivia Owner' }),
        target: expect.objectContaining({ email: 'irene@acme.example' }),
        expiresAt: new Date(clock.now() + 24 * 3_600_000).toISOString(),
      }),
    ]);
    await signInAsUser(ANA);
    const done = await approve(asked.json.id as string);
    expect(done.json).toMatchObject({ status: 'completed', decidedBy: { name: 'Ana Admin' } });
    expect(user(IRENE).mfa).toBeNull();
    expect(user(IRENE).mfaSetupRequired).toBe(true);
    expect([...db.sessions.values()].some((s) => s.userId === IRENE)).toBe(false);
    expect(notices()).toHaveLength(1);
    expect(notices()[0]?.text).toContain('Olivia Owner of Acme Corp reset');
    expect(notices()[0]?.text).toContain(`Reason given: ${BODY.reason}`);
    expect(orgEvents()).toEqual(['mfa_reset_requested', 'mfa_reset_approved', 'mfa_reset']);
    // Her next sign-in (password only now) leads to setup.
    const next = await call('POST', '/auth/sign-in', {
      email: 'irene@acme.example',
      password: 'nimbus-demo',
    });
    expect(next.json).toMatchObject({ status: 'signed_in', mfaSetupRequired: true });
  });

  it('owner alone (one owner/admin with MFA): takes effect at once, and the event says so', async () => {
    user(ANA).mfa = null;
    await signInAs('olivia');
    const res = await resetOf(IRENE);
    expect(res.json).toMatchObject({ status: 'completed', singleApprover: true });
    expect(user(IRENE).mfa).toBeNull();
    expect(notices()).toHaveLength(1);
    expect(db.events.find((e) => e.type === 'mfa_reset')?.details.singleApprover).toBe(true);
    const events = await call('GET', '/orgs/acme/security-events');
    expect((events.json.items as { details: { target?: { email: string } } }[])[0]).toMatchObject({
      type: 'mfa_reset',
      details: { target: { email: 'irene@acme.example' }, singleApprover: true },
    });
  });

  it('admin → managed member: allowed', async () => {
    await signInAsUser(ANA);
    expect((await resetOf(IRENE)).json).toMatchObject({ status: 'pending' });
  });

  it('admin → owner: refused (cannot_reset_owner)', async () => {
    const m = db.memberships.get('org_acme')?.find((x) => x.userId === IRENE);
    if (m) m.role = 'owner';
    await signInAsUser(ANA);
    const res = await resetOf(IRENE);
    expect(res.json).toMatchObject({ status: 403, code: 'cannot_reset_owner' });
    expect(res.json.detail).toBe('Admins cannot reset the MFA of an owner.');
    expectUnchanged();
  });

  it('anyone → themselves: refused (cannot_reset_self)', async () => {
    await signInAsUser(ANA);
    const res = await resetOf(ANA, { reason: 'x', email: 'ana@acme.example' });
    expect(res.json).toMatchObject({ status: 403, code: 'cannot_reset_self' });
    expect(user(ANA).mfa).not.toBeNull();
    expect(db.mfaResets.size).toBe(0);
  });

  it('owner → account not managed (example.com): refused (not_managed)', async () => {
    await signInAs('olivia');
    const res = await resetOf('usr_mia', { reason: 'x', email: 'mia@example.com' });
    expect(res.json).toMatchObject({ status: 403, code: 'not_managed' });
    expect(res.json.detail).toContain('other organizations may rely on its MFA');
    expectUnchanged();
  });

  it('member → anyone: refused (forbidden_role)', async () => {
    await signInAs('mia');
    expect((await resetOf(IRENE)).json).toMatchObject({ status: 403, code: 'forbidden_role' });
    expectUnchanged();
  });
});

describe('resetting MFA: bad input changes nothing', () => {
  it('refuses without a step-up (session without MFA)', async () => {
    user('usr_adam').mfa = null;
    await signInAs('adam');
    const res = await resetOf(IRENE);
    expect(res.json).toMatchObject({ status: 403, code: 'step_up_required' });
    expect(res.json.detail).toContain('last 10 minutes');
    expectUnchanged();
  });

  it('refuses a step-up older than 10 minutes, and accepts a fresh one', async () => {
    await signInAs('olivia');
    clock.advance(10 * 60_000);
    expect((await resetOf(IRENE)).json).toMatchObject({ code: 'step_up_required' });
    expectUnchanged();
    expect((await call('POST', '/session/mfa', { code: codeFor(OLIVIA_SECRET) })).status).toBe(200);
    expect((await resetOf(IRENE)).status).toBe(201);
  });

  it('draws the line where the client does: MFA 10:00 old is accepted, 10:01 refused', async () => {
    await signInAs('olivia');
    const session = db.sessions.get(db.jar.sessionId ?? '');
    const at = session?.mfaAt ?? 0;
    clock.set(at + 10 * 60_000 + 1000);
    expect((await resetOf(IRENE)).json).toMatchObject({ code: 'step_up_required' });
    expectUnchanged();
    clock.set(at + 10 * 60_000);
    expect((await resetOf(IRENE)).status).toBe(201);
  });

  it.each([
    ['an empty reason', { reason: '   ', email: BODY.email }, 400, 'missing_field', /reason/],
    [
      'a reason over 500',
      { reason: 'x'.repeat(501), email: BODY.email },
      400,
      'reason_too_long',
      /500/,
    ],
    [
      'a mistyped e-mail',
      { reason: 'x', email: 'irene@acme.exampel' },
      422,
      'email_mismatch',
      /e-mail/,
    ],
  ])('refuses %s', async (_, body, status, code, detail) => {
    await signInAs('olivia');
    const res = await resetOf(IRENE, body);
    expect(res.json).toMatchObject({ status, code });
    expect(res.json.detail).toMatch(detail);
    expectUnchanged();
  });

  it('accepts exactly 500 characters and the e-mail in another case', async () => {
    await signInAs('olivia');
    const res = await resetOf(IRENE, { reason: 'x'.repeat(500), email: ' IRENE@acme.example ' });
    expect(res.status).toBe(201);
  });

  it('refuses approving one’s own request', async () => {
    await signInAs('olivia');
    const asked = await resetOf(IRENE);
    const res = await approve(asked.json.id as string);
    expect(res.json).toMatchObject({ status: 403, code: 'own_request' });
    expect(user(IRENE).mfa).not.toBeNull();
  });

  it('refuses an expired request (410) and records the expiry once', async () => {
    await signInAs('olivia');
    const asked = await resetOf(IRENE);
    clock.advance(24 * 3_600_000 + 1000);
    await signInAsUser(ANA);
    expect((await approve(asked.json.id as string)).json).toMatchObject({
      status: 410,
      code: 'request_expired',
    });
    await call('GET', '/orgs/acme/mfa-reset-requests');
    expect(orgEvents()).toEqual(['mfa_reset_requested', 'mfa_reset_expired']);
    expect(user(IRENE).mfa).not.toBeNull();
  });

  it('refuses a request already decided (declined) with 409', async () => {
    await signInAs('olivia');
    const asked = await resetOf(IRENE);
    const id = asked.json.id as string;
    expect((await call('POST', `/orgs/acme/mfa-reset-requests/${id}/decline`)).json).toMatchObject({
      status: 'declined',
    });
    await signInAsUser(ANA);
    expect((await approve(id)).json).toMatchObject({ status: 409, code: 'request_decided' });
    expect(user(IRENE).mfa).not.toBeNull();
    expect(orgEvents()).toEqual(['mfa_reset_requested', 'mfa_reset_declined']);
  });

  it('answers a request of another organization like an unknown one (404)', async () => {
    await signInAs('olivia');
    const asked = await resetOf(IRENE);
    await signInAs('gus');
    await call('POST', '/auth/sso/acme'); // Globex requires single sign-on too
    expect((await approve(asked.json.id as string, 'globex')).json).toMatchObject({
      status: 404,
    });
    expect(user(IRENE).mfa).not.toBeNull();
  });

  it('two approvals at once: exactly one wins', async () => {
    await signInAs('olivia');
    const id = (await resetOf(IRENE)).json.id as string;
    await signInAsUser(ANA);
    const results = await Promise.all([
      approve(id, 'acme', { 'Idempotency-Key': 'approve-aaaa-1' }),
      approve(id, 'acme', { 'Idempotency-Key': 'approve-bbbb-2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(notices()).toHaveLength(1);
    expect(orgEvents().filter((t) => t === 'mfa_reset')).toHaveLength(1);
  });

  it('the same reset submitted twice (Idempotency-Key): one reset, one notice', async () => {
    user(ANA).mfa = null; // takes effect at once, so the notice would show twice
    await signInAs('olivia');
    const key = { 'Idempotency-Key': 'reset-irene-0001' };
    const [a, b] = await Promise.all([resetOf(IRENE, BODY, key), resetOf(IRENE, BODY, key)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json.id).toBe(a.json.id);
    expect(db.mfaResets.size).toBe(1);
    expect(notices()).toHaveLength(1);
    expect(orgEvents()).toEqual(['mfa_reset']);
  });

  it('refuses a second request while one is pending, and a reset of someone without MFA', async () => {
    await signInAs('olivia');
    await resetOf(IRENE);
    expect((await resetOf(IRENE)).json).toMatchObject({ status: 409, code: 'reset_pending' });
    const script = await resetOf('usr_acme_01', { reason: 'x', email: 'script@acme.example' });
    expect(script.json).toMatchObject({ status: 409, code: 'mfa_not_enabled' });
    expect(db.mfaResets.size).toBe(1);
  });
});
