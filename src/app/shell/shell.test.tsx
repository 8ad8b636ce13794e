import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../tests/render';
import { codeFor, OLIVIA_SECRET } from '../../../tests/api';
import { clock, db } from '@/mocks/db';
import { seededRecoveryCodes } from '@/mocks/seed';

async function typeCredentials(user: Awaited<ReturnType<typeof renderApp>>['user'], email: string) {
  await user.type(await screen.findByLabelText(/^e-mail/i), email);
  await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in and shell', () => {
  it('signs Olivia in with her password and a code from her seeded secret', async () => {
    const { user, router } = await renderApp('/profile/security');
    await typeCredentials(user, 'olivia@example.com');
    await user.type(await screen.findByLabelText('6-digit code'), codeFor(OLIVIA_SECRET));
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(
      await screen.findByRole('button', { name: /user menu for olivia owner/i }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile/security');
  });

  it('says a wrong code is wrong and keeps focus in the field', async () => {
    const { user } = await renderApp('/sign-in');
    await typeCredentials(user, 'olivia@example.com');
    const field = await screen.findByLabelText('6-digit code');
    await user.type(field, codeFor(OLIVIA_SECRET, 5));
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/that code is not correct/i)).toBeInTheDocument();
    expect(screen.getByLabelText('6-digit code')).toHaveFocus();
  });

  it('refuses a code that was already used to sign in', async () => {
    const code = codeFor(OLIVIA_SECRET);
    const { user } = await renderApp('/sign-in');
    await typeCredentials(user, 'olivia@example.com');
    await user.type(await screen.findByLabelText('6-digit code'), code);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByRole('button', { name: /user menu for olivia/i });
    await user.click(screen.getByRole('button', { name: /user menu for olivia/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    await typeCredentials(user, 'olivia@example.com');
    await user.type(await screen.findByLabelText('6-digit code'), code);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/already used/i)).toBeInTheDocument();
  });

  it('shows until when the code step is locked after 10 wrong codes', async () => {
    const olivia = db.users.get('usr_olivia');
    if (olivia) olivia.mfaLock = { failures: 9, lockedUntil: 0 };
    const { user } = await renderApp('/sign-in');
    await typeCredentials(user, 'olivia@example.com');
    await user.type(await screen.findByLabelText('6-digit code'), codeFor(OLIVIA_SECRET, 5));
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/locked until/i)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verify' })).toBeDisabled();
  });

  it('signs in with a recovery code instead', async () => {
    const { user } = await renderApp('/sign-in');
    await typeCredentials(user, 'olivia@example.com');
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(
      screen.getByLabelText('Recovery code'),
      seededRecoveryCodes('usr_olivia')[2] ?? '',
    );
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(
      await screen.findByRole('button', { name: /user menu for olivia/i }),
    ).toBeInTheDocument();
  });

  it('gives one generic message for a wrong password', async () => {
    const { user } = await renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/^e-mail/i), 'adam@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Incorrect e-mail or password.')).toBeInTheDocument();
  });

  it('sends a person whose session expired to sign-in and back to where they were', async () => {
    const { user, router } = await renderApp('/orgs/acme/settings/security', { as: 'adam' });
    await screen.findByRole('heading', { name: 'MFA required' });
    clock.advance(13 * 3_600_000);
    await router.navigate('/profile/security');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    // The sign-in page's own notice (the page that expired may also have said so on its way out).
    expect(await screen.findByText(/continue where you were/i)).toBeInTheDocument();
    await typeCredentials(user, 'adam@example.com');
    await waitFor(() => expect(router.state.location.pathname).toBe('/profile/security'));
  });

  it('opens My profile and Settings from the user menu and switches organizations', async () => {
    const { user, router } = await renderApp('/profile/security', { as: 'mia' });
    await user.click(await screen.findByRole('button', { name: /user menu for mia member/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'Settings' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/orgs/acme/settings/security'),
    );
    // Pages are code-split: the new page renders once its chunk has loaded.
    expect(
      within(await screen.findByRole('navigation', { name: 'Settings sections' })).getByRole(
        'link',
        { name: 'Security', current: 'page' },
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /switch organization/i }));
    await user.click(await screen.findByRole('menuitem', { name: /globex/i }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe('/orgs/globex/settings/security'),
    );
    await user.click(screen.getByRole('button', { name: /user menu for mia member/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'My profile' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/profile/security'));
    expect(
      within(await screen.findByRole('navigation', { name: 'My profile sections' })).getByRole(
        'link',
        { name: 'Security', current: 'page' },
      ),
    ).toBeInTheDocument();
  });

  it('shows a not-found page for an unknown route', async () => {
    await renderApp('/nowhere', { as: 'adam' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('names an unknown organization instead of crashing', async () => {
    await renderApp('/orgs/nope/settings/security', { as: 'adam' });
    expect(await screen.findByText(/no organization "nope"/i)).toBeInTheDocument();
  });
});

describe('the sign-in code step', () => {
  it('accepts a code pasted with the space authenticator apps show ("123 456")', async () => {
    const { user } = await renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/^e-mail/i), 'olivia@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = codeFor(OLIVIA_SECRET);
    await user.click(await screen.findByLabelText('6-digit code'));
    await user.paste(`${code.slice(0, 3)} ${code.slice(3)}`);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(
      await screen.findByRole('button', { name: /user menu for olivia owner/i }),
    ).toBeInTheDocument();
  });

  it('says letters are not a code, without asking the server', async () => {
    const { user } = await renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/^e-mail/i), 'olivia@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('6-digit code'), '12ab56');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The code must contain digits 0–9 only.')).toBeInTheDocument();
    expect(screen.getByLabelText('6-digit code')).toHaveFocus();
  });
});
