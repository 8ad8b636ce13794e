import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeFor } from '../../../tests/api';
import { renderApp } from '../../../tests/render';
import { db } from '@/mocks/db';
import {
  dialog,
  openCodeStep,
  openScanStep,
  readKey,
  recoveryCodesShown,
  submitCode,
  type User,
} from './test-helpers';

const { createObjectURL, revokeObjectURL } = URL;
afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

async function toRecoveryCodes(user: User) {
  await openScanStep(user);
  const key = await readKey(user);
  await openCodeStep(user);
  await submitCode(user, codeFor(key));
  await screen.findByRole('heading', { name: 'Save your recovery codes' });
  return { key, codes: recoveryCodesShown() };
}

/** Everything the app keeps about queries and mutations, as text. */
function cacheText(queryClient: Awaited<ReturnType<typeof renderApp>>['queryClient']): string {
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((q) => q.state.data);
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((m) => m.state);
  return JSON.stringify({ queries, mutations });
}

describe('setup flow hygiene', () => {
  it('cancels the pending enrollment on the server when the flow is closed before verifying', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    expect(db.enrollments.size).toBe(1);
    await user.click(within(dialog()).getByRole('button', { name: 'Close setup' }));
    // Closing after the key was made asks first (issue 16): nothing is discarded yet.
    expect(within(dialog()).getByRole('button', { name: 'Continue setting up' })).toHaveFocus();
    expect(db.enrollments.size).toBe(1);
    await user.click(within(dialog()).getByRole('button', { name: 'Stop and discard' }));
    await waitFor(() => expect(db.enrollments.size).toBe(0));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks before Escape discards a setup in the middle, and continues where it was', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    await user.keyboard('{Escape}');
    expect(within(dialog()).getByText('Stop setting up?')).toBeInTheDocument();
    await user.click(within(dialog()).getByRole('button', { name: 'Continue setting up' }));
    expect(within(dialog()).getByRole('heading', { name: 'Scan the QR code' })).toBeInTheDocument();
    expect(db.enrollments.size).toBe(1);
  });

  it('keeps the secret out of the query and mutation caches while the flow is open', async () => {
    const { user, queryClient } = await renderApp('/profile/security', { as: 'adam' });
    await openScanStep(user);
    const key = await readKey(user);
    expect(cacheText(queryClient)).not.toContain(key);
  });

  it('leaves no secret or recovery code in the caches, storage or URL after the flow', async () => {
    const { user, queryClient, router } = await renderApp('/profile/security', { as: 'adam' });
    const { key, codes } = await toRecoveryCodes(user);
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    await screen.findByText('Enabled');
    const kept = [
      cacheText(queryClient),
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      router.state.location.pathname + router.state.location.search,
    ].join('\n');
    for (const secret of [key, ...codes]) expect(kept).not.toContain(secret);
  });

  it('cannot be closed on the recovery codes step until the codes are confirmed as saved', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await toRecoveryCodes(user);
    expect(within(dialog()).queryByRole('button', { name: 'Close setup' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(dialog()).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    expect(within(dialog()).getByRole('button', { name: 'Close setup' })).toBeInTheDocument();
  });
});

describe('recovery codes: copy, download, print', () => {
  it('copies the 10 codes to the clipboard', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    const { codes } = await toRecoveryCodes(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(codes.join('\n'));
    expect(within(dialog()).getByRole('button', { name: 'Codes copied' })).toBeInTheDocument();
  });

  it('downloads the codes as a .txt file from a Blob URL', async () => {
    const blobs: Blob[] = [];
    // jsdom has no Blob URLs: record what the page hands to the browser.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:http://localhost/recovery';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const { user, router } = await renderApp('/profile/security', { as: 'adam' });
    const { codes } = await toRecoveryCodes(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Download' }));
    expect(clicked[0]?.download).toBe('nimbus-recovery-codes.txt');
    expect(clicked[0]?.href).toBe('blob:http://localhost/recovery');
    const text = await blobs[0]?.text();
    for (const code of codes) expect(text).toContain(code);
    expect(text).toContain('adam@example.com');
    expect(router.state.location.search).toBe('');
  });

  it('prints the codes with the browser print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await toRecoveryCodes(user);
    await user.click(within(dialog()).getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
