import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { clock, db } from './db';
import { pumpJobs } from './job-pump';
import { restore, snapshot } from './persist';
import { createScheduler, memoryClaims, type SharedClaims } from './scheduler';
import {
  acme,
  mailsPerAddress,
  oliviaSchedules,
  reminderMails,
  waveJobs,
} from './schedule-test-helpers';

const SECOND = 1_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Acme, 14 days ahead, waves 7d / 3d / 1d (no "Now", so the first wave is the scheduler's). */
async function scheduled(plan = ['7d', '3d', '1d']) {
  const { deadline } = await oliviaSchedules('2026-12-12T12:00:00Z', plan);
  return deadline;
}

/** Let every job run to its end (the job pace is the mock clock's). */
function finishJobs() {
  clock.advance(60 * SECOND);
  pumpJobs();
}

/** Claims held in a store that answers late: every claim waits until `release()`. */
function slowClaims(): SharedClaims & { release: () => void } {
  const inner = memoryClaims();
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    claim: async (key, owner) => {
      await gate;
      return inner.claim(key, owner);
    },
    release: () => open(),
  };
}

describe('reminder waves', () => {
  it('sends each wave at its time, not a second before, to everyone still without MFA', async () => {
    const deadline = await scheduled();
    const s = createScheduler({ id: 'A' });
    clock.set(deadline - 7 * DAY - SECOND);
    expect((await s.tick()).started).toEqual([]);
    clock.set(deadline - 7 * DAY);
    const report = await s.tick();
    expect(report.started).toMatchObject([{ wave: '7d' }]);
    finishJobs();
    expect(reminderMails()).toHaveLength(19);
    expect(acme().mfaSchedule?.waves[0]).toMatchObject({ key: '7d', status: 'sent', sent: 19 });
    expect(db.events.at(-1)).toMatchObject({
      type: 'scheduled_reminder_sent',
      details: { wave: '7d', sent: 19, skipped: 0 },
    });
    // The next tick at the same time sends nothing more.
    expect((await s.tick()).started).toEqual([]);
  });

  it('skips whoever was reminded by hand in the last 24 hours, and whoever set up MFA', async () => {
    const deadline = await scheduled();
    clock.set(deadline - 7 * DAY - 2 * HOUR);
    await signInAs('olivia'); // the first session has expired by now
    const remind = await call(
      'POST',
      '/orgs/acme/reminders',
      { userIds: ['usr_mia'] },
      { 'Idempotency-Key': 'remind-mia-by-hand' },
    );
    expect(remind.json.sent).toBe(1);
    const adam = db.users.get('usr_adam');
    const olivia = db.users.get('usr_olivia');
    if (adam && olivia?.mfa) adam.mfa = { ...olivia.mfa, enabledAt: clock.now() };
    clock.set(deadline - 7 * DAY);
    await createScheduler().tick();
    finishJobs();
    expect(waveJobs()[0]).toMatchObject({
      sent: 17,
      skipped: { recentlyReminded: 1, alreadyEnabled: 0 },
    });
    expect(mailsPerAddress().get('mia@example.com')).toBe(1);
    expect(mailsPerAddress().has('adam@example.com')).toBe(false);
  });
});

