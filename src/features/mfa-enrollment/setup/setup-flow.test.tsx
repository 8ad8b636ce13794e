import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { URI } from 'otpauth';
import { call, codeFor } from '../../../../tests/api';
import { decodeQrSvg } from '../../../../tests/qr';
import { renderApp } from '../../../../tests/render';
import { clock, db } from '@/mocks/db';
import {
  LOAD,
  dialog,
  openCodeStep,
  openScanStep,
  readKey,
  recoveryCodesShown,
  submitCode,
} from '../test-helpers';

const adam = () => db.users.get('usr_adam');

describe('My profile → Security: status', () => {
  it('says MFA is not enabled, why it matters, and which organizations require it', async () => {
    await renderApp('/profile/security', { as: 'mia' });
    expect(await screen.findByText('Not enabled')).toBeInTheDocument();
    expect(
      screen.getByText(/a stolen or guessed password alone is then not enough/i),
    ).toBeInTheDocument();
    const alert = screen
      .getByText('Your organizations require MFA')
      .closest('[role="alert"], .mantine-Alert-root');
    expect(alert).not.toBeNull();
    expect(within(alert as HTMLElement).getByText('Globex')).toBeInTheDocument();
    expect(within(alert as HTMLElement).queryByText('Acme Corp')).not.toBeInTheDocument();
  });
});

