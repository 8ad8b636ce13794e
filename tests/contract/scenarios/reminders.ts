import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { controlsOnly, reset, signedIn } from '../context';

let keys = 0;
const key = () => ({ headers: { 'Idempotency-Key': `contract-${Date.now()}-${++keys}` } });

export function reminderScenarios() {
  before(reset);

  it('reminding a few people: 200; the same key replays it; another body with it is 422', async () => {
    const olivia = await signedIn('olivia');
    const list = await olivia.get('/orgs/acme/members?mfa=disabled&perPage=10');
    const ids = (list.json.items as Array<{ id: string }>).slice(0, 2).map((m) => m.id);
    const once = key();
    const sent = await olivia.post('/orgs/acme/reminders', { userIds: ids }, once);
    assert.equal(sent.status, 200);
    const replay = await olivia.post('/orgs/acme/reminders', { userIds: ids }, once);
    assert.equal(replay.status, 200);
    assert.equal(replay.text, sent.text);
    const filter = key();
    const a = await olivia.post(
      '/orgs/acme/reminders',
      { filter: { mfa: 'disabled', q: 'zz' } },
      filter,
    );
    const b = await olivia.post(
      '/orgs/acme/reminders',
      { filter: { q: 'zz', mfa: 'disabled' } },
      filter,
    );
    assert.equal(b.status, a.status, 'the same JSON with keys in another order is the same body');
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    const other = await olivia.post('/orgs/acme/reminders', { userIds: ids.slice(0, 1) }, once);
    assert.equal(other.status, 422);
  });

  it('refused sends: 428 without a key, 400 for a bad body, 403 for members, 404 elsewhere', async () => {
    const olivia = await signedIn('olivia');
    assert.equal((await olivia.post('/orgs/acme/reminders', { userIds: ['x'] })).status, 428);
    assert.equal((await olivia.post('/orgs/acme/reminders', { userIds: [] }, key())).status, 400);
    const both = { userIds: ['x'], filter: { mfa: 'disabled' } };
    assert.equal((await olivia.post('/orgs/acme/reminders', both, key())).status, 400);
    const mia = await signedIn('mia');
    assert.equal((await mia.post('/orgs/acme/reminders', { userIds: ['x'] }, key())).status, 403);
    assert.equal((await mia.get('/orgs/acme/reminder-jobs')).status, 403);
    assert.equal((await mia.get('/orgs/acme/reminder-jobs/job_nope')).status, 403);
    assert.equal((await mia.post('/orgs/acme/reminder-jobs/job_nope/cancel', {})).status, 403);
    assert.equal((await olivia.get('/orgs/nope/reminder-jobs')).status, 404);
    assert.equal(
      (await olivia.post('/orgs/nope/reminders', { userIds: ['x'] }, key())).status,
      404,
    );
  });

  it('a preview says what a send would do (200); 400 bad body, 403 members, 404 elsewhere', async () => {
    const olivia = await signedIn('olivia');
    const preview = (actor: typeof olivia, slug: string, body: unknown) =>
      actor.post(`/orgs/${slug}/reminders/preview`, body);
    const answer = await preview(olivia, 'acme', { filter: { mfa: 'disabled' } });
    assert.equal(answer.status, 200);
    assert.equal(typeof answer.json.wouldSend, 'number');
    assert.equal((await preview(olivia, 'acme', { userIds: [] })).status, 400);
    assert.equal((await preview(olivia, 'no-such-org', { userIds: ['x'] })).status, 404);
    const mia = await signedIn('mia');
    assert.equal((await preview(mia, 'acme', { userIds: ['x'] })).status, 403);
  });

  it('a large send becomes a job (202 + Location) that can be read, listed and cancelled', async () => {
    const olivia = await signedIn('olivia');
    const started = await olivia.post(
      '/orgs/initech/reminders',
      { filter: { mfa: 'disabled' } },
      key(),
    );
    assert.equal(started.status, 202);
    const location = started.headers.get('location') ?? '';
    assert.match(location, /\/reminder-jobs\//);
    const jobId = started.json.id as string;
    assert.equal((await olivia.get(`/orgs/initech/reminder-jobs/${jobId}`)).status, 200);
    for (const status of ['', '?status=active', '?status=recent', '?status=all'])
      assert.equal((await olivia.get(`/orgs/initech/reminder-jobs${status}`)).status, 200);
    const cancelled = await olivia.post(`/orgs/initech/reminder-jobs/${jobId}/cancel`, {}, key());
    assert.equal(cancelled.status, 200);
    assert.equal((await olivia.get('/orgs/initech/reminder-jobs/job_nope')).status, 404);
    assert.equal(
      (await olivia.post('/orgs/initech/reminder-jobs/job_nope/cancel', {})).status,
      404,
    );
  });

  it('sending is rate limited per person (429 + Retry-After)', controlsOnly(), async () => {
    await reset();
    const adam = await signedIn('adam');
    let last = 0;
    for (let i = 0; i < 21; i++) {
      last = (await adam.post('/orgs/acme/reminders', { userIds: ['usr_nobody'] }, key())).status;
    }
    assert.equal(last, 429);
    await reset();
  });
}
