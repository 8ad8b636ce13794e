import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '@/mocks/node';
import { clock, db, type ActivityRecord } from '@/mocks/db';
import { renderApp } from '../../../../tests/render';
import { signInAs } from '../../../../tests/api';

const LOAD = { timeout: 5000 };
const list = () => screen.findByRole('list', { name: 'Recent security activity' }, LOAD);
const items = async () =>
  within(await list())
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');

function add(userId: string, events: Omit<ActivityRecord, 'id' | 'userId'>[]) {
  for (const e of events) db.activity.push({ ...e, id: `act_t${db.activity.length}`, userId });
}

describe('My profile → Security → Recent security activity', () => {
  it('shows the person’s events newest first, with relative times and the exact time on focus', async () => {
    const now = clock.now();
    add('usr_olivia', [
      { type: 'app_added', at: now - 3 * 86_400_000 },
      { type: 'recovery_code_used', at: now - 2 * 3_600_000, recoveryCodesRemaining: 2 },
      {
        type: 'mfa_reset',
        at: now - 3_600_000,
        actorId: 'usr_adam',
        orgId: 'org_acme',
        reason: 'Lost phone <b>',
      },
      { type: 'mfa_locked', at: now - 60_000, lockedUntil: now + 14 * 60_000 },
    ]);
    await renderApp('/profile/security', { as: 'olivia' });
    const texts = await items();
    expect(texts[0]).toMatch(/^Signed in with an authenticator app code.*just now$/);
    expect(texts[1]).toMatch(/^Code entry locked after 10 wrong codesUntil .*1 minute ago$/);
    expect(texts[2]).toMatch(
      /^MFA reset by Adam Admin of Acme CorpReason: Lost phone <b>1 hour ago$/,
    );
    expect(texts[3]).toMatch(/^Recovery code used \(2 codes left\)2 hours ago$/);
    expect(texts[4]).toMatch(/^Authenticator app added3 days ago$/);
    const time = within(await list()).getByText('3 days ago');
    // Focusable; its exact time is what the CSS tooltip shows on hover and focus, and part of
    // its accessible name (jsdom does not render ::after, so the attribute is checked).
    time.focus();
    expect(time).toHaveFocus();
    expect(time).toHaveAttribute('data-exact', expect.stringMatching(/2026/));
    expect(time).toHaveAccessibleName(/^3 days ago, .*2026/);
  });

  it('shows an empty state when there is nothing yet', async () => {
    await signInAs('mia');
    db.activity.length = 0;
    await renderApp('/profile/security');
    expect(await screen.findByText('No security activity yet.', {}, LOAD)).toBeVisible();
  });

  it('pages on the server: Show older activity loads the next page', async () => {
    add(
      'usr_adam',
      Array.from({ length: 12 }, (_, i) => ({
        type: 'signed_in' as const,
        method: 'password' as const,
        at: clock.now() - (20 - i) * 86_400_000,
      })),
    );
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    expect(await items()).toHaveLength(10);
    await user.click(screen.getByRole('button', { name: 'Show older activity' }));
    await waitFor(async () => expect(await items()).toHaveLength(13));
    expect(screen.queryByRole('button', { name: 'Show older activity' })).toBeNull();
  });

  it(
    'says when it could not be loaded and loads it again with Try again',
    { timeout: 20_000 },
    async () => {
      let failing = true;
      server.use(
        http.get('*/api/me/security-activity', () =>
          failing
            ? HttpResponse.json(
                { title: 'Server error', status: 500, code: 'server_error', detail: 'Down.' },
                { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
              )
            : undefined,
        ),
      );
      const { user } = await renderApp('/profile/security', { as: 'adam' });
      // Two retries (5xx) with back-off come first.
      // (The passkeys section has an alert of its own in jsdom, which has no WebAuthn.)
      const message = await screen.findByText(
        /Your security activity could not be loaded/,
        {},
        { timeout: 10_000 },
      );
      const alert = message.closest<HTMLElement>('[role="alert"]');
      if (!alert) throw new Error('the error is not an alert');
      failing = false;
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await items()).toEqual([expect.stringMatching(/^Signed in with a password only/)]);
    },
  );
});
