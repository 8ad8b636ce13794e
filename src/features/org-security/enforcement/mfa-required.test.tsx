import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { saveTimeout } from '../api';
import { renderApp } from '../../../../tests/render';
import { codeFor, OLIVIA_SECRET } from '../../../../tests/api';
import { server } from '@/mocks/node';
import { db } from '@/mocks/db';
import { createSession } from '@/mocks/sessions';

const PAGE = '/orgs/acme/settings/security';
const acme = () => {
  const org = db.orgs.get('org_acme');
  if (!org) throw new Error('no acme');
  return org;
};
const acmeEvents = () => db.events.filter((e) => e.orgId === 'org_acme');

async function openEnableDialog(as: 'olivia' = 'olivia') {
  const app = await renderApp(PAGE, { as });
  await app.user.click(await app.screen.findByRole('switch', { name: 'Enable' }));
  const dialog = await app.screen.findByRole('dialog', { name: 'Require MFA for Acme Corp?' });
  return { ...app, dialog };
}

describe('MFA required area', () => {
  it('shows the setting off, what it does and that it never changed', async () => {
    const { screen } = await renderApp(PAGE, { as: 'olivia' });
    expect(await screen.findByRole('heading', { name: 'MFA required' })).toBeInTheDocument();
    const toggle = await screen.findByRole('switch', { name: 'Enable' });
    expect(toggle).not.toBeChecked();
    expect(toggle).toBeEnabled();
    expect(screen.getByText(/everyone in this organization must have MFA/)).toBeInTheDocument();
    expect(screen.getByText('Never changed.')).toBeInTheDocument();
  });

  it('shows the impact by role before anything changes', async () => {
    const { dialog } = await openEnableDialog();
    expect(await within(dialog).findByText(/19 of 48 users/)).toBeInTheDocument();
    const byRole = within(dialog).getByRole('list', { name: 'Users without MFA by role' });
    expect(byRole).not.toHaveTextContent('owner');
    expect(byRole).toHaveTextContent('1 admin');
    expect(byRole).toHaveTextContent('18 members');
    expect(within(dialog).getByText(/Console, Git, SSH and API/)).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: /Remind them now/ })).toBeChecked();
    expect(acme().mfaRequired).toBe(false);
  });

  it('shows who would be blocked: the user list filtered to MFA not enabled', async () => {
    const { dialog, user, router } = await openEnableDialog();
    await user.click(await within(dialog).findByRole('button', { name: /See who they are/ }));
    await waitFor(() => expect(router.state.location.search).toContain('mfa=disabled'));
    expect(await screen.findByText(/^1–19 of 19/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(acme().mfaRequired).toBe(false);
  });

  it('enables enforcement and reminds everyone without MFA in the same step', async () => {
    const { dialog, user, screen } = await openEnableDialog();
    await within(dialog).findByText(/19 of 48 users/);
    await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
    expect(await screen.findByText('MFA is now required in Acme Corp')).toBeInTheDocument();
    expect(screen.getByText(/Reminders sent to 19 people/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Enable' })).toBeChecked();
    expect(acme().mfaRequired).toBe(true);
    expect(
      acmeEvents()
        .map((e) => e.type)
        .sort(),
    ).toEqual(['mfa_enforcement_enabled', 'reminders_sent']);
    expect(db.outbox.filter((m) => m.kind === 'mfa_reminder')).toHaveLength(19);
    expect(await screen.findByText(/Last changed by Olivia Owner/)).toBeInTheDocument();
  });

  it('enables enforcement without e-mails when "Remind them now" is cleared', async () => {
    const { dialog, user, screen } = await openEnableDialog();
    await user.click(await within(dialog).findByRole('checkbox', { name: /Remind them now/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
    expect(await screen.findByText('MFA is now required in Acme Corp')).toBeInTheDocument();
    expect(db.outbox).toHaveLength(0);
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    const { dialog, user, screen } = await openEnableDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Enable' })).not.toBeChecked();
    expect(acme().version).toBe(1);
  });

  it('sends one change for a double click on the confirm button', async () => {
    const { dialog, user, screen } = await openEnableDialog();
    await within(dialog).findByText(/19 of 48 users/);
    await user.dblClick(within(dialog).getByRole('button', { name: 'Require MFA' }));
    await screen.findByText('MFA is now required in Acme Corp');
    expect(acmeEvents().filter((e) => e.type === 'mfa_enforcement_enabled')).toHaveLength(1);
    expect(db.outbox).toHaveLength(19);
  });

  it('asks before turning enforcement off, and records it', async () => {
    acme().mfaRequired = true;
    const { user, screen } = await renderApp(PAGE, { as: 'olivia' });
    await user.click(await screen.findByRole('switch', { name: 'Enable' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop requiring MFA for Acme Corp?' });
    expect(within(dialog).getByText(/get access to Acme Corp/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Stop requiring MFA' }));
    expect(await screen.findByText('MFA is no longer required in Acme Corp')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Enable' })).not.toBeChecked();
    expect(acmeEvents().map((e) => e.type)).toEqual(['mfa_enforcement_disabled']);
  });

  it('keeps the switch where it was and offers a retry when the server fails', async () => {
    server.use(
      http.patch('*/api/orgs/:slug/security', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Server error',
            status: 500,
            code: 'internal',
            detail: 'Database unavailable.',
          },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { dialog, user, screen } = await openEnableDialog();
    await within(dialog).findByText(/19 of 48 users/);
    await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
    expect(
      await within(dialog).findByText(/Database unavailable\. The setting was not changed\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Enable' })).not.toBeChecked();
    server.resetHandlers();
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('MFA is now required in Acme Corp')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Enable' })).toBeChecked();
  });

  it('keeps the switch unchanged when the save never reaches the server', async () => {
    server.use(http.patch('*/api/orgs/:slug/security', () => HttpResponse.error()));
    const { dialog, user, screen } = await openEnableDialog();
    await within(dialog).findByText(/19 of 48 users/);
    await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
    expect(await within(dialog).findByText(/could not be reached/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(screen.getByRole('switch', { name: 'Enable' })).not.toBeChecked();
    expect(acme().mfaRequired).toBe(false);
  });

  it('keeps the switch unchanged and offers a retry when the save times out', async () => {
    saveTimeout.ms = 200;
    server.use(http.patch('*/api/orgs/:slug/security', () => delay('infinite')));
    try {
      const { dialog, user, screen } = await openEnableDialog();
      await within(dialog).findByText(/19 of 48 users/);
      await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
      expect(await within(dialog).findByRole('button', { name: 'Try again' })).toBeEnabled();
      expect(screen.getByRole('switch', { name: 'Enable' })).not.toBeChecked();
      expect(acme().mfaRequired).toBe(false);
    } finally {
      saveTimeout.ms = 15_000;
    }
  });

  it('says the setting changed meanwhile and shows the fresh state', async () => {
    const { dialog, user, screen } = await openEnableDialog();
    await within(dialog).findByText(/19 of 48 users/);
    // Another owner turns it on while the dialog is open.
    Object.assign(acme(), {
      mfaRequired: true,
      version: 2,
      updatedBy: 'usr_adam',
      updatedAt: Date.now(),
    });
    await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
    expect(await screen.findByText('Changed by someone else meanwhile')).toBeInTheDocument();
    expect(screen.getByText(/It is now on\. Last changed by Adam Admin/)).toBeInTheDocument();
    expect(await screen.findByRole('switch', { name: 'Enable' })).toBeChecked();
    expect(db.outbox).toHaveLength(0);
    expect(acmeEvents()).toHaveLength(0);
  });
});

describe('who may change it', () => {
  it('shows an admin without MFA the switch disabled, why, and where to set up MFA', async () => {
    const { screen } = await renderApp(PAGE, { as: 'adam' });
    expect(await screen.findByRole('switch', { name: 'Enable' })).toBeDisabled();
    expect(screen.getByText(/Set up MFA for your own account first/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My profile → Security' })).toHaveAttribute(
      'href',
      '/profile/security?returnTo=%2Forgs%2Facme%2Fsettings%2Fsecurity',
    );
  });

  it('shows a member the setting read-only', async () => {
    const { screen } = await renderApp(PAGE, { as: 'mia' });
    expect(await screen.findByRole('switch', { name: 'Enable' })).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change this.')).toBeInTheDocument();
    expect(
      screen.getByText(/Only owners and admins can see the security events/),
    ).toBeInTheDocument();
  });

  it('lets an owner who signed in without MFA confirm with a code, then change it', async () => {
    createSession('usr_olivia', ['pwd']);
    const { screen, user } = await renderApp(PAGE);
    expect(await screen.findByRole('switch', { name: 'Enable' })).toBeDisabled();
    expect(screen.getByText(/You signed in without MFA this time/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm with MFA' }));
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you with MFA" });
    await user.type(within(dialog).getByLabelText('6-digit code'), codeFor(OLIVIA_SECRET));
    await user.click(within(dialog).getByRole('button', { name: 'Verify' }));
    await expect.poll(() => screen.getByRole('switch', { name: 'Enable' })).toBeEnabled();
  });
});
