import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { createSession } from './sessions';

type Json = Record<string, unknown>;

async function readSecurity(slug = 'acme') {
  const res = await call('GET', `/orgs/${slug}/security`);
  expect(res.status).toBe(200);
  return { etag: res.headers.get('ETag') ?? '', body: res.json };
}

async function setRequired(value: unknown, ifMatch?: string, slug = 'acme') {
  return call(
    'PATCH',
    `/orgs/${slug}/security`,
    { mfaRequired: value },
    ifMatch ? { 'If-Match': ifMatch } : {},
  );
}

/** Olivia enables enforcement in Acme Corp from a fresh MFA session. */
async function oliviaEnablesAcme() {
  await signInAs('olivia');
  const { etag } = await readSecurity();
  const res = await setRequired(true, etag);
  expect(res.status).toBe(200);
  return res;
}

const acmeEvents = () => db.events.filter((e) => e.orgId === 'org_acme');

describe('PATCH /orgs/{orgSlug}/security', () => {
  it('lets an owner with an MFA session turn enforcement on and records one event', async () => {
    await signInAs('olivia');
    const before = await readSecurity();
    expect(before.etag).toBe('"v1"');
    clock.advance(60_000);
    const res = await setRequired(true, before.etag);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"v2"');
    expect(res.json).toMatchObject({
      mfaRequired: true,
      updatedAt: new Date(clock.now()).toISOString(),
      updatedBy: { id: 'usr_olivia', name: 'Olivia Owner', email: 'olivia@example.com' },
      viewer: { role: 'owner', canChange: true, reason: null },
    });
    expect(acmeEvents()).toMatchObject([
      { type: 'mfa_enforcement_enabled', actorId: 'usr_olivia', at: clock.now() },
    ]);
    expect((await readSecurity()).etag).toBe('"v2"');
  });

  it('refuses a member with 403 forbidden_role and changes nothing', async () => {
    await signInAs('mia');
    const { etag } = await readSecurity();
    const res = await setRequired(true, etag);
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden_role');
    expect(db.orgs.get('org_acme')?.mfaRequired).toBe(false);
    expect(acmeEvents()).toHaveLength(0);
  });

  it('refuses an admin without MFA with 403 mfa_not_enabled', async () => {
    await signInAs('adam');
    const { etag, body } = await readSecurity();
    expect(body.viewer).toEqual({ role: 'admin', canChange: false, reason: 'mfa_not_enabled' });
    const res = await setRequired(true, etag);
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('mfa_not_enabled');
    expect(db.orgs.get('org_acme')?.mfaRequired).toBe(false);
  });

  it('refuses an owner whose session was made without MFA with 403 session_without_mfa', async () => {
    createSession('usr_olivia', ['pwd']);
    const { etag, body } = await readSecurity();
    expect(body.viewer).toMatchObject({ canChange: false, reason: 'session_without_mfa' });
    const res = await setRequired(true, etag);
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('session_without_mfa');
    expect(acmeEvents()).toHaveLength(0);
  });

  it('answers 428 when If-Match is missing', async () => {
    await signInAs('olivia');
    const res = await setRequired(true);
    expect(res.status).toBe(428);
    expect(res.json.code).toBe('precondition_required');
    expect(db.orgs.get('org_acme')?.mfaRequired).toBe(false);
  });

  it('answers 412 with the fresh settings when If-Match is stale', async () => {
    await signInAs('olivia');
    const res = await setRequired(true, '"v0"');
    expect(res.status).toBe(412);
    expect(res.json.code).toBe('precondition_failed');
    expect(res.headers.get('ETag')).toBe('"v1"');
    expect((res.json.parameters as Json).current).toMatchObject({ mfaRequired: false });
    expect(acmeEvents()).toHaveLength(0);
  });

  it('tells the second of two admins that the setting changed meanwhile', async () => {
    await signInAs('olivia');
    const { etag } = await readSecurity();
    expect((await setRequired(true, etag)).status).toBe(200);
    // The other admin still holds the old ETag and wants it off.
    const second = await setRequired(false, etag);
    expect(second.status).toBe(412);
    expect((second.json.parameters as Json).current).toMatchObject({
      mfaRequired: true,
      updatedBy: { id: 'usr_olivia' },
    });
    expect(db.orgs.get('org_acme')?.mfaRequired).toBe(true);
  });

  it('compares ETags strongly: a weak tag does not match', async () => {
    await signInAs('olivia');
    expect((await setRequired(true, 'W/"v1"')).status).toBe(412);
  });

  it.each([
    ['a string', 'true'],
    ['a number', 1],
    ['null', null],
  ])('rejects %s for mfaRequired with 400 naming the field', async (_label, value) => {
    await signInAs('olivia');
    const { etag } = await readSecurity();
    const res = await setRequired(value, etag);
    expect(res.status).toBe(400);
    expect(res.json.parameters).toEqual({ parameter: 'mfaRequired' });
    expect(db.orgs.get('org_acme')?.mfaRequired).toBe(false);
  });

  it('rejects a missing field, an unknown field and malformed JSON with 400', async () => {
    await signInAs('olivia');
    const { etag } = await readSecurity();
    const h = { 'If-Match': etag };
    const missing = await call('PATCH', '/orgs/acme/security', {}, h);
    expect(missing.json).toMatchObject({ status: 400, code: 'missing_field' });
    const unknown = await call(
      'PATCH',
      '/orgs/acme/security',
      { mfaRequired: true, ssoProvider: 'x' },
      h,
    );
    expect(unknown.json).toMatchObject({ status: 400, parameters: { parameter: 'ssoProvider' } });
    const broken = await call('PATCH', '/orgs/acme/security', '{"mfaRequired":', h);
    expect(broken.json).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(db.orgs.get('org_acme')?.version).toBe(1);
  });

  it('answers 404 for an unknown organization and for one the person is not in', async () => {
    await signInAs('olivia');
    expect((await setRequired(true, '"v1"', 'nope')).status).toBe(404);
    expect((await setRequired(true, '"v1"', 'globex')).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await setRequired(true, '"v1"')).status).toBe(401);
  });

  it('treats turning it on twice as one change: same version, one event', async () => {
    const first = await oliviaEnablesAcme();
    const etag = first.headers.get('ETag') ?? '';
    const again = await setRequired(true, etag);
    expect(again.status).toBe(200);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(acmeEvents()).toHaveLength(1);
  });

  it('refuses a double submit with the old ETag, leaving one event', async () => {
    await signInAs('olivia');
    const { etag } = await readSecurity();
    const [a, b] = await Promise.all([setRequired(true, etag), setRequired(true, etag)]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    expect(acmeEvents()).toHaveLength(1);
  });

  it('lets the owner turn enforcement off again, recorded as its own event', async () => {
    const on = await oliviaEnablesAcme();
    clock.advance(1000);
    const off = await setRequired(false, on.headers.get('ETag') ?? '');
    expect(off.status).toBe(200);
    expect(off.json.mfaRequired).toBe(false);
    expect(off.headers.get('ETag')).toBe('"v3"');
    expect(acmeEvents().map((e) => e.type)).toEqual([
      'mfa_enforcement_enabled',
      'mfa_enforcement_disabled',
    ]);
  });
});

