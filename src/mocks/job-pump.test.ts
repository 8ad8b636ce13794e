import { beforeAll, describe, expect, it } from 'vitest';
import { outboxSettings } from './outbox';
import { call, signInAs } from '../../tests/api';
import { resetDemoData } from './control';
import { clock, config, db } from './db';
import { PUMP_INTERVAL_MS, pumpJobs, startJobPump, type PumpTimer } from './job-pump';

/** A timer the test steps by hand: no real time passes, only the mock clock moves. */
function manualTimer() {
  const intervals = new Map<number, { step: () => void; ms: number }>();
  let next = 1;
  const timer: PumpTimer = {
    setInterval: (step, ms) => {
      intervals.set(next, { step, ms });
      return next++;
    },
    clearInterval: (handle) => void intervals.delete(handle as number),
  };
  /** Move the mock clock by one interval and fire every registered interval once. */
  const tick = () => {
    for (const { step, ms } of [...intervals.values()]) {
      clock.advance(ms);
      step();
    }
  };
  return { timer, intervals, tick };
}

const reminderMails = () => db.outbox.filter((m) => m.kind === 'mfa_reminder');
const sendLog = () => reminderMails().map((m) => `${m.to} ${m.sentAt}`);

async function startJob(key = 'pump-key-0001') {
  await signInAs('olivia');
  const res = await call(
    'POST',
    '/orgs/initech/reminders',
    { filter: { mfa: 'disabled' } },
    { 'Idempotency-Key': key },
  );
  expect(res.status).toBe(202);
  return String(res.json.id);
}
const jobRecord = (id: string) => {
  const job = db.jobs.get(id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
};

// These tests count every e-mail of a 30,000-person job: the outbox keeps them all here.
beforeAll(() => {
  outboxSettings.limit = 100_000;
});

describe('the job pump', () => {
  it('sends at the job’s pace without anyone reading the job', async () => {
    const id = await startJob();
    clock.advance(1000);
    expect(pumpJobs()).toEqual({ processed: config.jobRatePerSecond, finished: [] });
    expect(jobRecord(id).processed).toBe(config.jobRatePerSecond);
    expect(reminderMails()).toHaveLength(config.jobRatePerSecond);
  });

  it('leaves nothing for a read to do, and the read shows what the pump sent', async () => {
    const id = await startJob();
    clock.advance(1500);
    pumpJobs();
    const sent = reminderMails().length;
    const res = await call('GET', `/orgs/initech/reminder-jobs/${id}`);
    expect(res.json).toMatchObject({ status: 'running', sent });
    expect(reminderMails()).toHaveLength(sent);
  });

  it('sends the same e-mails at the same times as reads alone would', async () => {
    const start = clock.now();
    await startJob();
    for (const ms of [130, 370, 1, 499, 1000]) {
      clock.advance(ms);
      pumpJobs();
    }
    const pumped = sendLog();

    resetDemoData();
    clock.set(start);
    const id = await startJob();
    clock.advance(2000);
    await call('GET', `/orgs/initech/reminder-jobs/${id}`);
    expect(pumped).toHaveLength(2 * config.jobRatePerSecond);
    expect(sendLog()).toEqual(pumped);
  });

  it('links the e-mails to the Console the send came from', async () => {
    await startJob();
    clock.advance(1000);
    pumpJobs('https://elsewhere.example');
    expect(reminderMails()[0]?.text).toContain(`${location.origin}/profile/security`);
  });

  it('finishes a job once, with one security event, and reports it', async () => {
    const id = await startJob();
    const total = jobRecord(id).recipients.length;
    clock.advance(60_000);
    expect(pumpJobs()).toEqual({ processed: total, finished: [id] });
    expect(jobRecord(id)).toMatchObject({ status: 'completed', sent: total });
    expect(pumpJobs()).toEqual({ processed: 0, finished: [] });
    const events = db.events.filter((e) => e.type === 'reminders_sent');
    expect(events).toHaveLength(1);
    expect(reminderMails()).toHaveLength(total);
  });

  it('does not touch a cancelled job', async () => {
    const id = await startJob();
    clock.advance(1000);
    await call('POST', `/orgs/initech/reminder-jobs/${id}/cancel`);
    const sent = reminderMails().length;
    clock.advance(60_000);
    expect(pumpJobs()).toEqual({ processed: 0, finished: [] });
    expect(reminderMails()).toHaveLength(sent);
    expect(jobRecord(id).status).toBe('cancelled');
  });

  it('runs on its timer until stopped, reporting only steps that did something', async () => {
    const { timer, intervals, tick } = manualTimer();
    const steps: { processed: number; finished: string[] }[] = [];
    const stop = startJobPump({ timer, onStep: (step) => steps.push(step) });
    expect([...intervals.values()].map((i) => i.ms)).toEqual([PUMP_INTERVAL_MS]);

    tick(); // no job yet: nothing to report
    expect(steps).toEqual([]);

    const id = await startJob();
    const perStep = (config.jobRatePerSecond * PUMP_INTERVAL_MS) / 1000;
    tick();
    tick();
    expect(reminderMails()).toHaveLength(jobRecord(id).processed);
    expect(steps.map((s) => s.processed)).toEqual([perStep, perStep]);

    stop();
    expect(intervals.size).toBe(0);
    clock.advance(60_000);
    expect(jobRecord(id).status).toBe('running'); // nothing moves it but a read now
  });

  it('reports the step in which a job finishes', async () => {
    const { timer, tick } = manualTimer();
    const finished: string[] = [];
    const stop = startJobPump({ timer, onStep: (step) => finished.push(...step.finished) });
    const id = await startJob();
    clock.advance(60_000);
    tick();
    stop();
    expect(finished).toEqual([id]);
  });
});