describe('each wave exactly once', () => {
  it('two schedulers on one store, ticking at the same time, send a wave once', async () => {
    const deadline = await scheduled();
    clock.set(deadline - 7 * DAY + SECOND);
    const claims = slowClaims();
    const a = createScheduler({ id: 'A', claims });
    const b = createScheduler({ id: 'B', claims });
    // Both see the wave due and ask the store for it before either hears back.
    const ticks = Promise.all([a.tick(), b.tick()]);
    claims.release();
    const [ra, rb] = await ticks;
    expect(ra.started.length + rb.started.length).toBe(1);
    expect(waveJobs()).toHaveLength(1);
    finishJobs();
    expect([...mailsPerAddress().values()].every((n) => n === 1)).toBe(true);
    expect(reminderMails()).toHaveLength(19);
  });

  it('two schedulers without shared claims still send once (compare-and-set on the wave)', async () => {
    const deadline = await scheduled();
    clock.set(deadline - 7 * DAY + SECOND);
    const reports = await Promise.all([
      createScheduler({ id: 'A' }).tick(),
      createScheduler({ id: 'B' }).tick(),
      createScheduler({ id: 'C' }).tick(),
    ]);
    expect(reports.flatMap((r) => r.started)).toHaveLength(1);
    expect(acme().mfaSchedule?.waves[0]?.claimedBy).toMatch(/^[ABC]$/);
  });

  it('a restart (state saved and loaded again) does not send a claimed wave again', async () => {
    const deadline = await scheduled();
    clock.set(deadline - 7 * DAY);
    await createScheduler({ id: 'before-restart' }).tick();
    finishJobs();
    const saved = JSON.parse(JSON.stringify(snapshot())) as unknown;
    expect(restore(saved)).toBe(true);
    const report = await createScheduler({ id: 'after-restart' }).tick();
    expect(report.started).toEqual([]);
    finishJobs();
    expect(reminderMails()).toHaveLength(19);
  });

  it('a second tab holding older state, sharing the claims, does not send it again', async () => {
    const deadline = await scheduled();
    const claims = memoryClaims();
    clock.set(deadline - 7 * DAY - HOUR);
    const olderTab = JSON.parse(JSON.stringify(snapshot())) as unknown;
    clock.set(deadline - 7 * DAY);
    expect((await createScheduler({ id: 'tab-1', claims }).tick()).started).toHaveLength(1);
    finishJobs();
    const sent = reminderMails().length;
    // Tab 2 wakes up with the state it loaded before the wave went (its own copy).
    restore(olderTab);
    const report = await createScheduler({ id: 'tab-2', claims }).tick();
    expect(report.started).toEqual([]);
    expect(waveJobs()).toHaveLength(0);
    expect(acme().mfaSchedule?.waves[0]?.status).toBe('sent');
    expect(sent).toBe(19);
  });

  it('a clock that jumps past two waves sends only the latest, once per person', async () => {
    const deadline = await scheduled();
    clock.set(deadline - 3 * DAY + HOUR); // past "7 days before" and "3 days before"
    const s = createScheduler();
    const report = await s.tick();
    expect(report.started).toMatchObject([{ wave: '3d' }]);
    expect(report.missed).toBe(1);
    expect((await s.tick()).started).toEqual([]);
    finishJobs();
    expect(acme().mfaSchedule?.waves.map((w) => [w.key, w.status])).toEqual([
      ['7d', 'missed'],
      ['3d', 'sent'],
      ['1d', 'planned'],
    ]);
    expect(reminderMails()).toHaveLength(19);
    expect([...mailsPerAddress().values()].every((n) => n === 1)).toBe(true);
  });

  it('a jump past the deadline sends no wave and takes effect once', async () => {
    const deadline = await scheduled();
    clock.set(deadline + 2 * DAY);
    const [a, b] = await Promise.all([createScheduler().tick(), createScheduler().tick()]);
    expect(a.started.concat(b.started)).toEqual([]);
    expect(a.tookEffect.concat(b.tookEffect)).toEqual(['org_acme']);
    expect(db.events.filter((e) => e.type === 'mfa_schedule_took_effect')).toHaveLength(1);
  });
});

describe('on the date', () => {
  it('records that it took effect at the instant, by whom it was scheduled, removing nobody', async () => {
    const deadline = await scheduled([]);
    const members = db.memberships.get('org_acme')?.length;
    clock.set(deadline + 5 * HOUR);
    await signInAs('olivia');
    expect((await call('GET', '/orgs/acme/mfa-schedule')).json.status).toBe('in_effect');
    expect(acme()).toMatchObject({
      mfaRequired: true,
      updatedBy: 'usr_olivia',
      updatedAt: deadline,
    });
    expect(db.events.at(-1)).toMatchObject({
      type: 'mfa_schedule_took_effect',
      actorId: 'usr_olivia',
      at: deadline,
    });
    expect(db.memberships.get('org_acme')?.length).toBe(members);
  });
});
