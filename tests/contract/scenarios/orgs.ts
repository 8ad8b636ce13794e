import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { reset, signedIn } from '../context';

export function orgScenarios() {
  before(reset);

  it('every role lists its organizations and opens them', async () => {
    for (const name of ['olivia', 'adam', 'mia', 'gus'] as const) {
      const actor = await signedIn(name);
      const list = await actor.get('/orgs');
      assert.equal(list.status, 200);
      for (const org of list.json.items as Array<{ slug: string; access: { granted: boolean } }>) {
        const one = await actor.get(`/orgs/${org.slug}`);
        assert.equal(one.status, org.access.granted ? 200 : 403);
        const security = await actor.get(`/orgs/${org.slug}/security`);
        assert.equal(security.status, org.access.granted ? 200 : 403);
        if (security.status === 200) assert.ok(security.headers.get('etag'));
      }
      assert.equal((await actor.get('/orgs/no-such-org')).status, 404);
      assert.equal((await actor.get('/orgs/no-such-org/security')).status, 404);
    }
  });

  it('an organization that requires MFA and SSO denies a password-only session (403)', async () => {
    const mia = await signedIn('mia');
    const denied = await mia.get('/orgs/globex/members');
    assert.equal(denied.status, 403);
    assert.equal(denied.json.code, 'additional_authentication_required');
    assert.equal((await mia.get('/orgs/globex/security')).status, 403);
  });

  it('changing enforcement: 428 without If-Match, 412 when stale, 200 with the ETag', async () => {
    const olivia = await signedIn('olivia');
    const read = await olivia.get('/orgs/acme/security');
    const etag = read.headers.get('etag') ?? '';
    assert.equal((await olivia.patch('/orgs/acme/security', { mfaRequired: true })).status, 428);
    const stale = { headers: { 'If-Match': '"stale"' } };
    assert.equal(
      (await olivia.patch('/orgs/acme/security', { mfaRequired: true }, stale)).status,
      412,
    );
    const star = { headers: { 'If-Match': '*' } };
    assert.equal(
      (await olivia.patch('/orgs/acme/security', { mfaRequired: true }, star)).status,
      428,
      'If-Match: * would skip the "changed meanwhile" check',
    );
    const match = { headers: { 'If-Match': etag } };
    assert.equal(
      (await olivia.patch('/orgs/acme/security', { mfaRequired: 'yes' }, match)).status,
      400,
    );
    const changed = await olivia.patch('/orgs/acme/security', { mfaRequired: true }, match);
    assert.equal(changed.status, 200);
    const back = await olivia.patch(
      '/orgs/acme/security',
      { mfaRequired: false },
      { headers: { 'If-Match': changed.headers.get('etag') ?? '' } },
    );
    assert.equal(back.status, 200);
    assert.equal(
      (await olivia.patch('/orgs/no-such-org/security', { mfaRequired: true })).status,
      404,
    );
  });

  it('only owners and admins with an MFA session change enforcement (403)', async () => {
    for (const name of ['adam', 'mia'] as const) {
      const actor = await signedIn(name);
      const etag = (await actor.get('/orgs/acme/security')).headers.get('etag') ?? '';
      const refused = await actor.patch(
        '/orgs/acme/security',
        { mfaRequired: true },
        { headers: { 'If-Match': etag } },
      );
      assert.equal(refused.status, 403);
    }
  });

  it('security events: managers page through them; bad paging is 400; members 403', async () => {
    const olivia = await signedIn('olivia');
    const page = await olivia.get('/orgs/acme/security-events?page=1&perPage=10');
    assert.equal(page.status, 200);
    assert.equal((await olivia.get('/orgs/acme/security-events?perPage=7')).status, 400);
    assert.equal((await olivia.get('/orgs/acme/security-events?page=0')).status, 400);
    assert.equal((await olivia.get('/orgs/no-such-org/security-events')).status, 404);
    const mia = await signedIn('mia');
    assert.equal((await mia.get('/orgs/acme/security-events')).status, 403);
  });
}
