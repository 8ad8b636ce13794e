import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '@/mocks/node';
import { codeFor, OLIVIA_SECRET } from '../../../../tests/api';
import { clock, db } from '@/mocks/db';
import { renderApp } from '../../../../tests/render';
import { openAcme, PAGE, rowOf, SLOW, type User } from '../test-helpers';

const BOBBY = 'Robert "Bobby" Tables, Jr.';
const BOBBY_ID = 'usr_acme_09';
const resets = () => db.outbox.filter((m) => m.kind === 'mfa_reset');

/** The Acme page filtered to Bobby, once his row is on screen. */
async function openBobby(as: 'olivia' | 'adam' = 'olivia') {
  const app = await renderApp(`${PAGE}?q=bobby`, { as });
  await screen.findAllByLabelText(`Select ${BOBBY}`, {}, SLOW);
  return app;
}

async function openReset(user: User, name = BOBBY) {
  await user.click(
    await within(rowOf(name)).findByRole('button', { name: `More actions for ${name}` }),
  );
  return screen.findByRole('menuitem', { name: 'Reset MFA…' });
}

async function fillAndSubmit(user: User, reason: string, email: string) {
  const dialog = await screen.findByRole('dialog', { name: `Reset MFA of ${BOBBY}` });
  if (reason) await user.type(within(dialog).getByLabelText(/^Reason/), reason);
  if (email) await user.type(within(dialog).getByLabelText(/^Type bobby@acme.example/), email);
  await user.click(within(dialog).getByRole('button', { name: 'Reset MFA' }));
  return dialog;
}

describe('Managed accounts in the user list', () => {
  it('marks acme.example people "Managed" and offers Reset MFA… only for them', async () => {
    const { user } = await openBobby();
    expect(within(rowOf(BOBBY)).getByText('Managed')).toBeVisible();
    expect(await openReset(user)).toBeEnabled();
  });

  it('does not offer Reset MFA… for example.com accounts', async () => {
    const { user } = await openAcme(`${PAGE}?q=olivia`);
    expect(within(rowOf('Olivia Owner')).queryByText('Managed')).toBeNull();
    await user.click(
      within(rowOf('Olivia Owner')).getByRole('button', { name: 'More actions for Olivia Owner' }),
    );
    await screen.findByRole('menuitem', { name: 'Remind' });
    expect(screen.queryByRole('menuitem', { name: 'Reset MFA…' })).toBeNull();
  });

  it('disables it, with the reason, for an owner when the viewer is an admin', async () => {
    const m = db.memberships.get('org_acme')?.find((x) => x.userId === BOBBY_ID);
    if (m) m.role = 'owner';
    const { user } = await openBobby('adam');
    const item = await openReset(user);
    expect(item).toHaveAttribute('aria-disabled', 'true');
    await user.click(item);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(item).toHaveAccessibleDescription('Admins cannot reset owners');
  });
});

describe('Reset MFA… dialog', () => {
  it('names the person, says what is deleted and why only managed accounts, and checks the fields', async () => {
    const { user } = await openBobby();
    await user.click(await openReset(user));
    const dialog = await fillAndSubmit(user, '', 'bobby@acme.exampel');
    expect(dialog).toHaveTextContent('authenticator app, passkeys and all recovery codes');
    expect(dialog).toHaveTextContent('Their sessions end at once.');
    expect(dialog).toHaveTextContent('They set up MFA again at their next sign-in.');
    expect(dialog).toHaveTextContent(
      'Another organization may rely on the MFA of any other account',
    );
    expect(within(dialog).getByLabelText(/^Reason/)).toHaveAccessibleDescription(
      /Give a reason for the reset/,
    );
    expect(within(dialog).getByLabelText(/^Type bobby/)).toHaveAccessibleDescription(
      /Type bobby@acme.example exactly/,
    );
    await user.click(within(dialog).getByLabelText(/^Reason/));
    await user.paste('x'.repeat(501));
    await user.click(within(dialog).getByRole('button', { name: 'Reset MFA' }));
    expect(await within(dialog).findByText('At most 500 characters (now 501).')).toBeVisible();
    expect(db.mfaResets.size).toBe(0);
  }, 30_000);

  it('with a second owner/admin with MFA: a request, listed for approval', async () => {
    const { user } = await openBobby();
    await user.click(await openReset(user));
    await fillAndSubmit(user, 'Lost phone', 'bobby@acme.example');
    expect(
      await screen.findByText(/Another owner or admin must approve it/, {}, SLOW),
    ).toBeVisible();
    const list = await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW);
    expect(list).toHaveTextContent(`Olivia Owner asked to reset the MFA of ${BOBBY}`);
    expect(list).toHaveTextContent('Reason: Lost phone');
    expect(list).toHaveTextContent('Waiting for another owner or admin to approve.');
    expect(within(list).queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(db.users.get(BOBBY_ID)?.mfa).not.toBeNull();
  }, 30_000);

  it('alone (one owner/admin with MFA): resets at once and says so', async () => {
    const ana = db.users.get('usr_acme_11');
    if (ana) ana.mfa = null;
    const { user } = await openBobby();
    await user.click(await openReset(user));
    await fillAndSubmit(user, 'Lost phone', 'BOBBY@acme.example');
    expect(await screen.findByText(/No second approval was needed/, {}, SLOW)).toBeVisible();
    expect(db.users.get(BOBBY_ID)?.mfa).toBeNull();
    expect(resets()).toHaveLength(1);
  }, 30_000);

  it('a step-up that expires while the form is open (11 minutes to fill it): Confirm with MFA, then the reset', async () => {
    const ana = db.users.get('usr_acme_11');
    if (ana) ana.mfa = null;
    const { user } = await openBobby();
    await user.click(await openReset(user));
    await screen.findByRole('dialog', { name: `Reset MFA of ${BOBBY}` });
    clock.advance(11 * 60_000);
    const dialog = await fillAndSubmit(user, 'Lost phone', 'bobby@acme.example');
    expect(await within(dialog).findByText("Confirm it's you first", {}, SLOW)).toBeVisible();
    expect(db.users.get(BOBBY_ID)?.mfa).not.toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Confirm with MFA' }));
    const stepUp = await screen.findByRole('dialog', { name: "Confirm it's you with MFA" });
    await user.type(within(stepUp).getByLabelText('6-digit code'), codeFor(OLIVIA_SECRET));
    await user.click(within(stepUp).getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/MFA of .* reset\./, {}, SLOW)).toBeVisible();
    expect(resets()).toHaveLength(1);
  }, 40_000);

  it('shows the server’s refusal in the dialog (a reset already waiting)', async () => {
    const { user } = await openBobby();
    await user.click(await openReset(user));
    await fillAndSubmit(user, 'Lost phone', 'bobby@acme.example');
    await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW);
    await user.click(await openReset(user));
    const dialog = await fillAndSubmit(user, 'Again', 'bobby@acme.example');
    expect(await within(dialog).findByRole('alert', {}, SLOW)).toHaveTextContent(
      'A reset of this person is waiting for approval',
    );
  }, 40_000);
});

