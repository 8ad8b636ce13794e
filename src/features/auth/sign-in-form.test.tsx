import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp } from '../../../tests/render';
import { clock, db } from '@/mocks/db';

/** Adam's session on another device (a laptop he lost), made before this test signs in. */
function otherDeviceSession() {
  const now = clock.now();
  db.sessions.set('ses_laptop', {
    id: 'ses_laptop',
    userId: 'usr_adam',
    amr: ['pwd'],
    createdAt: now,
    expiresAt: now + 3_600_000,
  });
}

describe('sign-in form: sign out of my other sessions', () => {
  it('ends the other sessions when the box is checked', async () => {
    otherDeviceSession();
    const { user } = await renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/^e-mail/i), 'adam@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
    const box = screen.getByRole('checkbox', { name: /sign out of my other sessions/i });
    expect(box).not.toBeChecked();
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: /user menu for adam/i })).toBeVisible();
    expect(db.sessions.has('ses_laptop')).toBe(false);
    expect([...db.sessions.values()].filter((s) => s.userId === 'usr_adam')).toHaveLength(1);
  });

  it('keeps them when it is not checked', async () => {
    otherDeviceSession();
    const { user } = await renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/^e-mail/i), 'adam@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('button', { name: /user menu for adam/i })).toBeVisible();
    expect(db.sessions.has('ses_laptop')).toBe(true);
  });
});

describe('sign-in form: wrong codes', () => {
  it('counts the tries left in words that agree with the number ("2 tries", "1 try")', async () => {
    const olivia = db.users.get('usr_olivia');
    if (!olivia) throw new Error('no Olivia');
    olivia.mfaLock = { failures: 7, lockedUntil: 0 }; // 10 wrong codes lock: 3 tries left
    const { user } = await renderApp('/sign-in');
    await user.type(await screen.findByLabelText(/^e-mail/i), 'olivia@example.com');
    await user.type(screen.getByLabelText(/^password/i), 'nimbus-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const field = await screen.findByLabelText('6-digit code');
    for (const left of ['2 tries left', '1 try left']) {
      await user.clear(field);
      await user.type(field, '000000');
      await user.click(screen.getByRole('button', { name: 'Verify' }));
      expect(
        await screen.findByText(
          new RegExp(`${left} before a 15-minute lock`),
          {},
          { timeout: 5000 },
        ),
      ).toBeInTheDocument();
    }
  }, 30_000);
});
