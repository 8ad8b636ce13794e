import { describe, expect, it } from 'vitest';
import { waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../tests/render';
import { db } from '@/mocks/db';
import { addDays, dateIn, formatDay, startOfDayIso, viewerTimeZone } from '@/lib/zoned-date';
import { oliviaSchedules } from '@/mocks/schedule-test-helpers';
import { TEST_NOW } from '../../../../tests/setup';

const PAGE = '/orgs/acme/settings/security';
const acme = () => {
  const org = db.orgs.get('org_acme');
  if (!org) throw new Error('no acme');
  return org;
};
const today = () => dateIn(TEST_NOW, viewerTimeZone());
/** The calendar's name of a day: "2026-11-29" → "29 November 2026". */
function calendarName(day: string) {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${d} ${month} ${y}`;
}

async function openDialog() {
  const app = await renderApp(PAGE, { as: 'olivia' });
  const button = await app.screen.findByRole(
    'button',
    { name: 'Require from a date…' },
    { timeout: 10_000 },
  );
  await app.user.hover(button); // starts loading the dialog's code, as a pointer does
  await app.user.click(button);
  const dialog = await app.screen.findByRole(
    'dialog',
    { name: 'Require MFA in Acme Corp from a date' },
    { timeout: 10_000 },
  );
  return { ...app, dialog };
}

type App = Awaited<ReturnType<typeof openDialog>>;
const dateField = (dialog: HTMLElement) =>
  within(dialog).getByRole('textbox', { name: /Required from/ });

/** Enters `day` ("2026-12-12") in the date field as a person would, "Dec 12, 2026" (pasted). */
async function typeDate({ user }: Pick<App, 'user'>, dialog: HTMLElement, day: string) {
  await user.clear(dateField(dialog));
  await user.paste(formatDay(day));
}

/** Olivia schedules Acme through the dialog, `days` ahead, with `plan` checked. */
async function scheduleThroughDialog(days = 14) {
  const app = await openDialog();
  await typeDate(app, app.dialog, addDays(today(), days));
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
    const app = await openDialog();
    const { dialog, user } = app;
    await typeDate(app, dialog, today());
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(await within(dialog).findByText('Pick a day from tomorrow on.')).toBeInTheDocument();
    await typeDate(app, dialog, addDays(today(), 366));
    expect(
      await within(dialog).findByText('Pick a day at most 365 days ahead.'),
    ).toBeInTheDocument();
    expect(acme().mfaSchedule).toBeUndefined();
  });

  it('offers in its calendar only the days from tomorrow to 365 days ahead', async () => {
    const { dialog, user, screen } = await openDialog();
    await typeDate({ user }, dialog, addDays(today(), 1)); // the calendar opens under the field
    const day = (d: string) => screen.getByRole('button', { name: calendarName(d) });
    expect(day(today())).toBeDisabled();
    await user.click(day(addDays(today(), 2)));
    expect(dateField(dialog)).toHaveValue(formatDay(addDays(today(), 2)));
    expect(
      within(dialog).getByText(/From the start of that day: Nov 30, 2026, 12:00 AM \(UTC\)/),
    ).toBeInTheDocument();
    await typeDate({ user }, dialog, addDays(today(), 365));
    expect(day(addDays(today(), 365))).toBeEnabled();
    expect(day(addDays(today(), 366))).toBeDisabled();
  });

  it('closes the calendar on Escape, and the dialog only on a second Escape', async () => {
    const { dialog, user, screen } = await openDialog();
    await user.click(dateField(dialog));
    expect(await screen.findByRole('button', { name: 'Next month' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Next month' })).toBeNull());
    expect(dialog).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('schedules with the plan chosen and shows the scheduled state', async () => {
    const app = await openDialog();
    const { dialog, user, screen } = app;
    await user.click(within(dialog).getByRole('checkbox', { name: 'Now' }));
    await typeDate(app, dialog, addDays(today(), 14));
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
    const app = await scheduleThroughDialog();
    const { user, screen } = app;
    const s = acme().mfaSchedule;
    if (!s) throw new Error('no schedule');
    s.requiredFrom += 86_400_000; // someone else moved it a day
    s.version++;
    await user.click(screen.getByRole('button', { name: 'Change date' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the date' });
    await typeDate(app, dialog, addDays(today(), 20));
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

  // Before the test that dismisses the banner: a dismissal holds for a day in this page's memory.
  it("links the banner's Set up MFA back to the page, its query included", async () => {
    await oliviaSchedules(startOfDayIso(addDays(today(), 14), viewerTimeZone()));
    const page = `${PAGE}?q=ada&mfa=disabled`;
    const { screen } = await renderApp(page, { as: 'mia' });
    const banner = await screen.findByRole(
      'region',
      { name: 'Acme Corp requires MFA' },
      { timeout: 10_000 },
    );
    expect(within(banner).getByRole('link', { name: 'Set up MFA' })).toHaveAttribute(
      'href',
      `/profile/security?returnTo=${encodeURIComponent(page)}`,
    );
  });

  it('shows a member the date read-only, and the banner, dismissible for a day', async () => {
    await oliviaSchedules(startOfDayIso(addDays(today(), 14), viewerTimeZone()));
    const { user, screen } = await renderApp(PAGE, { as: 'mia' });
    // The banner is its own chunk, loaded for organizations with a rollout.
    const banner = await screen.findByRole(
      'region',
      { name: 'Acme Corp requires MFA' },
      { timeout: 10_000 },
    );
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
