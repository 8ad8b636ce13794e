import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../../tests/render';
import { server } from '@/mocks/node';
import { dataRows, openAcme, PAGE, rowOf, section, SLOW, table } from '../test-helpers';

const search = (router: { state: { location: { search: string } } }) =>
  new URLSearchParams(router.state.location.search);

describe('User security settings: the list', () => {
  it('shows how many have MFA and the first page of people', async () => {
    await openAcme();
    // The summary has its own request; the rows may arrive first.
    expect(
      await within(section()).findByText('29 of 48 users have MFA enabled'),
    ).toBeInTheDocument();
    const bar = within(section()).getByRole('progressbar');
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(60.4, 0);
    expect(dataRows()).toHaveLength(25);
    expect(screen.getByText('1–25 of 48')).toBeInTheDocument();
  });

  it('shows each person’s role, MFA status and when they were last reminded', async () => {
    await openAcme();
    const adam = rowOf('Adam Admin');
    expect(within(adam).getByText('adam@example.com')).toBeInTheDocument();
    expect(within(adam).getByText('Admin')).toBeInTheDocument();
    expect(within(adam).getByText('Not enabled')).toBeInTheDocument();
    expect(within(adam).getByText('Never')).toBeInTheDocument();
  });

  it('renders awkward names as plain text', async () => {
    await openAcme();
    expect(screen.getByText('<script>alert("pwned")</script>')).toBeInTheDocument();
    expect(screen.getByText('<img src=x onerror=alert(1)> Irene')).toBeInTheDocument();
    expect(table().querySelector('img, script')).toBeNull();
  });

  it('shows a person without a name by e-mail', async () => {
    await openAcme(`${PAGE}?q=no-name`);
    expect(rowOf('no-name@acme.example')).toBeInTheDocument();
    expect(screen.getAllByText('no-name@acme.example')).toHaveLength(1);
  });

  it('searches by name or e-mail after typing settles, and puts it in the URL', async () => {
    const { user, router } = await openAcme();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'adam@');
    await waitFor(() => expect(dataRows()).toHaveLength(1), SLOW);
    expect(rowOf('Adam Admin')).toBeInTheDocument();
    expect(search(router).get('q')).toBe('adam@');
  });

  it('filters by MFA status and role', async () => {
    const { user } = await openAcme();
    await user.selectOptions(screen.getByRole('combobox', { name: 'MFA status' }), 'Not enabled');
    expect(await screen.findByText('1–19 of 19', {}, SLOW)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Admin');
    await waitFor(() => expect(dataRows()).toHaveLength(1), SLOW);
    expect(rowOf('Adam Admin')).toBeInTheDocument();
  });

  it('sorts on the server by a header, says so with aria-sort, and keeps it in the URL', async () => {
    const { user, router } = await openAcme();
    const person = screen.getByRole('columnheader', { name: /Person/ });
    expect(person).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(person).getByRole('button'));
    await waitFor(() => expect(person).toHaveAttribute('aria-sort', 'descending'), SLOW);
    expect(search(router).get('sort')).toBe('-name');
    await user.click(
      within(screen.getByRole('columnheader', { name: /Role/ })).getByRole('button'),
    );
    await waitFor(
      () => expect(within(dataRows()[0] as HTMLElement).getByText('Owner')).toBeVisible(),
      SLOW,
    );
  });

  it('reproduces a view from a link', async () => {
    const { router } = await openAcme(`${PAGE}?mfa=disabled&sort=-name&perPage=10&page=2`);
    expect(await screen.findByText('11–19 of 19', {}, SLOW)).toBeInTheDocument();
    expect(search(router).toString()).toBe('mfa=disabled&sort=-name&perPage=10&page=2');
    expect(screen.getByRole('combobox', { name: 'MFA status' })).toHaveValue('disabled');
    expect(screen.getByRole('columnheader', { name: /Person/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('shows the default view for a link with values it does not know, and says so in the URL', async () => {
    const { router } = await openAcme(
      `${PAGE}?sort=bogus&page=-3&perPage=7&mfa=maybe&role=king&q=%20%20&tab=keep`,
    );
    expect(await screen.findByText('1–25 of 48', {}, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?tab=keep'));
  });

  it('pages and changes the page size', async () => {
    const { user } = await openAcme();
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('26–48 of 48', {}, SLOW)).toBeInTheDocument();
    expect(dataRows()).toHaveLength(23);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Rows per page' }),
      '10 per page',
    );
    expect(await screen.findByText('1–10 of 48', {}, SLOW)).toBeInTheDocument();
  });

  it('says when no one matches and clears the filters', async () => {
    const { user } = await openAcme();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'zzzz');
    expect(await screen.findByText('No one matches “zzzz”.', {}, SLOW)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('1–25 of 48', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  it('shows an error with Retry when the list cannot be loaded', async () => {
    server.use(
      http.get('*/api/orgs/:slug/members', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Too many requests',
            status: 429,
            code: 'rate_limited',
            detail: 'Slow down.',
          },
          { status: 429, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = await renderApp(PAGE, { as: 'olivia' });
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('Could not load the users');
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1–25 of 48', {}, SLOW)).toBeInTheDocument();
  });

  it('tells a plain member that only owners and admins see it, and loads nothing', async () => {
    await renderApp(PAGE, { as: 'mia' });
    expect(
      await screen.findByText(
        'Only owners and admins can see who has MFA and send reminders.',
        {},
        SLOW,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Users and their MFA status' })).toBeNull();
  });

  it('keeps at most one page of rows in the DOM for 100,000 users', async () => {
    await renderApp('/orgs/initech/settings/security?perPage=100', { as: 'olivia' });
    expect(await screen.findByText('1–100 of 100,000', {}, { timeout: 5000 })).toBeInTheDocument();
    // The user table's rows (the seeded rollout puts Initech's security events in another table).
    const table = screen.getByRole('table', { name: 'Users and their MFA status' });
    expect(within(table).getAllByRole('row').length).toBeLessThanOrEqual(101);
  });
});

describe('CSV export', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('downloads the server’s CSV of the current filter', async () => {
    const blobs: Blob[] = [];
    // jsdom has no object URLs; capture what would be downloaded.
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    };
    URL.revokeObjectURL = () => {};
    const { user } = await openAcme(`${PAGE}?mfa=disabled`);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const text = await (blobs[0] as Blob).text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('name,email,role,mfa_enabled,last_reminded_at,methods');
    expect(lines).toHaveLength(20);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });
});
