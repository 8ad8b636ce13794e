import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock, config, db, membersOf } from './db';
import { pumpJobs } from './job-pump';
import { OUTBOX_LIMIT, outboxSettings } from './outbox';
import { createScheduler } from './scheduler';
import { INITECH_ID } from './seed';
import { initechWithoutMfa } from './seed-rollout';

describe("a wave at Initech's 100,000 users", () => {
  // This test counts every e-mail of a 30,000-person wave: the outbox keeps them all here.
  beforeAll(() => {
    outboxSettings.limit = 100_000;
  });
  afterAll(() => {
    outboxSettings.limit = OUTBOX_LIMIT;
  });

  it('reminds everyone without MFA exactly once, at the job pace', async () => {
    const org = db.orgs.get(INITECH_ID);
    const wave = org?.mfaSchedule?.waves.find((w) => w.key === '7d');
    if (!org || !wave) throw new Error('the seed has no Initech rollout');
    const withoutMfa = membersOf(INITECH_ID).filter((m) => !db.users.get(m.userId)?.mfa).length;
    expect(withoutMfa).toBe(initechWithoutMfa(config.initechSize)); // the seed's count is right
    clock.set(wave.at);
    const started = performance.now();
    const report = await createScheduler({ id: 'measure' }).tick();
    const claimMs = performance.now() - started;
    expect(report.started).toMatchObject([{ orgId: INITECH_ID, wave: '7d' }]);
    const job = db.jobs.get(report.started[0]?.jobId ?? '');
    if (!job) throw new Error('no job');
    // Pump every 50 ms of mock time until the job is done, as the browser and server do.
    const pumping = performance.now();
    let steps = 0;
    while (job.status === 'running') {
      clock.advance(50);
      pumpJobs();
      steps++;
    }
    const pumpMs = performance.now() - pumping;
    const mockSeconds = ((job.finishedAt ?? 0) - wave.at) / 1000;
    const counts = new Map<string, number>();
    for (const m of db.outbox) if (m.wave === '7d') counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(job.recipients.length).toBe(withoutMfa);
    expect(job.sent).toBe(withoutMfa);
    expect(counts.size).toBe(withoutMfa);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await createScheduler({ id: 'again' }).tick()).toMatchObject({ started: [] });
    expect(mockSeconds).toBeCloseTo(withoutMfa / config.jobRatePerSecond, 1);
    console.log(
      `Initech wave: ${withoutMfa} recipients, done ${mockSeconds.toFixed(1)} s (mock clock) after its time at ${config.jobRatePerSecond}/s in ${steps} pump steps; claim + job creation ${claimMs.toFixed(0)} ms, sending ${pumpMs.toFixed(0)} ms of CPU; ${counts.size} addresses, each e-mailed once`,
    );
  });
});
