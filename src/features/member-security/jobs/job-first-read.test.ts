import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryKeys } from '@/api/query-keys';
import { clock, config } from '@/mocks/db';
import { outboxSettings } from '@/mocks/outbox';
import { call, signInAs } from '../../../../tests/api';
import { JOB_FIRST_POLL_MS, JOB_POLL_MS, reminderJobQuery, type ReminderJob } from '../api';

// The job below e-mails ~30,000 people; the outbox keeps them all here.
beforeAll(() => {
  outboxSettings.limit = 100_000;
});

const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
afterEach(() => client.clear());

describe('a reminder job’s first progress', () => {
  it('is read as soon as the 202 is shown, not one poll interval later', async () => {
    await signInAs('olivia');
    const started = await call(
      'POST',
      '/orgs/initech/reminders',
      { filter: { mfa: 'disabled' } },
      { 'Idempotency-Key': 'first-read-0001' },
    );
    expect(started.status).toBe(202);
    const job = started.json as unknown as ReminderJob;
    expect(job.sent).toBe(0);
    // What the send flow does with the 202: its job's first state, in the cache.
    client.setQueryData(queryKeys.org.job('initech', job.id), job);
    // The job works on while the answer travels and the card renders.
    clock.advance(200);

    const observer = new QueryObserver(client, reminderJobQuery('initech', job.id));
    const seen: number[] = [];
    const stop = observer.subscribe((result) => seen.push(result.data?.sent ?? -1));
    try {
      // Shown at once from the 202, and read again in the same moment (a fresh-for-an-interval
      // cache would wait JOB_POLL_MS for the first read, and show nothing processed until then).
      expect(observer.getCurrentResult().data?.sent).toBe(0);
      expect(client.getQueryState(queryKeys.org.job('initech', job.id))?.fetchStatus).toBe(
        'fetching',
      );
      await expect.poll(() => seen.at(-1), { timeout: 2000 }).toBe(config.jobRatePerSecond / 5);
    } finally {
      stop();
    }
  });

  it('is polled for soon while nothing is processed yet, then at the usual interval', () => {
    const { refetchInterval } = reminderJobQuery('initech', 'job_1');
    if (typeof refetchInterval !== 'function') throw new Error('refetchInterval is a function');
    const skipped = { alreadyEnabled: 0, recentlyReminded: 0, notInOrganization: 0 };
    const after = (data: Partial<ReminderJob>) =>
      refetchInterval({
        state: { data: { status: 'running', sent: 0, skipped, ...data } },
      } as never);
    expect(JOB_FIRST_POLL_MS).toBeLessThan(JOB_POLL_MS);
    expect(after({})).toBe(JOB_FIRST_POLL_MS);
    expect(after({ skipped: { ...skipped, alreadyEnabled: 1 } })).toBe(JOB_POLL_MS);
    expect(after({ sent: 250 })).toBe(JOB_POLL_MS);
    expect(after({ status: 'completed', sent: 250 })).toBe(false);
  });
});
