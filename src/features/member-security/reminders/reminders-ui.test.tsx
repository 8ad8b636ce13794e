import { screen, waitFor, within } from '@testing-library/react';
import { getResponse, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { clock, db } from '@/mocks/db';
import { handlers } from '@/mocks/routes';
import { server } from '@/mocks/node';
import {
  dataRows,
  openAcme,
  PAGE,
  reminders,
  remindButton,
  rowOf,
  SLOW,
  type User,
} from '../test-helpers';

const NO_MFA = `${PAGE}?mfa=disabled&perPage=50`;

async function openMore(user: User, name: string) {
  await user.click(within(rowOf(name)).getByRole('button', { name: `More actions for ${name}` }));
  return screen.findByRole('menuitem', { name: 'Remind' });
}

function recordSends() {
  const bodies: unknown[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.endsWith('/reminders'))
      void request
        .clone()
        .json()
        .then((b) => bodies.push(b));
  });
  return bodies;
}

describe('More → Remind', () => {
  it('reminds one person and updates the row without a reload', async () => {
    const { user } = await openAcme(NO_MFA);
    await user.click(await openMore(user, 'Mia Member'));
    expect(await screen.findByText('Reminder sent to Mia Member.', {}, SLOW)).toBeInTheDocument();
    expect(reminders().map((m) => m.to)).toEqual(['mia@example.com']);
    await waitFor(() => expect(within(rowOf('Mia Member')).queryByText('Never')).toBeNull(), SLOW);
  });

  it('is disabled, with the reason, for someone who has MFA', async () => {
    const { user } = await openAcme(`${PAGE}?q=olivia`);
    const item = await openMore(user, 'Olivia Owner');
    // Disabled but focusable (APG menu), so its reason is read out; choosing it does nothing.
    expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.click(item);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(reminders()).toEqual([]);
    expect(item).toHaveAccessibleDescription('Already has MFA');
  });

  it('is disabled, with the reason, for someone reminded in the last 24 hours', async () => {
    const acme = db.memberships.get('org_acme') ?? [];
    const mia = acme.find((m) => m.userId === 'usr_mia');
    if (mia) mia.lastRemindedAt = clock.now() - 3_600_000;
    const { user } = await openAcme(NO_MFA);
    const item = await openMore(user, 'Mia Member');
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveAccessibleDescription('Reminded in the last 24 hours');
  });
});

