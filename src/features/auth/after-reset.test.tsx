import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../../tests/render';
import { db } from '@/mocks/db';

describe('signing in after an organization reset one’s MFA', () => {
  it('goes to My profile → Security with setup open and says why', async () => {
    const bobby = db.users.get('usr_acme_09');
    if (bobby) {
      bobby.mfa = null;
      bobby.mfaSetupRequired = true;
    }
    const { user, router } = await renderApp('/orgs/acme/settings/security');
    await user.type(await screen.findByLabelText(/^e-mail/i), 'bobby@acme.example');
    await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('dialog', { name: 'Set up an authenticator app' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Set up MFA again')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(router.state.location.pathname).toBe('/profile/security');
  });
});
