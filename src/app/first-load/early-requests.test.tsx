import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { EARLY_GLOBAL, earlyKey } from '@/api/early';
import { server } from '@/mocks/node';
import { signInAs } from '../../../tests/api';
import { EARLY_REQUESTS, earlyRequestsScript } from './early-requests';
import { mountApp } from './mount';
import { preloadPages } from '../router';

/** Every API request that reaches the server from now on, as "GET /api/…?sorted". */
function recordRequests() {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(earlyKey(request.url));
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  };
  server.events.on('request:start', listener);
  return { seen, stop: () => server.events.removeListener('request:start', listener) };
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
  delete window[EARLY_GLOBAL];
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

/** Opens `address` as index.html does: the inline script first, then the app. */
async function open(address: string, loaded: RegExp) {
  await preloadPages();
  window.history.replaceState(null, '', address);
  const requests = recordRequests();
  new Function(earlyRequestsScript('/api'))();
  document.body.innerHTML = '<div id="root"></div>';
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  const { app, reactRoot } = await mountApp(root, {});
  unmount = () => reactRoot.unmount();
  // Rendering the organization page in jsdom takes seconds on a loaded machine.
  expect(await screen.findByText(loaded, undefined, { timeout: 20_000 })).toBeInTheDocument();
  await waitFor(() => expect(app.queryClient.isFetching()).toBe(0));
  requests.stop();
  return { left: Object.keys(window[EARLY_GLOBAL] ?? {}), seen: requests.seen };
}

/** The script's list for a page, as the server sees the requests. */
function expected(page: keyof typeof EARLY_REQUESTS, slug: string, as: Access) {
  const { all, granted, managers } = EARLY_REQUESTS[page];
  const more = { refused: [], member: granted, manager: [...granted, ...managers] }[as];
  return [...all, ...more].map((path) => {
    const url = new URL(earlyKey(`http://localhost/api${path.replace(':slug', slug)}`));
    return `GET ${url.pathname}${url.search}`;
  });
}

type Access = 'refused' | 'member' | 'manager';

describe('requests started by index.html before the app loads', () => {
  it.each([
    ['olivia', '/profile/security', /Recovery codes: \d+ of 10 left/, 'profile', 'manager'],
    ['olivia', '/orgs/acme/settings/security', /of 48 users have MFA enabled/, 'org', 'manager'],
    // A member: the lists are not for them, so neither the script nor the page asks.
    [
      'mia',
      '/orgs/acme/settings/security',
      /Only owners and admins can see who has MFA/,
      'org',
      'member',
    ],
    // Refused (Globex requires SSO): the page explains; nothing else is asked.
    ['mia', '/orgs/globex/settings/security', /Access denied/i, 'org', 'refused'],
  ] as const)(
    'are the ones the page makes (%s at %s), each adopted once',
    async (person, address, loaded, page, access) => {
      await signInAs(person, { withMfa: true });
      const { left, seen } = await open(address, loaded);
      expect(left).toEqual([]); // every early answer was adopted…
      // …nothing was asked twice (a refused page asks for the settings again when its error
      // boundary shows the explanation, early script or not)…
      if (access !== 'refused') expect(seen).toEqual([...new Set(seen)]);
      // …and what the page asked for on opening is what the script started.
      const slug = address.split('/')[2] ?? '';
      expect([...new Set(seen)].sort()).toEqual(expected(page, slug, access).sort());
    },
  );
});

describe('the early requests script', () => {
  it.each([
    '/profile/security?returnTo=%2Forgs%2Facme', // a query string changes the first requests
    '/orgs/acme/settings/security?mfa=disabled',
    '/orgs/%3Cimg%3E/settings/security', // a slug that is not [a-z0-9-]
    '/sign-in',
    '/orgs/acme/settings',
  ])('starts nothing at %s', (address) => {
    window.history.replaceState(null, '', address);
    const fetch = vi.spyOn(globalThis, 'fetch');
    new Function(earlyRequestsScript('/api'))();
    expect(fetch).not.toHaveBeenCalled();
    expect(window[EARLY_GLOBAL]).toBeUndefined();
  });
});
