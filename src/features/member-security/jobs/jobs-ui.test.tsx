import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../../../tests/api';
import { renderApp } from '../../../../tests/render';
import { clock, config, db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { reminders, remindButton, SLOW } from '../test-helpers';
import { formatCount } from '@/lib/format';

const INITECH_NO_MFA = '/orgs/initech/settings/security?mfa=disabled&perPage=10';

/** Initech without MFA, everyone matching selected, Remind pressed: the confirmation is open. */
async function askToRemindEveryone() {
  const app = await renderApp(INITECH_NO_MFA, { as: 'olivia' });
  const summary = await screen.findByText(/^1–10 of /, {}, SLOW);
  const total = Number((summary.textContent ?? '').replace(/^1–10 of /, '').replace(/,/g, ''));
  await app.user.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
  await app.user.click(
    screen.getByRole('button', { name: `Select all ${formatCount(total)} users that match` }),
  );
  // A whole filter waits for the server's count of who would get an e-mail.
  await waitFor(() => expect(remindButton()).toBeEnabled(), SLOW);
  await app.user.click(remindButton());
  return { ...app, total };
}

async function startJob() {
  const app = await askToRemindEveryone();
  const { total } = app;
  await app.user.click(
    await screen.findByRole('button', { name: `Send ${formatCount(total)} reminders` }),
  );
  await screen.findByText(/^Sending reminders: /, {}, SLOW);
  return app;
}

describe('large sends run as a job', () => {
  it('asks before e-mailing everyone who matches, and sends nothing when cancelled', async () => {
    const { user, total } = await askToRemindEveryone();
    const dialog = await screen.findByRole('dialog', {
      name: `Send reminders to ${formatCount(total)} people?`,
    });
    expect(dialog).toHaveTextContent(
      `${formatCount(total)} of the ${formatCount(total)} selected (MFA not enabled) get an e-mail`,
    );
    // Enter must not e-mail thousands: Cancel has the default focus.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(reminders()).toHaveLength(0);
    expect(remindButton()).toHaveAccessibleName(`Remind (${formatCount(total)})`);
  }, 40_000);

  it('shows progress while the job runs and the outcome when it finishes', async () => {
    const { total } = await startJob();
    expect(remindButton()).toHaveAccessibleName('Remind (0)');
    clock.advance(2000);
    const sent = formatCount(2 * config.jobRatePerSecond);
    expect(
      await screen.findByText(new RegExp(`^Sending reminders: ${sent} of`), {}, SLOW),
    ).toBeInTheDocument();
    clock.advance(60_000);
    expect(
      await screen.findByText(`Reminder sent to ${formatCount(total)} users.`, {}, SLOW),
    ).toBeInTheDocument();
    // The outbox keeps the last 1,000 e-mails; it counts every one it delivered.
    expect(db.mailCounts.mfa_reminder).toBe(total);
  }, 40_000);

  it('fetches only the job while it runs, and the list and counts again once it ends', async () => {
    const fetched: string[] = [];
    const record = ({ request }: { request: Request }) => {
      if (request.method === 'GET') fetched.push(new URL(request.url).pathname);
    };
    server.events.on('request:start', record);
    try {
      const { user, total } = await askToRemindEveryone();
      fetched.length = 0;
      await user.click(
        await screen.findByRole('button', { name: `Send ${formatCount(total)} reminders` }),
      );
      await screen.findByText(/^Sending reminders: 0 of /, {}, SLOW);
      clock.advance(1000);
      await screen.findByText(/^Sending reminders: 5,000 of/, {}, SLOW);
      // Nothing was sent when the job started: the 202 refreshes neither the list nor the counts.
      expect(fetched.filter((path) => !path.includes('/reminder-jobs/'))).toEqual([]);
      clock.advance(60_000);
      await screen.findByText(`Reminder sent to ${formatCount(total)} users.`, {}, SLOW);
      await waitFor(() =>
        expect(fetched).toEqual(
          expect.arrayContaining([
            '/api/orgs/initech/members',
            '/api/orgs/initech/members/summary',
          ]),
        ),
      );
    } finally {
      server.events.removeListener('request:start', record);
    }
  }, 40_000);

  it('cancels a running job and keeps what was sent', async () => {
    const { user } = await startJob();
    clock.advance(1000);
    await screen.findByText(/^Sending reminders: 5,000 of/, {}, SLOW);
    await user.click(screen.getByRole('button', { name: 'Cancel sending' }));
    expect(await screen.findByText(/^Cancelled\. Reminder sent to/, {}, SLOW)).toBeInTheDocument();
    const sent = reminders().length;
    clock.advance(60_000);
    await waitFor(() => expect(reminders()).toHaveLength(sent));
    expect(screen.queryByRole('button', { name: 'Cancel sending' })).toBeNull();
  }, 40_000);

  it('resumes the progress of a running job after a reload', async () => {
    await signInAs('olivia');
    const res = await call(
      'POST',
      '/orgs/initech/reminders',
      { filter: { mfa: 'disabled' } },
      { 'Idempotency-Key': 'job-before-reload' },
    );
    expect(res.status).toBe(202);
    clock.advance(1000);
    await renderApp(INITECH_NO_MFA);
    expect(await screen.findByText(/^Sending reminders: 5,000 of/, {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel sending' })).toBeInTheDocument();
  });

  it('shows the outcome of a job that finished while the person was away', async () => {
    await signInAs('olivia');
    const res = await call(
      'POST',
      '/orgs/initech/reminders',
      { filter: { mfa: 'disabled' } },
      { 'Idempotency-Key': 'job-while-away' },
    );
    expect(res.status).toBe(202);
    clock.advance(60_000);
    await call('GET', `/orgs/initech/reminder-jobs/${String(res.json.id)}`);
    await renderApp(INITECH_NO_MFA);
    expect(
      await screen.findByText(/^Reminder sent to [\d,]+ users\./, {}, SLOW),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel sending' })).toBeNull();
  }, 40_000);
});
