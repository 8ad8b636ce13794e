import { queryKeys } from '@/api/query-keys';
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { server } from '@/mocks/node';
import { signInAs } from '../../../tests/api';
import { renderApp } from '../../../tests/render';
import { createAppRouter, preloadPages } from '../router';

/** Paths of the API requests the app makes from now on. */
function recordRequests() {
  const paths: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    paths.push(new URL(request.url).pathname);
  };
  server.events.on('request:start', listener);
  return { paths, stop: () => server.events.removeListener('request:start', listener) };
}

describe('the first load of a page', () => {
  it("asks for the session, the shell's and the page's data before anything renders", async () => {
    await signInAs('olivia');
    await preloadPages();
    const requests = recordRequests();
    const { queryClient } = createAppRouter({ initialPath: '/profile/security' });
    await waitFor(() => expect(queryClient.getQueryData(queryKeys.me.mfaStatus())).toBeDefined());
    expect(queryClient.getQueryData(queryKeys.me.profile())).toBeDefined();
    expect(queryClient.getQueryData(queryKeys.orgList())).toBeDefined();
    requests.stop();
    expect(requests.paths[0]).toBe('/api/session');
    expect(requests.paths).toEqual(
      expect.arrayContaining(['/api/session', '/api/orgs', '/api/me', '/api/me/mfa']),
    );
  });

  it("asks for an organization's user list only for someone who may see it", async () => {
    await preloadPages();
    await signInAs('mia'); // a member of Acme
    let requests = recordRequests();
    let app = createAppRouter({ initialPath: '/orgs/acme/settings/security' });
    await waitFor(() => expect(app.queryClient.getQueryData(queryKeys.orgList())).toBeDefined());
    await waitFor(() => expect(requests.paths).toContain('/api/orgs/acme/security'));
    requests.stop();
    expect(requests.paths.some((p) => p.includes('/members'))).toBe(false);

    await signInAs('olivia', { withMfa: true }); // an owner
    requests = recordRequests();
    app = createAppRouter({ initialPath: '/orgs/acme/settings/security?mfa=disabled' });
    await waitFor(() => expect(requests.paths).toContain('/api/orgs/acme/members'));
    requests.stop();
  });

  it('sends a visitor who is not signed in to sign-in, without calling it an expired session', async () => {
    const answers: [string, number][] = [];
    const listener = ({ request, response }: { request: Request; response: Response }) => {
      answers.push([new URL(request.url).pathname, response.status]);
    };
    server.events.on('response:mocked', listener);
    await renderApp('/profile/security');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    server.events.removeListener('response:mocked', listener);
    expect(screen.queryByText(/your session has ended/i)).not.toBeInTheDocument();
    // The page rendered alongside the session check, but the server gave it nothing.
    expect(answers.length).toBeGreaterThan(0);
    for (const [path, status] of answers) expect([path, status]).toEqual([path, 401]);
  });
});