describe('MFA reset requests', () => {
  async function requestAsOlivia() {
    const { user, unmount } = await openBobby();
    await user.click(await openReset(user));
    await fillAndSubmit(user, 'Lost phone', 'bobby@acme.example');
    await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW);
    unmount();
  }

  it('another admin approves: the reset happens and the events record it', async () => {
    await requestAsOlivia();
    const ana = db.users.get('usr_acme_11');
    const adam = db.users.get('usr_adam');
    if (adam && ana?.mfa) adam.mfa = { ...ana.mfa, recoveryCodeHashes: [] }; // Adam set up MFA
    const { user } = await openAcme(PAGE, 'adam');
    const list = await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW);
    await user.click(
      within(list).getByRole('button', { name: `Approve the MFA reset of ${BOBBY}` }),
    );
    await waitFor(() => expect(db.users.get(BOBBY_ID)?.mfa).toBeNull(), SLOW);
    await waitFor(
      () => expect(screen.queryByRole('list', { name: 'MFA reset requests' })).toBeNull(),
      SLOW,
    );
    const events = await screen.findByRole('table', { name: 'Security events' }, SLOW);
    expect(events).toHaveTextContent(`Adam Admin approved the MFA reset of ${BOBBY}`);
    expect(events).toHaveTextContent(`Olivia Owner asked to reset the MFA of ${BOBBY}`);
    expect(resets()).toHaveLength(1);
  }, 40_000);

  it('Decline ends the request without a reset', async () => {
    await requestAsOlivia();
    const { user } = await openAcme(PAGE);
    const list = await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW);
    await user.click(
      within(list).getByRole('button', { name: `Decline the MFA reset of ${BOBBY}` }),
    );
    await waitFor(
      () => expect(screen.queryByRole('list', { name: 'MFA reset requests' })).toBeNull(),
      SLOW,
    );
    expect(db.users.get(BOBBY_ID)?.mfa).not.toBeNull();
    expect(
      await screen.findByText(`Olivia Owner declined the MFA reset of ${BOBBY}`, {}, SLOW),
    ).toBeVisible();
  }, 40_000);

  it('approving asks to confirm with MFA first when the approver’s step-up is old', async () => {
    await requestAsOlivia();
    const ana = db.users.get('usr_acme_11');
    const m = db.memberships.get('org_acme')?.find((x) => x.userId === 'usr_mia');
    if (m) m.role = 'admin';
    // Mia (now an admin, with Olivia's secret for the test) approves 11 minutes after signing in.
    const mia = db.users.get('usr_mia');
    if (mia && ana?.mfa) mia.mfa = { ...ana.mfa, secret: OLIVIA_SECRET, recoveryCodeHashes: [] };
    const { user } = await renderApp(PAGE, { as: 'mia' });
    clock.advance(11 * 60_000);
    const list = await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW);
    await user.click(
      within(list).getByRole('button', { name: `Approve the MFA reset of ${BOBBY}` }),
    );
    // Asked before sending (the session's MFA is known to be old), not after a refusal.
    expect(
      await screen.findByRole('dialog', { name: "Confirm it's you with MFA" }, SLOW),
    ).toBeVisible();
    expect(db.users.get(BOBBY_ID)?.mfa).not.toBeNull();
  }, 40_000);

  it('says when the requests could not be loaded, with Try again', async () => {
    await requestAsOlivia();
    let failing = true;
    server.use(
      http.get('*/api/orgs/acme/mfa-reset-requests', () =>
        failing
          ? HttpResponse.json(
              { title: 'Server error', status: 500, code: 'server_error', detail: 'Down.' },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : undefined,
      ),
    );
    const { user } = await openAcme(PAGE);
    const alert = await screen.findByText('Could not load the MFA reset requests', {}, SLOW);
    failing = false;
    await user.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', {
        name: 'Try again',
      }),
    );
    expect(await screen.findByRole('list', { name: 'MFA reset requests' }, SLOW)).toBeVisible();
  }, 40_000);
});
