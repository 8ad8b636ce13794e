import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../tests/render';
import { db } from '@/mocks/db';
import { seededRecoveryCodes } from '@/mocks/seed';

type User = Awaited<ReturnType<typeof renderApp>>['user'];
const LOAD = { timeout: 5000 };

/** Olivia has used all but `left` of her seeded recovery codes. */
function oliviaWith(left: number) {
  const mfa = db.users.get('usr_olivia')?.mfa;
  if (mfa)
    mfa.recoveryCodeHashes = mfa.recoveryCodeHashes.map((h, i) => (i < 10 - left ? null : h));
}

async function signInWithRecoveryCode(user: User, code: string) {
  await user.type(await screen.findByLabelText(/^e-mail/i), 'olivia@example.com');
  await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
  await user.type(screen.getByLabelText('Recovery code'), code);
  await user.click(screen.getByRole('button', { name: 'Verify' }));
}

describe('signing in with one of the last recovery codes', () => {
  it('says how many are left and offers Regenerate recovery codes, which opens the dialog', async () => {
    oliviaWith(4);
    const { user, router } = await renderApp('/orgs/acme/settings/security');
    // Typed in capitals with spaces: the server normalises it.
    const code = (seededRecoveryCodes('usr_olivia')[6] ?? '').toUpperCase().replace(/-/g, ' ');
    await signInWithRecoveryCode(user, code);
    expect(await screen.findByRole('heading', { name: 'Few recovery codes left' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Only 3 recovery codes are left.');
    await user.click(screen.getByRole('button', { name: 'Regenerate recovery codes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate recovery codes' }, LOAD);
    expect(within(dialog).getByLabelText('6-digit code')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(router.state.location.pathname).toBe('/profile/security');
  });

  it('says none are left after the last one, and Continue goes where the person was going', async () => {
    oliviaWith(1);
    const { user, router } = await renderApp('/orgs/acme/settings/security');
    await signInWithRecoveryCode(user, seededRecoveryCodes('usr_olivia')[9] ?? '');
    expect(await screen.findByRole('heading', { name: 'No recovery codes left' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('You have none left');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/orgs/acme/settings/security'),
    );
  });

  it('goes straight on with more than 3 left', async () => {
    const { user } = await renderApp('/profile/security');
    await signInWithRecoveryCode(user, seededRecoveryCodes('usr_olivia')[0] ?? '');
    expect(
      await screen.findByRole('button', { name: /user menu for olivia owner/i }, LOAD),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /recovery codes left/i })).toBeNull();
  });

  it('the profile says so at 3 left and offers Regenerate recovery codes', async () => {
    oliviaWith(3);
    await renderApp('/profile/security', { as: 'olivia' });
    expect(await screen.findByText('Recovery codes: 3 of 10 left', {}, LOAD)).toBeVisible();
    expect(screen.getByText(/Only 3 recovery codes are left/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Regenerate recovery codes' })).toBeVisible();
  });
});
