import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { reset, signedIn } from '../context';

export function memberScenarios() {
  before(reset);

  it('managers list, filter, sort, count and export members', async () => {
    for (const name of ['olivia', 'adam'] as const) {
      const actor = await signedIn(name);
      for (const query of ['', '?page=2&perPage=10', '?sort=-name&mfa=disabled', '?role=admin&q=a'])
        assert.equal((await actor.get(`/orgs/acme/members${query}`)).status, 200);
      assert.equal((await actor.get('/orgs/acme/members/summary')).status, 200);
      const csv = await actor.get('/orgs/acme/members.csv?mfa=disabled');
      assert.equal(csv.status, 200);
      assert.match(csv.text.split('\n')[0] ?? '', /name/);
    }
  });

  it('bad list parameters are 400 problems', async () => {
    const olivia = await signedIn('olivia');
    for (const query of ['?perPage=7', '?page=x', '?sort=password', '?mfa=maybe', '?role=god'])
      assert.equal((await olivia.get(`/orgs/acme/members${query}`)).status, 400, query);
    assert.equal((await olivia.get('/orgs/acme/members.csv?sort=password')).status, 400);
  });

  it('members see no member list (403); strangers see no organization (404)', async () => {
    const mia = await signedIn('mia');
    for (const path of ['/members', '/members/summary', '/members.csv'])
      assert.equal((await mia.get(`/orgs/acme${path}`)).status, 403, path);
    const adam = await signedIn('adam');
    for (const path of ['/members', '/members/summary', '/members.csv'])
      assert.equal((await adam.get(`/orgs/initech${path}`)).status, 404, path);
  });
}
