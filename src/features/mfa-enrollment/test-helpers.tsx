import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { renderApp } from '../../../tests/render';

export type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** The first screen of a test may wait on a cold module load when the whole suite runs. */
export const LOAD = { timeout: 5000 };

/** The setup dialog. */
export const dialog = () => screen.getByRole('dialog', { name: 'Set up an authenticator app' });

/** Set up application → Continue: the enrollment starts and the QR step opens. */
export async function openScanStep(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Set up application' }, LOAD));
  await user.click(within(dialog()).getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Scan the QR code' });
}

/** The key as a person reads it under "Can't scan it?" (groups of four), without spaces. */
export async function readKey(user: User): Promise<string> {
  const toggle = screen.getByRole('button', { name: "Can't scan it?" });
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle);
  const key = await screen.findByText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
  return (key.textContent ?? '').replace(/ /g, '');
}

/** From the QR step to the code field. */
export async function openCodeStep(user: User) {
  await user.click(within(dialog()).getByRole('button', { name: 'Continue' }));
  const field = await screen.findByLabelText('6-digit code');
  await waitFor(() => expect(field).toHaveFocus());
  return field;
}

export async function submitCode(user: User, code: string) {
  const field = screen.getByLabelText('6-digit code');
  await user.clear(field);
  if (code) await user.type(field, code);
  await user.click(screen.getByRole('button', { name: 'Verify & save' }));
}

export const recoveryCodesShown = () =>
  within(screen.getByRole('list', { name: 'Recovery codes' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
