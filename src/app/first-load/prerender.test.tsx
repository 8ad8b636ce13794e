import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { prerender } from 'react-dom/static';
import userEvent from '@testing-library/user-event';
import { signInAs } from '../../../tests/api';
import { mountApp } from './mount';
import {
  pickPageScript,
  PRERENDERED_PAGES,
  prerenderPage,
  SLUG_PLACEHOLDER,
  type PageFiles,
} from './prerender';

let templates: string | undefined;

/** index.html as the production build writes it: the templates, then the inline script. */
async function loadIndexAt(address: string, entry = '', files: PageFiles = {}) {
  window.history.replaceState(null, '', address);
  if (!templates) {
    templates = '';
    for (const page of PRERENDERED_PAGES) {
      templates += `<template id="prerender-${page.id}">${await prerenderPage(page.path)}</template>`;
    }
    // The build renders in its own process. Here the server renderer shares React with the
    // client, and leaves its last context values (the router's) set; a render that does not
    // suspend returns them to the defaults.
    await prerender(<i />);
  }
  document.body.innerHTML = `<div id="root"></div>${templates}`;
  new Function(pickPageScript(entry, files))();
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  return root;
}

/** Not a problem of the app: in a test, the server renderer shares React with the client. */
const SHARED_REACT = 'Detected multiple renderers concurrently rendering the same context provider';
const consoleError = console.error;

let unmount: (() => void) | undefined;
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes(SHARED_REACT)) consoleError(...args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  unmount?.();
  unmount = undefined;
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/');
});

