import { describe, expect, it } from 'vitest';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../tests/render';
import { db } from '@/mocks/db';
import { addDays, dateIn, startOfDayIso, viewerTimeZone } from '@/lib/zoned-date';
import { oliviaSchedules } from '@/mocks/schedule-test-helpers';
import { TEST_NOW } from '../../../../tests/setup';

const PAGE = '/orgs/acme/settings/security';
const acme = () => {
  const org = db.orgs.get('org_acme');
  if (!org) throw new Error('no acme');
  return org;
};
const today = () => dateIn(TEST_NOW, viewerTimeZone());

async function openDialog() {
  const app = await renderApp(PAGE, { as: 'olivia' });
  await app.user.click(
    await app.screen.findByRole('button', { name: 'Require from a date…' }, { timeout: 10_000 }),
  );
  const dialog = await app.screen.findByRole('dialog', {
    name: 'Require MFA in Acme Corp from a date',
  });
  return { ...app, dialog };
}

/** Olivia schedules Acme through the dialog, `days` ahead, with `plan` checked. */
async function scheduleThroughDialog(days = 14) {
  const app = await openDialog();
  fireEvent.change(within(app.dialog).getByLabelText(/Required from/), {
    target: { value: addDays(today(), days) },
  });
  await app.user.click(within(app.dialog).getByRole('button', { name: 'Schedule' }));
  await app.screen.findByText(/MFA required from .* \(in 14 days\)/);
  return app;
}

describe('Require from a date…', () => {
  it('offers every wave, names the zone and shows the impact by role', async () => {
    const { dialog } = await openDialog();
    for (const name of ['Now', '7 days before', '3 days before', '1 day before'])
      expect(within(dialog).getByRole('checkbox', { name })).toBeChecked();
    expect(await within(dialog).findByText(/19 of 48 users/)).toBeInTheDocument();
    expect(within(dialog).getByText(/1 admin, 18 members/)).toBeInTheDocument();
    expect(within(dialog).getByText(new RegExp(`\\(${viewerTimeZone()}\\)`))).toBeInTheDocument();
    expect(acme().mfaSchedule).toBeUndefined();
  });

  it('refuses today and more than 365 days ahead in the page, sending nothing', async () => {
    const { dialog, user } = await openDialog();
    const input = within(dialog).getByLabelText(/Required from/);
    fireEvent.change(input, { target: { value: today() } });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(await within(dialog).findByText('Pick a day from tomorrow on.')).toBeInTheDocument();
    fireEvent.change(input, { target: { value: addDays(today(), 366) } });
    expect(
      await within(dialog).findByText('Pick a day at most 365 days ahead.'),
    ).toBeInTheDocument();
    expect(acme().mfaSchedule).toBeUndefined();
  });

  it('schedules with the plan chosen and shows the scheduled state', async () => {
    const { dialog, user, screen } = await openDialog();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Now' }));
    fireEvent.change(within(dialog).getByLabelText(/Required from/), {
      target: { value: addDays(today(), 14) },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText(/MFA required from .* \(in 14 days\)/)).toBeInTheDocument();
    expect(acme().mfaSchedule?.plan).toEqual(['7d', '3d', '1d']);
    // The panel's progress (the user list below has the same sentence).
    expect(screen.getAllByText('29 of 48 users have MFA enabled')).toHaveLength(2);
    expect(screen.getByRole('list', { name: 'Users with MFA by role' })).toHaveTextContent(
      'Admins: 1 of 2',
    );
    expect(screen.getByText(/Next reminder: 7 days before, .* \(in 7 days\)/)).toBeInTheDocument();
    for (const name of ['Change date', 'Cancel schedule', 'Require now'])
      expect(screen.getByRole('button', { name })).toBeEnabled();
  });
});

describe('while scheduled', () => {
  it('cancels after confirmation, and offers to schedule again', async () => {
    const { user, screen } = await scheduleThroughDialog();
    await user.click(screen.getByRole('button', { name: 'Cancel schedule' }));
    const confirm = await screen.findByRole('dialog', { name: 'Cancel the schedule?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel schedule' }));
    expect(await screen.findByText(/The schedule is cancelled/)).toBeInTheDocument();
    expect(acme().mfaSchedule?.status).toBe('cancelled');
    expect(await screen.findByRole('button', { name: 'Require from a date…' })).toBeEnabled();
  });

  it('says "changed meanwhile" when another admin changed it, and shows the fresh state', async () => {
    const { user, screen } = await scheduleThroughDialog();
    const s = acme().mfaSchedule;
    if (!s) throw new Error('no schedule');
    s.requiredFrom += 86_400_000; // someone else moved it a day
    s.version++;
    await user.click(screen.getByRole('button', { name: 'Change date' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the date' });
    fireEvent.change(within(dialog).getByLabelText(/Required from/), {
      target: { value: addDays(today(), 20) },
    });
    await user.click(within(dialog).getByRole('button', { name: 'Save date' }));
    expect(await within(dialog).findByText(/changed the schedule meanwhile/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/\(in 15 days\)/)).toBeInTheDocument());
  });

  it('requires MFA now: the switch turns on', async () => {
    const { user, screen } = await scheduleThroughDialog();
    await user.click(screen.getByRole('button', { name: 'Require now' }));
    const confirm = await screen.findByRole('dialog', { name: 'Require MFA in Acme Corp now?' });
    await user.click(within(confirm).getByRole('button', { name: 'Require now' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Enable' })).toBeChecked());
    expect(acme().mfaRequired).toBe(true);
  });

  it('shows a member the date read-only, and the banner, dismissible for a day', async () => {
    await oliviaSchedules(startOfDayIso(addDays(today(), 14), viewerTimeZone()));
    const { user, screen } = await renderApp(PAGE, { as: 'mia' });
    const banner = await screen.findByRole('region', { name: 'Acme Corp requires MFA' });
    expect(banner).toHaveTextContent(/Acme Corp requires MFA from .* \(in 14 days\)/);
    expect(within(banner).getByRole('link', { name: 'Set up MFA' })).toHaveAttribute(
      'href',
      `/profile/security?returnTo=${encodeURIComponent(PAGE)}`,
    );
    expect(
      await screen.findByText('Only owners and admins can change the schedule.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel schedule' })).toBeNull();
    await user.click(within(banner).getByRole('button', { name: 'Dismiss for a day' }));
    expect(screen.queryByRole('region', { name: 'Acme Corp requires MFA' })).toBeNull();
  });
});
