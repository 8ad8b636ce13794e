import { describe, expect, it } from 'vitest';
import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../../tests/render';
import { server } from '@/mocks/node';
import { clock, db } from '@/mocks/db';

const PAGE = '/orgs/acme/settings/security';

function recordEvents(n: number) {
  for (let i = 0; i < n; i++) {
    db.events.push({
      id: `evt_t${i}`,
      orgId: 'org_acme',
      type: i % 2 === 0 ? 'mfa_enforcement_enabled' : 'reminders_sent',
      actorId: i % 2 === 0 ? 'usr_olivia' : 'usr_adam',
      at: clock.now() - (n - i) * 60_000,
      details: i % 2 === 0 ? {} : { recipients: 3 },
    });
  }
}

const eventsSection = (screen: Awaited<ReturnType<typeof renderApp>>['screen']) =>
  screen.findByRole('region', { name: 'Security events' });

describe('Security events', () => {
  it('says there are none yet', async () => {
    const { screen } = await renderApp(PAGE, { as: 'olivia' });
    const section = await eventsSection(screen);
    expect(await within(section).findByText(/No security events yet/)).toBeInTheDocument();
  });

  it('lists who did what, newest first', async () => {
    recordEvents(2);
    const { screen } = await renderApp(PAGE, { as: 'olivia' });
    const section = await eventsSection(screen);
    const table = await within(section).findByRole('table', { name: 'Security events' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Adam Admin sent MFA reminders to 3 people');
    expect(rows[1]).toHaveTextContent('Olivia Owner turned on "MFA required"');
  });

  it('shows a change made on the page at once', async () => {
    const { screen, user } = await renderApp(PAGE, { as: 'olivia' });
    await within(await eventsSection(screen)).findByText(/No security events yet/);
    await user.click(await screen.findByRole('switch', { name: 'Enable' }));
    const dialog = await screen.findByRole('dialog', { name: 'Require MFA for Acme Corp?' });
    await user.click(await within(dialog).findByRole('checkbox', { name: /Remind them now/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Require MFA' }));
    expect(
      await screen.findByRole('cell', { name: 'Olivia Owner turned on "MFA required"' }),
    ).toBeInTheDocument();
  });

  it('pages through many events', async () => {
    recordEvents(12);
    const { screen, user } = await renderApp(PAGE, { as: 'olivia' });
    const section = await eventsSection(screen);
    const table = await within(section).findByRole('table', { name: 'Security events' });
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    await user.click(within(section).getByRole('button', { name: 'Events page 2' }));
    await expect.poll(() => within(table).getAllByRole('row').length).toBe(3);
  });

  it('offers a retry when the events fail to load', async () => {
    server.use(
      http.get('*/api/orgs/:slug/security-events', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Server error',
            status: 503,
            code: 'unavailable',
            detail: 'Try later.',
          },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { screen, user } = await renderApp(PAGE, { as: 'olivia' });
    const section = await eventsSection(screen);
    expect(
      await within(section).findByText('Could not load security events', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    server.resetHandlers();
    await user.click(within(section).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByText(/No security events yet/)).toBeInTheDocument();
  });

  it('tells members the events are for owners and admins', async () => {
    const { screen } = await renderApp(PAGE, { as: 'mia' });
    const section = await eventsSection(screen);
    expect(await within(section).findByText(/Only owners and admins can see/)).toBeInTheDocument();
  });
});