describe('Set up application', () => {
  it('shows short instructions for the chosen app', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await user.click(await screen.findByRole('button', { name: 'Set up application' }, LOAD));
    expect(
      within(dialog()).getByText('Tap + (Add a code), then Scan a QR code.'),
    ).toBeInTheDocument();
    for (const app of ['Microsoft Authenticator', '1Password', 'Authy', 'Bitwarden', 'Another app'])
      expect(within(dialog()).getByRole('radio', { name: app })).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('radio', { name: 'Authy' }));
    expect(within(dialog()).getByText('In Authy')).toBeInTheDocument();
    expect(
      within(dialog()).getByText('Tap + (Add account), then Scan QR code.'),
    ).toBeInTheDocument();
    expect(db.enrollments.size).toBe(0); // nothing starts before the person continues
  });

  it('shows a QR code of the otpauth URI and the same key in groups of four under "Can\'t scan it?"', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const qr = within(dialog()).getByRole('img', { name: /qr code/i });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    const key = await readKey(user);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    const [enrollment] = [...db.enrollments.values()];
    expect(enrollment?.secret).toBe(key);
    expect(screen.getByRole('button', { name: "Can't scan it?" })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(key);
    // The QR code on the screen, decoded as a scanner reads it, holds this key for this account.
    const scanned = decodeQrSvg(qr);
    expect(scanned).not.toBeNull();
    const totp = URI.parse(scanned ?? '');
    expect(totp).toMatchObject({
      issuer: 'Nimbus',
      label: 'adam@example.com',
      digits: 6,
      period: 30,
    });
    expect(totp.secret.base32).toBe(key);
  });

  it('turns MFA on with a code from the app, shows 10 recovery codes once and ends with nimbus login -f', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    await openCodeStep(user);
    await submitCode(user, codeFor(key));
    expect(
      await screen.findByRole('heading', { name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
    const codes = recoveryCodesShown();
    expect(codes).toHaveLength(10);
    expect(adam()?.mfa?.secret).toBe(key);
    const session = db.sessions.get(db.jar.sessionId ?? '');
    expect(session?.amr).toContain('mfa');
    const next = within(dialog()).getByRole('button', { name: 'Continue' });
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(next);
    expect(
      await screen.findByRole('heading', { name: 'Refresh your SSH credentials' }),
    ).toBeInTheDocument();
    expect(screen.getByText('nimbus login -f')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy the command nimbus login -f' }));
    expect(await navigator.clipboard.readText()).toBe('nimbus login -f');
    await user.click(screen.getByRole('tab', { name: 'Using the CLI' }));
    expect(screen.getByText('nimbus login')).toBeVisible();
    // "In the Console" says what to do in the Console (nothing more), not a CLI command.
    await user.click(screen.getByRole('tab', { name: 'In the Console' }));
    const consolePanel = screen.getByRole('tabpanel', { name: 'In the Console' });
    expect(consolePanel).toHaveTextContent(/Nothing more to do here/);
    expect(consolePanel).not.toHaveTextContent(/nimbus login/);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Enabled')).toBeInTheDocument();
    expect(screen.getByText('Recovery codes: 10 of 10 left')).toBeInTheDocument();
  });

  it('accepts a full code pasted as the app copies it ("123 456")', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    const field = await openCodeStep(user);
    const code = codeFor(key);
    await user.paste(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(field).toHaveValue(code);
    await user.click(screen.getByRole('button', { name: 'Verify & save' }));
    expect(
      await screen.findByRole('heading', { name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
  });

  it.each([
    ['empty', '', 'Enter the 6-digit code from your authenticator app.'],
    ['5 digits', '12345', 'The code must be exactly 6 digits; this one has 5.'],
    ['7 digits', '1234567', 'The code must be exactly 6 digits; this one has 7.'],
    ['letters', '12ab56', 'The code must contain digits 0–9 only.'],
    ['letters among separators', '12a 4-56', 'The code must contain digits 0–9 only.'],
    ['full-width digits', '１２３４５６', 'The code must contain digits 0–9 only.'],
  ])(
    'explains a code that is %s next to the field and keeps focus there',
    async (_, code, message) => {
      const { user } = await renderApp('/profile/security', { as: 'adam' });
      await openScanStep(user);
      const field = await openCodeStep(user);
      await submitCode(user, code);
      expect(await screen.findByText(message)).toBeInTheDocument();
      expect(field).toHaveAccessibleDescription(message);
      expect(field).toHaveFocus();
      expect(adam()?.mfa).toBeNull();
      expect([...db.enrollments.values()][0]?.failures).toBe(0);
    },
  );

  it.each([
    ['2 steps ago', -2],
    ['2 steps ahead', 2],
  ])('refuses a code from %s, says how many tries are left and keeps focus', async (_, offset) => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    const field = await openCodeStep(user);
    await submitCode(user, codeFor(key, offset));
    expect(await screen.findByText(/that code is not correct.*4 tries left/i)).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveValue('');
    expect(adam()?.mfa).toBeNull();
  });

  it('stops after 5 wrong codes and starts again with a new key', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    await openCodeStep(user);
    const valid = [-1, 0, 1].map((s) => codeFor(key, s));
    const wrong = ['000000', '111111', '222222'].find((c) => !valid.includes(c)) ?? '333333';
    for (let i = 0; i < 4; i++) {
      await submitCode(user, wrong);
      expect(await screen.findByText(new RegExp(`${4 - i} tr(y|ies) left`))).toBeInTheDocument();
    }
    await submitCode(user, wrong);
    expect(
      await screen.findByText(/after 5 wrong codes this setup was stopped/i),
    ).toBeInTheDocument();
    expect(adam()?.mfa).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await screen.findByRole('heading', { name: 'Scan the QR code' });
    const fresh = await readKey(user);
    expect(fresh).not.toBe(key);
    await openCodeStep(user);
    await submitCode(user, codeFor(fresh));
    expect(
      await screen.findByRole('heading', { name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
  });

  it('explains an expired setup (10 minutes) and offers to start again', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    await openCodeStep(user);
    clock.advance(10 * 60_000);
    await submitCode(user, codeFor(key));
    expect(await screen.findByText(/expired after 10 minutes/i)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start again' })).toBeInTheDocument();
    expect(adam()?.mfa).toBeNull();
  });

  it('explains a setup that no longer exists on the server and offers to start again', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    await openCodeStep(user);
    db.enrollments.clear();
    await submitCode(user, codeFor(key));
    expect(await screen.findByText(/no setup in progress/i)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start again' })).toBeInTheDocument();
  });

  it('offers "Start over" when a setup is already pending, with a new key', async () => {
    await call('POST', '/auth/sign-in', { email: 'adam@example.com', password: 'nimbus-demo' });
    const earlier = await call('POST', '/me/mfa/totp/enrollments');
    const { user } = await renderApp('/profile/security');
    expect(
      await screen.findByText(/a setup you started is open until/i, {}, LOAD),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set up application' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('A setup is already in progress')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await screen.findByRole('heading', { name: 'Scan the QR code' });
    const key = await readKey(user);
    expect(key).not.toBe(earlier.json.secret);
    expect(db.enrollments.has(String(earlier.json.id))).toBe(false);
  });

  it('says MFA is already on when it was turned on elsewhere, and shows no key', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await user.click(await screen.findByRole('button', { name: 'Set up application' }, LOAD));
    const person = adam();
    if (person)
      person.mfa = {
        secret: 'JBSWY3DPEHPK3PXP',
        enabledAt: clock.now(),
        lastUsedStep: 0,
        recoveryCodeHashes: [],
      };
    await user.click(within(dialog()).getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('MFA is already on')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /qr code/i })).not.toBeInTheDocument();
    expect(db.enrollments.size).toBe(0);
  });

  it('sends one e-mail when "Verify & save" is pressed twice', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    await openCodeStep(user);
    await user.type(screen.getByLabelText('6-digit code'), codeFor(key));
    await user.dblClick(screen.getByRole('button', { name: 'Verify & save' }));
    expect(
      await screen.findByRole('heading', { name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
    expect(db.outbox.filter((m) => m.kind === 'mfa_enabled')).toHaveLength(1);
  });

  it('refuses the code that confirmed enrollment when it is used again to sign in', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    await openCodeStep(user);
    const code = codeFor(key);
    await submitCode(user, code);
    await user.click(
      await screen.findByRole('checkbox', { name: 'I have saved my recovery codes' }),
    );
    await user.click(within(dialog()).getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    await user.click(await screen.findByRole('button', { name: /user menu for adam admin/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    await user.type(await screen.findByLabelText(/^e-mail/i), 'adam@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('6-digit code'), code);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/already used/i)).toBeInTheDocument();
  });
});
