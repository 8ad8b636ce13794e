import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../tests/render';
import { db } from '@/mocks/db';

export type User = Awaited<ReturnType<typeof renderApp>>['user'];

export const PAGE = '/orgs/acme/settings/security';
/** jsdom renders a 25-row Mantine table slowly; the app in a browser is far faster. */
export const SLOW = { timeout: 10_000 };

export const section = () => screen.getByRole('region', { name: 'User security settings' });
export const table = () => screen.getByRole('table', { name: 'Users and their MFA status' });
/** Data rows (the header row has no "Select <name>" checkbox). */
export const dataRows = () =>
  within(table())
    .queryAllByRole('row')
    .filter((row) => within(row).queryByRole('checkbox', { name: /^Select (?!all)/ }));
export const rowOf = (name: string) =>
  within(table())
    .getByRole('checkbox', { name: `Select ${name}` })
    .closest('tr') as HTMLElement;
export const remindButton = () => screen.getByRole('button', { name: /^Remind \(/ });
export const reminders = () => db.outbox.filter((m) => m.kind === 'mfa_reminder');

/** The Acme page for Olivia, once the first page of users is on screen. */
export async function openAcme(path = PAGE, as: 'olivia' | 'adam' = 'olivia') {
  const app = await renderApp(path, { as });
  // Label queries: role queries over a 25-row table are slow in jsdom.
  await screen.findAllByLabelText(
    /^Select (Adam Admin|no-name|Mia Member|Olivia Owner)/,
    {},
    { timeout: 8000 },
  );
  return app;
}