describe('enforcement takes effect at once', () => {
  it("denies a member's next request with the access-denied problem naming mfa", async () => {
    await signInAs('mia');
    const miaSession = db.jar.sessionId;
    expect((await call('GET', '/orgs/acme')).status).toBe(200);
    await oliviaEnablesAcme();
    db.jar.sessionId = miaSession; // Mia's other tab, still open
    const res = await call('GET', '/orgs/acme/security');
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      title: 'Access denied',
      detail: 'Additional authentication is required',
      code: 'additional_authentication_required',
      parameters: { amr: ['mfa'], missing: ['mfa'], organization: 'acme', mfaEnabled: false },
      service: 'console:acme',
      user: { id: 'usr_mia', name: 'Mia Member', email: 'mia@example.com' },
    });
  });

  it('also blocks an admin without MFA, while the organization list still answers', async () => {
    await signInAs('adam');
    const adamSession = db.jar.sessionId;
    await oliviaEnablesAcme();
    db.jar.sessionId = adamSession;
    expect((await call('GET', '/orgs/acme/security')).status).toBe(403);
    const orgs = await call('GET', '/orgs');
    expect(orgs.status).toBe(200);
    expect(orgs.json.items).toMatchObject([
      { slug: 'acme', access: { granted: false, missing: ['mfa'] } },
    ]);
  });

  it('denies Globex to Mia with both mfa and sso:acme required', async () => {
    await signInAs('mia');
    const res = await call('GET', '/orgs/globex');
    expect(res.status).toBe(403);
    expect(res.json.parameters).toMatchObject({
      amr: ['mfa', 'sso:acme'],
      missing: ['mfa', 'sso:acme'],
    });
  });

  it('gives access back to the member once enforcement is off', async () => {
    await signInAs('mia');
    const miaSession = db.jar.sessionId;
    const on = await oliviaEnablesAcme();
    await setRequired(false, on.headers.get('ETag') ?? '');
    db.jar.sessionId = miaSession;
    expect((await call('GET', '/orgs/acme')).status).toBe(200);
  });
});