describe('bulk Remind', () => {
  it('names the count, and reports who was sent and who was skipped and why', async () => {
    const acme = db.memberships.get('org_acme') ?? [];
    const adam = acme.find((m) => m.userId === 'usr_adam');
    if (adam) adam.lastRemindedAt = clock.now() - 3_600_000; // the server will skip him
    const { user } = await openAcme(`${PAGE}?perPage=50`);
    for (const name of ['Mia Member', 'Bea Ivanova', 'Carlos Jensen', 'Adam Admin', 'Olivia Owner'])
      await user.click(within(rowOf(name)).getByRole('checkbox'));
    // Before sending, the server's preview: who gets an e-mail, who is skipped and why.
    await waitFor(() => expect(remindButton()).toHaveAccessibleName('Remind (3)'));
    await waitFor(() =>
      expect(remindButton()).toHaveAccessibleDescription(
        '2 skipped: 1 has MFA, 1 reminded in the last 24 hours.',
      ),
    );
    await user.click(remindButton());
    expect(
      await screen.findByText(
        'Reminder sent to 3 users. 2 skipped: 1 already has MFA, 1 was reminded in the last 24 hours.',
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(reminders()).toHaveLength(3);
    expect(remindButton()).toHaveAccessibleName('Remind (0)');
  }, 40_000);

  it('is disabled when no one selected can be reminded', async () => {
    const { user } = await openAcme(`${PAGE}?q=olivia`);
    await user.click(within(rowOf('Olivia Owner')).getByRole('checkbox'));
    expect(remindButton()).toHaveAccessibleName('Remind (0)');
    expect(remindButton()).toBeDisabled();
    await waitFor(() =>
      expect(remindButton()).toHaveAccessibleDescription('1 skipped: 1 has MFA.'),
    );
  });

  it('keeps the selection across pages', async () => {
    const { user } = await openAcme(`${PAGE}?mfa=disabled&perPage=10`);
    await user.click(within(rowOf('Adam Admin')).getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await screen.findByText('11–19 of 19', {}, SLOW);
    await user.click(within(dataRows()[0] as HTMLElement).getByRole('checkbox'));
    expect(remindButton()).toHaveAccessibleName('Remind (2)');
    await user.click(screen.getByRole('button', { name: 'Page 1' }));
    await screen.findByText('1–10 of 19', {}, SLOW);
    expect(within(rowOf('Adam Admin')).getByRole('checkbox')).toBeChecked();
  });

  it('clears the selection when the filter changes, and says so', async () => {
    const { user } = await openAcme();
    await user.click(within(rowOf('Adam Admin')).getByRole('checkbox'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Admin');
    expect(
      await screen.findByText('Selection cleared because the filter changed.'),
    ).toBeInTheDocument();
    expect(remindButton()).toHaveAccessibleName('Remind (0)');
  });

  it('selects the page, then everyone matching, and sends the filter rather than ids', async () => {
    const bodies = recordSends();
    const { user } = await openAcme(`${PAGE}?mfa=disabled&perPage=10`);
    const header = screen.getByRole('checkbox', { name: 'Select all on this page' });
    await user.click(within(rowOf('Adam Admin')).getByRole('checkbox'));
    expect(header).toHaveAttribute('data-indeterminate', 'true');
    await user.click(header);
    expect(remindButton()).toHaveAccessibleName('Remind (10)');
    await user.click(screen.getByRole('button', { name: 'Select all 19 users that match' }));
    expect(screen.getByText('All 19 users that match are selected.')).toBeInTheDocument();
    await waitFor(() => expect(remindButton()).toBeEnabled());
    expect(remindButton()).toHaveAccessibleName('Remind (19)');
    await user.click(remindButton());
    expect(await screen.findByText('Reminder sent to 19 users.', {}, SLOW)).toBeInTheDocument();
    expect(bodies).toEqual([{ filter: { mfa: 'disabled' } }]);
    expect(reminders()).toHaveLength(19);
  });

  it('sends once on a double click', async () => {
    const bodies = recordSends();
    const { user } = await openAcme(NO_MFA);
    await user.click(within(rowOf('Mia Member')).getByRole('checkbox'));
    await user.dblClick(remindButton());
    await screen.findByText('Reminder sent to 1 user.', {}, SLOW);
    expect(bodies).toHaveLength(1);
    expect(reminders()).toHaveLength(1);
  });

  it('keeps the selection after a failure, and a retry sends no duplicate', async () => {
    // The server sends, then the connection drops before the answer arrives.
    server.use(
      http.post(
        '*/api/orgs/:slug/reminders',
        async ({ request }) => {
          await getResponse(handlers, request);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = await openAcme(NO_MFA);
    await user.click(within(rowOf('Mia Member')).getByRole('checkbox'));
    await user.click(within(rowOf('Adam Admin')).getByRole('checkbox'));
    await user.click(remindButton());
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('The reminder was not confirmed.');
    expect(remindButton()).toHaveAccessibleName('Remind (2)');
    expect(reminders()).toHaveLength(2);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Reminder sent to 2 users.', {}, SLOW)).toBeInTheDocument();
    expect(reminders()).toHaveLength(2);
  });

  it('says when to try again after too many sends', async () => {
    db.reminderSends.set(
      'usr_olivia',
      Array.from({ length: 20 }, () => clock.now() - 15_000),
    );
    const { user } = await openAcme(NO_MFA);
    await user.click(within(rowOf('Mia Member')).getByRole('checkbox'));
    await user.click(remindButton());
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      /Too many reminders were sent in the last minute\. Try again in \d+ seconds \(at .+\)\./,
    );
    expect(remindButton()).toHaveAccessibleName('Remind (1)');
    expect(reminders()).toHaveLength(0);
  });
});
