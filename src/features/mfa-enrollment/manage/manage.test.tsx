import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { call, codeFor, GUS_SECRET, miaWithMfa, OLIVIA_SECRET } from '../../../../tests/api';
import { renderApp } from '../../../../tests/render';
import { db } from '@/mocks/db';
import { server } from '@/mocks/node';
import { seededRecoveryCodes } from '@/mocks/seed';
import { LOAD } from '../test-helpers';
import { formatDate } from '@/lib/format';

const modal = (name: string) => screen.getByRole('dialog', { name });

describe('My profile → Security when MFA is on', () => {
  it('shows the authenticator with its date and the recovery codes left', async () => {
    await renderApp('/profile/security', { as: 'olivia' });
    expect(await screen.findByText('Enabled', {}, LOAD)).toBeInTheDocument();
    const enabledAt = db.users.get('usr_olivia')?.mfa?.enabledAt ?? 0;
    const date = formatDate(enabledAt);
    expect(screen.getByText(`· enabled since ${date}`)).toBeInTheDocument();
    expect(screen.getByText('Recovery codes: 10 of 10 left')).toBeInTheDocument();
    expect(screen.queryByText('Few recovery codes left')).not.toBeInTheDocument();
  });

  it('warns when fewer than 4 recovery codes are left', async () => {
    const mfa = db.users.get('usr_olivia')?.mfa;
    if (mfa) mfa.recoveryCodeHashes = mfa.recoveryCodeHashes.map((h, i) => (i < 7 ? null : h));
    await renderApp('/profile/security', { as: 'olivia' });
    expect(await screen.findByText('Few recovery codes left', {}, LOAD)).toBeInTheDocument();
    expect(screen.getByText(/only 3 recovery codes are left/i)).toBeInTheDocument();
  });

  it('shows an error with a retry when the status cannot be loaded', async () => {
    let fail = true;
    server.use(
      http.get('*/api/me/mfa', () =>
        fail
          ? HttpResponse.json(
              {
                type: 'about:blank',
                title: 'Server error',
                status: 503,
                code: 'unavailable',
                detail: 'Try again soon.',
              },
              { status: 503 },
            )
          : undefined,
      ),
    );
    const { user } = await renderApp('/profile/security', { as: 'olivia' });
    expect(
      await screen.findByText('Your MFA status could not be loaded', {}, { timeout: 8000 }),
    ).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Enabled')).toBeInTheDocument();
  });
});

describe('Regenerate recovery codes', () => {
  it('explains a wrong code next to the field and keeps the old codes', async () => {
    const { user } = await renderApp('/profile/security', { as: 'olivia' });
    await user.click(
      await screen.findByRole('button', { name: 'Regenerate recovery codes' }, LOAD),
    );
    const field = screen.getByLabelText('6-digit code');
    const valid = [-1, 0, 1].map((s) => codeFor(OLIVIA_SECRET, s));
    await user.type(field, valid.includes('000000') ? '111111' : '000000');
    await user.click(screen.getByRole('button', { name: 'Regenerate codes' }));
    expect(await screen.findByText(/that code is not correct/i)).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveFocus());
    expect(db.outbox.filter((m) => m.kind === 'recovery_codes_regenerated')).toHaveLength(0);
  });

  it('shows 10 new codes once, voids the old ones and sends an e-mail', async () => {
    const old = seededRecoveryCodes('usr_olivia');
    const { user } = await renderApp('/profile/security', { as: 'olivia' });
    await user.click(
      await screen.findByRole('button', { name: 'Regenerate recovery codes' }, LOAD),
    );
    await user.type(screen.getByLabelText('6-digit code'), codeFor(OLIVIA_SECRET));
    await user.click(screen.getByRole('button', { name: 'Regenerate codes' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    const fresh = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    const done = within(modal('Regenerate recovery codes')).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(done);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await call('POST', '/session/mfa', { recoveryCode: old[0] })).status).toBe(422);
    expect(db.outbox.filter((m) => m.kind === 'recovery_codes_regenerated')).toHaveLength(1);
  });

  it('accepts a recovery code as the confirmation', async () => {
    const { user } = await renderApp('/profile/security', { as: 'olivia' });
    await user.click(
      await screen.findByRole('button', { name: 'Regenerate recovery codes' }, LOAD),
    );
    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(
      screen.getByLabelText('Recovery code'),
      seededRecoveryCodes('usr_olivia')[4] ?? '',
    );
    await user.click(screen.getByRole('button', { name: 'Regenerate codes' }));
    expect(await screen.findByRole('list', { name: 'Recovery codes' })).toBeInTheDocument();
  });
});

describe('Remove authenticator', () => {
  it('lists the organizations that will block the person, then removes MFA with a code', async () => {
    const secret = await miaWithMfa();
    const { user } = await renderApp('/profile/security');
    await user.click(await screen.findByRole('button', { name: 'Remove authenticator' }, LOAD));
    const dialog = modal('Remove authenticator');
    expect(within(dialog).getByText('These organizations will block you')).toBeInTheDocument();
    expect(within(dialog).getByText('Globex')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('6-digit code'), codeFor(secret));
    await user.click(within(dialog).getByRole('button', { name: 'Remove authenticator' }));
    expect(await screen.findByText('Not enabled')).toBeInTheDocument();
    expect(screen.getByText('Your organizations require MFA')).toBeInTheDocument();
    expect(db.users.get('usr_mia')?.mfa).toBeNull();
    expect(db.outbox.filter((m) => m.kind === 'mfa_removed')).toHaveLength(1);
  });

  it('explains a malformed code next to the field without asking the server', async () => {
    await miaWithMfa();
    const { user } = await renderApp('/profile/security');
    await user.click(await screen.findByRole('button', { name: 'Remove authenticator' }, LOAD));
    const field = screen.getByLabelText('6-digit code');
    await user.type(field, '12345');
    // Every request the page sends from here on, as the mock server sees it.
    const sent: string[] = [];
    const record = ({ request }: { request: Request }) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
    };
    server.events.on('request:start', record);
    try {
      await user.click(
        within(modal('Remove authenticator')).getByRole('button', { name: 'Remove authenticator' }),
      );
      expect(
        await screen.findByText('The code must be exactly 6 digits; this one has 5.'),
      ).toBeInTheDocument();
    } finally {
      server.events.removeListener('request:start', record);
    }
    expect(sent.filter((r) => !r.startsWith('GET '))).toEqual([]);
    expect(sent.some((r) => r.includes('/me/mfa/removal'))).toBe(false);
    expect(field).toHaveFocus();
    expect(db.users.get('usr_mia')?.mfa).not.toBeNull();
  });

  it("refuses an owner of an organization that requires MFA with the server's reason", async () => {
    const { user } = await renderApp('/profile/security', { as: 'gus' });
    await user.click(await screen.findByRole('button', { name: 'Remove authenticator' }, LOAD));
    const dialog = modal('Remove authenticator');
    expect(
      within(dialog).getByText('You own an organization that requires MFA'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('6-digit code'), codeFor(GUS_SECRET));
    await user.click(within(dialog).getByRole('button', { name: 'Remove authenticator' }));
    expect(
      await within(dialog).findByText(/you own globex, which requires mfa/i),
    ).toBeInTheDocument();
    expect(db.users.get('usr_gus')?.mfa).not.toBeNull();
  });
});