describe('GET /orgs/{orgSlug}/security-events', () => {
  it('lists enforcement changes newest first with the actor', async () => {
    const on = await oliviaEnablesAcme();
    clock.advance(5000);
    await setRequired(false, on.headers.get('ETag') ?? '');
    const res = await call('GET', '/orgs/acme/security-events');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total: 2, page: 1, perPage: 25 });
    const items = res.json.items as Json[];
    expect(items.map((e) => e.type)).toEqual([
      'mfa_enforcement_disabled',
      'mfa_enforcement_enabled',
    ]);
    expect(items[0]).toMatchObject({
      actor: { id: 'usr_olivia', name: 'Olivia Owner', email: 'olivia@example.com' },
      createdAt: new Date(clock.now()).toISOString(),
    });
  });

  it("pages the events and keeps other organizations' events out", async () => {
    await signInAs('olivia');
    for (let i = 0; i < 12; i++) {
      const { etag } = await readSecurity();
      clock.advance(1000);
      await setRequired(i % 2 === 0, etag);
    }
    db.events.push({
      id: 'evt_other',
      orgId: 'org_globex',
      type: 'mfa_enforcement_enabled',
      actorId: 'usr_gus',
      at: clock.now(),
      details: {},
    });
    const res = await call('GET', '/orgs/acme/security-events?page=2&perPage=10');
    expect(res.json).toMatchObject({ total: 12, page: 2, perPage: 10 });
    expect(res.json.items).toHaveLength(2);
    const beyond = await call('GET', '/orgs/acme/security-events?page=9&perPage=10');
    expect(beyond.json).toMatchObject({ items: [], total: 12 });
  });

  it.each([
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['perPage=7', 'perPage'],
    ['perPage=1000', 'perPage'],
    ['perPage=', 'perPage'],
  ])('answers 400 naming the parameter for %s', async (query, parameter) => {
    await signInAs('olivia');
    const res = await call('GET', `/orgs/acme/security-events?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.parameters).toEqual({ parameter });
  });

  it('is for owners and admins only', async () => {
    await signInAs('mia');
    const res = await call('GET', '/orgs/acme/security-events');
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden_role');
  });

  it('answers 404 for an unknown organization', async () => {
    await signInAs('olivia');
    expect((await call('GET', '/orgs/nope/security-events')).status).toBe(404);
  });
});
