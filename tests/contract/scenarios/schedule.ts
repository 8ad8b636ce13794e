import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { reset, serverNow, signedIn, type Actor, type Answer } from '../context';
import { memberId } from '../people';

const PATH = '/orgs/acme/mfa-schedule';
const DAY = 86_400_000;
/** A deadline `days` ahead by the server's clock, with a zone (`Z`). */
const inDays = async (days: number) => new Date((await serverNow()) + days * DAY).toISOString();
const ifMatch = (etag: string | null) => ({ headers: { 'If-Match': etag ?? '' } });
const etagOf = (answer: Answer) => answer.headers.get('etag');

/** Acme requires MFA again no more (require-now turned it on): as before the scenario. */
async function mfaNotRequired(olivia: Actor) {
  const security = await olivia.get('/orgs/acme/security');
  if (!(security.json as { mfaRequired: boolean }).mfaRequired) return;
  const off = await olivia.patch(
    '/orgs/acme/security',
    { mfaRequired: false },
    ifMatch(etagOf(security)),
  );
  assert.equal(off.status, 200, off.text);
}

export function scheduleScenarios() {
  before(reset);

  it('reading it: everyone with access (200), Globex without SSO (403), elsewhere (404)', async () => {
    const mia = await signedIn('mia');
    assert.equal((await mia.get(PATH)).status, 200);
    assert.equal((await mia.get('/orgs/globex/mfa-schedule')).status, 403);
    assert.equal((await mia.get('/orgs/no-such-org/mfa-schedule')).status, 404);
  });

  it('scheduling: 428 without If-Match, 412 stale, 400 bad date, 201, then 409 twice', async () => {
    const olivia = await signedIn('olivia');
    const body = { requiredFrom: await inDays(14), reminderPlan: [] };
    assert.equal((await olivia.request('PUT', PATH, { body })).status, 428);
    assert.equal((await olivia.request('PUT', PATH, { body, ...ifMatch('"stale"') })).status, 412);
    const etag = etagOf(await olivia.get(PATH));
    const bad = { requiredFrom: '2026-13-40', reminderPlan: [] };
    assert.equal((await olivia.request('PUT', PATH, { body: bad, ...ifMatch(etag) })).status, 400);
    const made = await olivia.request('PUT', PATH, { body, ...ifMatch(etag) });
    assert.equal(made.status, 201, made.text);
    const again = await olivia.request('PUT', PATH, { body, ...ifMatch(etagOf(made)) });
    assert.equal(again.status, 409, 'already scheduled');
    const elsewhere = await olivia.request('PUT', '/orgs/no-such-org/mfa-schedule', {
      body,
      ...ifMatch('"x"'),
    });
    assert.equal(elsewhere.status, 404);
  });

  it('changing the date: 428, 412, 400, 200; elsewhere 404', async () => {
    const olivia = await signedIn('olivia');
    const body = { requiredFrom: await inDays(21) };
    assert.equal((await olivia.patch(PATH, body)).status, 428);
    assert.equal((await olivia.patch(PATH, body, ifMatch('"stale"'))).status, 412);
    const etag = etagOf(await olivia.get(PATH));
    assert.equal(
      (await olivia.patch(PATH, { requiredFrom: '2026-12-01' }, ifMatch(etag))).status,
      400,
    );
    const changed = await olivia.patch(PATH, body, ifMatch(etag));
    assert.equal(changed.status, 200, changed.text);
    assert.equal(
      (await olivia.patch('/orgs/no-such-org/mfa-schedule', body, ifMatch('"x"'))).status,
      404,
    );
  });

  it('cancelling: 428, 412, 200; then nothing to change, cancel or require (409)', async () => {
    const olivia = await signedIn('olivia');
    assert.equal((await olivia.delete(PATH)).status, 428);
    assert.equal((await olivia.delete(PATH, ifMatch('"stale"'))).status, 412);
    const cancelled = await olivia.delete(PATH, ifMatch(etagOf(await olivia.get(PATH))));
    assert.equal(cancelled.status, 200, cancelled.text);
    const etag = etagOf(cancelled);
    assert.equal((await olivia.delete(PATH, ifMatch(etag))).status, 409);
    const later = { requiredFrom: await inDays(30) };
    assert.equal((await olivia.patch(PATH, later, ifMatch(etag))).status, 409);
    assert.equal((await olivia.post(`${PATH}/require-now`, {}, ifMatch(etag))).status, 409);
    assert.equal(
      (await olivia.delete('/orgs/no-such-org/mfa-schedule', ifMatch('"x"'))).status,
      404,
    );
  });

  it('requiring it now: 428, 412, 200 (then off again, as before); elsewhere 404', async () => {
    const olivia = await signedIn('olivia');
    const body = { requiredFrom: await inDays(7), reminderPlan: [] };
    const made = await olivia.request('PUT', PATH, {
      body,
      ...ifMatch(etagOf(await olivia.get(PATH))),
    });
    assert.equal(made.status, 201, made.text);
    const now = `${PATH}/require-now`;
    assert.equal((await olivia.post(now, {})).status, 428);
    assert.equal((await olivia.post(now, {}, ifMatch('"stale"'))).status, 412);
    const required = await olivia.post(now, {}, ifMatch(etagOf(made)));
    assert.equal(required.status, 200, required.text);
    await mfaNotRequired(olivia);
    assert.equal(
      (await olivia.post('/orgs/no-such-org/mfa-schedule/require-now', {}, ifMatch('"x"'))).status,
      404,
    );
  });

  it("adoption and a person's reminders: managers 200, a zone that is none 400, members 403, unknown 404", async () => {
    const olivia = await signedIn('olivia');
    assert.equal((await olivia.get(`${PATH}/adoption`)).status, 200);
    assert.equal((await olivia.get(`${PATH}/adoption?tz=Europe%2FBerlin`)).status, 200);
    assert.equal((await olivia.get(`${PATH}/adoption?tz=Mars%2FOlympus`)).status, 400);
    assert.equal((await olivia.get('/orgs/no-such-org/mfa-schedule/adoption')).status, 404);
    const mia = await memberId(olivia, 'acme', 'mia@example.com');
    assert.equal((await olivia.get(`/orgs/acme/members/${mia}/reminders`)).status, 200);
    assert.equal((await olivia.get('/orgs/acme/members/usr_nope/reminders')).status, 404);
    const member = await signedIn('mia');
    assert.equal((await member.get(`${PATH}/adoption`)).status, 403);
    assert.equal((await member.get(`/orgs/acme/members/${mia}/reminders`)).status, 403);
  });
}