describe('pre-rendered pages', () => {
  it('hold no personal data and no script (the same HTML serves everyone)', async () => {
    for (const page of PRERENDERED_PAGES) {
      const html = await prerenderPage(page.path);
      expect(html).toContain('<h1');
      expect(html).not.toMatch(/<script|<!--\$[?!]/);
      expect(html).not.toMatch(/olivia|@example|Acme|Initech/i);
    }
  });

  it('the inline script picks the page for the address and fills in the slug as text', async () => {
    let root = await loadIndexAt('/orgs/acme/settings/security');
    expect(root.dataset.prerendered).toBe('org-security');
    expect(root.innerHTML).not.toContain(SLUG_PLACEHOLDER);
    expect(within(root).getByRole('link', { name: 'Security', current: 'page' })).toHaveAttribute(
      'href',
      '/orgs/acme/settings/security',
    );

    root = await loadIndexAt('/profile/security');
    expect(root.dataset.prerendered).toBe('profile-security');

    // A query string can change the first render (e.g. returnTo), an unusual slug is not
    // trusted, other pages are not pre-rendered: #root stays empty and React renders as usual.
    for (const address of [
      '/profile/security?returnTo=%2Forgs%2Facme',
      '/orgs/%3Cimg%20src%3Dx%3E/settings/security',
      '/sign-in',
    ]) {
      root = await loadIndexAt(address);
      expect(root.dataset.prerendered, address).toBeUndefined();
      expect(root.childNodes, address).toHaveLength(0);
    }
  });

  it("starts the app's entry after the pre-rendered page's first frame, at once otherwise", async () => {
    const entry = () => document.head.querySelector('script[src="/assets/entry.js"]');
    await loadIndexAt('/profile/security?tab=1', '/assets/entry.js');
    expect(entry()).toHaveAttribute('type', 'module');
    entry()?.remove();

    await loadIndexAt('/profile/security', '/assets/entry.js');
    expect(entry()).toBeNull(); // the page is on screen; the JS would hold its first paint
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    expect(entry()).toHaveAttribute('type', 'module');
    entry()?.remove();
  });

  it("preloads the picked page's code with the entry, and no other page's", async () => {
    const files = {
      'profile-security': ['/assets/profile.js'],
      'org-security': ['/assets/org.css', '/assets/org.js', '/assets/list.js'],
    };
    const styles = () =>
      [...document.head.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
        link.getAttribute('href'),
      );
    const preloaded = () =>
      [...document.head.querySelectorAll('link[rel="modulepreload"]')].map((link) => [
        link.getAttribute('href'),
        link.getAttribute('crossorigin'),
      ]);
    await loadIndexAt('/orgs/acme/settings/security', '/assets/entry.js', files);
    expect(preloaded()).toEqual([]); // with the entry, after the first frame
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    expect(preloaded()).toEqual([
      ['/assets/org.js', ''],
      ['/assets/list.js', ''],
    ]);
    // Its CSS as stylesheets, as Vite's loader looks for them (so it does not wait for them).
    expect(styles()).toEqual(['/assets/org.css']);
    document.head.innerHTML = '';

    await loadIndexAt('/orgs/acme/settings/security?q=a', '/assets/entry.js', files);
    expect(preloaded()).toEqual([]); // not pre-rendered: the page may ask for other code
    document.head.innerHTML = '';
  });

  it.each([
    ['/profile/security', 'My profile', /Recovery codes: \d+ of 10 left/],
    ['/orgs/acme/settings/security', 'Settings', /users have MFA enabled/],
  ])(
    '%s stays on screen until the app renders it once, with its data',
    async (address, heading, loaded) => {
      await signInAs('olivia', { withMfa: true });
      const root = await loadIndexAt(address);
      expect(within(root).getByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
      const blocks = (within: HTMLElement) =>
        [...within.querySelectorAll('main p')]
          .map((p) => p.textContent ?? '')
          .filter((text) => text.length > 40);
      const paragraphs = blocks(root);
      // What #root holds when React first replaces the pre-rendered page.
      let first: string | undefined;
      const observer = new MutationObserver(() => (first ??= root.textContent ?? ''));
      observer.observe(root, { childList: true });
      const recoverable = vi.fn();
      const errors = vi.mocked(console.error);
      errors.mockClear();
      const { reactRoot } = await mountApp(root, {}, { onRecoverableError: recoverable });
      unmount = () => reactRoot.unmount();

      // Rendering the organization page in jsdom takes seconds on a loaded machine.
      expect(await screen.findByText(loaded, undefined, { timeout: 15_000 })).toBeInTheDocument();
      observer.disconnect();
      expect(first).toMatch(loaded); // no "nothing loaded yet" render in between
      expect(first).toMatch('Olivia Owner');
      expect(screen.getByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
      expect(root).not.toHaveAttribute('data-prerendered');
      // The page's text blocks keep their words (and so their size: the largest is the page's
      // Largest Contentful Paint, which a larger copy of it in the app's page would move to then;
      // a short line, such as the organization's slug where its name comes, cannot be it).
      const rendered = blocks(root);
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const text of paragraphs) expect(rendered).toContain(text);
      expect(recoverable).not.toHaveBeenCalled();
      expect(
        errors.mock.calls.filter(([message]) => !String(message).includes(SHARED_REACT)),
      ).toEqual([]);
    },
  );

  it('does what the person did in the pre-rendered page again once the app is on screen', async () => {
    await signInAs('olivia', { withMfa: true });
    const user = userEvent.setup();
    const root = await loadIndexAt('/profile/security');
    // The troubleshooter's field, typed into before any of the app's code has run.
    const field = within(root).getByPlaceholderText(/^Error: Access denied/);
    await user.type(field, 'Error: Access denied');
    const { reactRoot } = await mountApp(root, {});
    unmount = () => reactRoot.unmount();
    await screen.findByText(/Recovery codes: \d+ of 10 left/, undefined, { timeout: 15_000 });
    const typed = screen.getByPlaceholderText(/^Error: Access denied/);
    expect(typed).not.toBe(field);
    expect(typed).toHaveValue('Error: Access denied');
    expect(typed).toHaveFocus();
    // The app's state has it: the button it enables is enabled.
    expect(screen.getByRole('button', { name: 'Explain this error' })).toBeEnabled();
    unmount();
    unmount = undefined;

    // At 375 px: the navigation's button, clicked before the app could answer it.
    const org = await loadIndexAt('/orgs/acme/settings/security');
    await user.click(within(org).getByRole('button', { name: 'Toggle navigation' }));
    const app = await mountApp(org, {});
    unmount = () => app.reactRoot.unmount();
    await screen.findByText(/users have MFA enabled/, undefined, { timeout: 15_000 });
    expect(screen.getByRole('button', { name: 'Toggle navigation' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });
});
