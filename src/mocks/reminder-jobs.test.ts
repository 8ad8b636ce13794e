import { beforeAll, describe, expect, it } from 'vitest';
import { outboxSettings } from './outbox';
import { call, signInAs } from '../../tests/api';
import { clock, config, db, membersOf } from './db';
import { allMatching, countMatching, matchingIds } from './member-query';
import { INITECH_ID } from './seed';

interface JobJson {
  id: string;
  status: string;
  total: number;
  sent: number;
  skipped: { alreadyEnabled: number; recentlyReminded: number; notInOrganization: number };
  finishedAt: string | null;
}
const remind = (body: unknown, key = 'job-key-0001', org = 'initech') =>
  call('POST', `/orgs/${org}/reminders`, body, { 'Idempotency-Key': key });
const reminders = () => db.outbox.filter((m) => m.kind === 'mfa_reminder').length;
const job = async (id: string, org = 'initech') =>
  (await call('GET', `/orgs/${org}/reminder-jobs/${id}`)).json as unknown as JobJson;

async function startNoMfaJob() {
  await signInAs('olivia');
  const res = await remind({ filter: { mfa: 'disabled' } });
  expect(res.status).toBe(202);
  return res;
}

// These tests count every e-mail of a 30,000-person job: the outbox keeps them all here.
beforeAll(() => {
  outboxSettings.limit = 100_000;
});

describe('large sends run as a job', () => {
  it('answers 202 with a running job and its Location for more than 1,000 recipients', async () => {
    const res = await startNoMfaJob();
    const body = res.json as unknown as JobJson;
    expect(body).toMatchObject({ status: 'running', sent: 0 });
    expect(body.total).toBeGreaterThan(29_000);
    expect(res.headers.get('Location')).toBe(`/api/orgs/initech/reminder-jobs/${body.id}`);
    expect(reminders()).toBe(0);
  });

  it('sends at the configured pace, not instantly', async () => {
    const { json } = await startNoMfaJob();
    const id = String(json.id);
    clock.advance(1000);
    expect((await job(id)).sent).toBe(config.jobRatePerSecond);
    expect(reminders()).toBe(config.jobRatePerSecond);
    clock.advance(500);
    expect((await job(id)).sent).toBe(config.jobRatePerSecond * 1.5);
  });

  it('finishes with every recipient sent once and records one security event', async () => {
    const { json } = await startNoMfaJob();
    const id = String(json.id);
    clock.advance(60_000);
    const done = await job(id);
    expect(done.status).toBe('completed');
    expect(done.sent).toBe(done.total);
    expect(done.finishedAt).not.toBeNull();
    expect(reminders()).toBe(done.total);
    expect(new Set(db.outbox.map((m) => m.to)).size).toBe(done.total);
    const events = db.events.filter((e) => e.type === 'reminders_sent');
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toEqual({ recipients: done.total, jobId: id });
  });

  it('stops when cancelled and keeps what was sent', async () => {
    const { json } = await startNoMfaJob();
    const id = String(json.id);
    clock.advance(1000);
    const cancelled = await call('POST', `/orgs/initech/reminder-jobs/${id}/cancel`);
    expect(cancelled.json).toMatchObject({ status: 'cancelled', sent: config.jobRatePerSecond });
    clock.advance(60_000);
    expect((await job(id)).status).toBe('cancelled');
    expect(reminders()).toBe(config.jobRatePerSecond);
  });

  it('answers a cancel of a finished job with its final state', async () => {
    const { json } = await startNoMfaJob();
    clock.advance(60_000);
    const res = await call('POST', `/orgs/initech/reminder-jobs/${String(json.id)}/cancel`);
    expect(res.json.status).toBe('completed');
  });

  it('lists the running job so a reloaded page can resume it, and not once it is done', async () => {
    const { json } = await startNoMfaJob();
    const active = await call('GET', '/orgs/initech/reminder-jobs?status=active');
    expect((active.json.items as JobJson[]).map((j) => j.id)).toEqual([json.id]);
    clock.advance(60_000);
    const after = await call('GET', '/orgs/initech/reminder-jobs?status=active');
    expect(after.json.items).toEqual([]);
    const all = await call('GET', '/orgs/initech/reminder-jobs');
    expect((all.json.items as JobJson[])[0]?.status).toBe('completed');
  });

  it('lists a finished job as recent for 10 minutes of the server clock', async () => {
    const { json } = await startNoMfaJob();
    const recent = async () =>
      (
        (await call('GET', '/orgs/initech/reminder-jobs?status=recent')).json.items as JobJson[]
      ).map((j) => [j.id, j.status]);
    expect(await recent()).toEqual([[json.id, 'running']]);
    clock.advance(60_000); // finished a few seconds after it started
    expect(await recent()).toEqual([[json.id, 'completed']]);
    clock.advance(8 * 60_000);
    expect(await recent()).toEqual([[json.id, 'completed']]);
    clock.advance(2 * 60_000);
    expect(await recent()).toEqual([]);
    expect((await call('GET', '/orgs/initech/reminder-jobs?status=soon')).status).toBe(400);
  });

  it('does not send twice when a second job covers the same people', async () => {
    const first = await startNoMfaJob();
    const second = await remind({ filter: { mfa: 'disabled' } }, 'job-key-0002');
    clock.advance(60_000);
    const a = await job(String(first.json.id));
    const b = await job(String(second.json.id));
    expect(a.sent + b.sent).toBe(a.total);
    expect(reminders()).toBe(a.total);
  });

  it('holds exactly the people the filter matched when it started, in name order', async () => {
    const { json } = await startNoMfaJob();
    const expected = allMatching(INITECH_ID, { mfa: 'disabled' }).map((r) => r.u.id);
    expect(db.jobs.get(String(json.id))?.recipients).toEqual(expected);
    expect(json.total).toBe(expected.length);
  });

  it('resolves a filter’s ids from the index exactly as its rows, for every sort', () => {
    const filters = [{}, { mfa: 'enabled' as const }, { role: 'admin' as const, q: 'an' }];
    for (const filter of filters) {
      expect(countMatching(INITECH_ID, filter)).toBe(allMatching(INITECH_ID, filter).length);
      for (const sort of ['name', '-email', 'role', 'lastRemindedAt'] as const) {
        expect(matchingIds(INITECH_ID, filter, sort)).toEqual(
          allMatching(INITECH_ID, filter, sort).map((r) => r.u.id),
        );
      }
    }
  });

  it('runs more than 1,000 ids as a job and counts outsiders', async () => {
    await signInAs('olivia');
    const ids = membersOf(INITECH_ID)
      .slice(1, 1501)
      .map((m) => m.userId);
    const res = await remind({ userIds: [...ids, 'usr_gus'] });
    expect(res.status).toBe(202);
    clock.advance(60_000);
    const done = await job(String(res.json.id));
    expect(done.total).toBe(1501);
    expect(done.skipped.notInOrganization).toBe(1);
    expect(done.sent + done.skipped.alreadyEnabled).toBe(1500);
  });

  it('answers 404 for a job of another organization', async () => {
    const { json } = await startNoMfaJob();
    expect((await job(String(json.id), 'acme')).status).toBe(404);
  });

  it('rejects an unknown status filter', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/initech/reminder-jobs?status=paused');
    expect(res.json).toMatchObject({ status: 400, parameters: { parameter: 'status' } });
  });

  it('keeps jobs from plain members', async () => {
    await signInAs('mia');
    expect((await call('GET', '/orgs/acme/reminder-jobs')).json.code).toBe('forbidden_role');
  });
});
