import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '@/mocks/node';
import { renderApp } from '../../../tests/render';

const SLOW = { timeout: 10_000 };

describe('Settings → Security when the settings cannot be loaded', () => {
  it('still lists the users and says, with a retry, which parts failed', async () => {
    server.use(
      http.get('*/api/orgs/acme/security', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Server error',
            status: 500,
            code: 'server_error',
            detail: 'Down for maintenance.',
          },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await renderApp('/orgs/acme/settings/security', { as: 'olivia' });
    expect(await screen.findByText(/^1–25 of 48/, {}, SLOW)).toBeInTheDocument();
    expect(await screen.findByText('Could not load security events', {}, SLOW)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThanOrEqual(2);
  }, 30_000);
});
