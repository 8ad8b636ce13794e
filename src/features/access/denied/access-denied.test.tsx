import { describe, expect, it } from 'vitest';
import { within } from '@testing-library/react';
import { renderApp } from '../../../../tests/render';
import { codeFor, GUS_SECRET } from '../../../../tests/api';
import { db } from '@/mocks/db';
import { createSession } from '@/mocks/sessions';

const ACME = '/orgs/acme/settings/security';
const GLOBEX = '/orgs/globex/settings/security';

function requireMfaInAcme() {
  const org = db.orgs.get('org_acme');
  if (!org) throw new Error('no acme');
  org.mfaRequired = true;
  org.version++;
  return org;
}

const blockedRegion = (screen: Awaited<ReturnType<typeof renderApp>>['screen']) =>
  screen.findByRole('region', { name: 'Access denied' });

describe('blocked by enforcement', () => {
  it('shows Mia the MFA line with a link to set it up and come back, instead of the page', async () => {
    requireMfaInAcme();
    const { screen } = await renderApp(ACME, { as: 'mia' });
    const region = await blockedRegion(screen);
    expect(within(region).getByRole('heading', { name: 'Access denied' })).toBeInTheDocument();
    const lines = within(region).getAllByRole('listitem');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveTextContent('Multi-factor authentication (MFA)');
    expect(within(region).getByRole('link', { name: 'Set up MFA' })).toHaveAttribute(
      'href',
      '/profile/security?returnTo=%2Forgs%2Facme%2Fsettings%2Fsecurity',
    );
    expect(
      within(region).getByText(/Signed in as Mia Member \(mia@example.com\)/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'MFA required' })).not.toBeInTheDocument();
  });

  it('shows Mia both the MFA and the SSO line in Globex', async () => {
    const { screen } = await renderApp(GLOBEX, { as: 'mia' });
    const region = await blockedRegion(screen);
    const lines = within(region).getAllByRole('listitem');
    expect(lines.map((l) => l.textContent)).toEqual([
      expect.stringContaining('Multi-factor authentication (MFA)'),
      expect.stringContaining('Single sign-on (SSO), provider: acme'),
    ]);
    expect(
      within(lines[1] as HTMLElement).getByRole('button', { name: 'Sign in with acme' }),
    ).toBeInTheDocument();
  });

  it('removes the SSO line once Mia signs in with the provider, keeping the MFA line', async () => {
    const { screen, user } = await renderApp(GLOBEX, { as: 'mia' });
    await user.click(await screen.findByRole('button', { name: 'Sign in with acme' }));
    await expect.poll(() => screen.queryByText('Single sign-on (SSO), provider: acme')).toBeNull();
    const region = await blockedRegion(screen);
    expect(within(region).getByText('Multi-factor authentication (MFA)')).toBeInTheDocument();
    expect(db.sessions.get(db.jar.sessionId ?? '')?.amr).toContain('sso:acme');
  });

  it('lets someone with MFA but a password-only session sign in again with MFA and SSO, then opens the page', async () => {
    createSession('usr_gus', ['pwd']);
    const { screen, user } = await renderApp(GLOBEX);
    await user.click(await screen.findByRole('button', { name: 'Sign in again with MFA' }));
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you with MFA" });
    await user.type(within(dialog).getByLabelText('6-digit code'), codeFor(GUS_SECRET));
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    await user.click(await screen.findByRole('button', { name: 'Sign in with acme' }));
    expect(await screen.findByRole('heading', { name: 'MFA required' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Access denied' })).not.toBeInTheDocument();
  });

  it('says why a wrong step-up code failed and keeps the person blocked', async () => {
    createSession('usr_gus', ['pwd']);
    const { screen, user } = await renderApp(GLOBEX);
    await user.click(await screen.findByRole('button', { name: 'Sign in again with MFA' }));
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you with MFA" });
    await user.type(within(dialog).getByLabelText('6-digit code'), '12345');
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    expect(
      within(dialog).getByText('The code must be exactly 6 digits; this one has 5.'),
    ).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('6-digit code'));
    await user.type(within(dialog).getByLabelText('6-digit code'), '000000');
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    expect(await within(dialog).findByText(/not correct/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('6-digit code')).toHaveFocus();
  });

  it("blocks a member's open page at their next request after enforcement, without crashing", async () => {
    const { screen, queryClient } = await renderApp(ACME, { as: 'mia' });
    expect(await screen.findByText('Only owners and admins can change this.')).toBeInTheDocument();
    requireMfaInAcme();
    await queryClient.invalidateQueries(); // what a window focus or the next action does
    const region = await blockedRegion(screen);
    expect(within(region).getByText('Multi-factor authentication (MFA)')).toBeInTheDocument();
  });

  it('renders a denied mutation the same way as a denied page', async () => {
    const { screen, user } = await renderApp(ACME, { as: 'olivia' });
    await user.click(await screen.findByRole('switch', { name: 'Enable' }));
    const dialog = await screen.findByRole('dialog', { name: 'Require MFA for Acme Corp?' });
    await within(dialog).findByText(/19 of 48 users/);
    // Acme starts to require SSO while Olivia has the dialog open.
    const org = db.orgs.get('org_acme');
    if (org) org.ssoProvider = 'acme';
    await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
    const region = await blockedRegion(screen);
    expect(within(region).getByText('Single sign-on (SSO), provider: acme')).toBeInTheDocument();
    expect(org?.mfaRequired).toBe(false);
  });

  it('opens the page when Mia comes back after setting up MFA elsewhere, not the old denial', async () => {
    requireMfaInAcme();
    const { screen, user, router } = await renderApp(ACME, { as: 'mia' });
    await user.click(within(await blockedRegion(screen)).getByRole('link', { name: 'Set up MFA' }));
    await expect.poll(() => router.state.location.pathname).toBe('/profile/security');
    // What the enrollment on My profile → Security does: MFA on, and this session now has it.
    const mia = db.users.get('usr_mia');
    const olivia = db.users.get('usr_olivia');
    if (mia && olivia?.mfa) mia.mfa = { ...olivia.mfa };
    db.sessions.get(db.jar.sessionId ?? '')?.amr.push('mfa');
    await router.navigate(ACME);
    expect(await screen.findByRole('heading', { name: 'MFA required' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Access denied' })).not.toBeInTheDocument();
  });

  it('keeps the organization switcher working: Mia leaves blocked Globex for Acme', async () => {
    const { screen, user } = await renderApp(GLOBEX, { as: 'mia' });
    await blockedRegion(screen);
    await user.click(screen.getByRole('button', { name: /Switch organization/ }));
    await user.click(await screen.findByRole('menuitem', { name: /Acme Corp/ }));
    expect(await screen.findByRole('heading', { name: 'MFA required' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Access denied' })).not.toBeInTheDocument();
  });
});
