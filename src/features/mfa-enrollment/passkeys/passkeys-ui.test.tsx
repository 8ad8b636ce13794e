import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, signInAs } from '../../../../tests/api';
import { addPasskey } from '../../../../tests/passkey-api';
import { renderApp } from '../../../../tests/render';
import { db } from '@/mocks/db';
import { preloadPasskeyDialogs } from './passkeys-section';
import { LOAD } from '../test-helpers';

const section = () => screen.getByRole('region', { name: 'Passkeys and security keys' });

/** A browser that has WebAuthn, whose prompt the person closes (NotAllowedError). */
function browserThatCancels() {
  const create = vi.fn(() =>
    Promise.reject(
      new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
    ),
  );
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  Object.defineProperty(navigator, 'credentials', { configurable: true, value: { create } });
  return create;
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'credentials');
});

describe('My profile → Passkeys and security keys', () => {
  it('explains when the browser cannot create passkeys, and the app setup still works', async () => {
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    expect(
      await within(
        await screen.findByRole('region', { name: 'Passkeys and security keys' }, LOAD),
      ).findByText('This browser cannot create passkeys'),
    ).toBeInTheDocument();
    expect(within(section()).queryByRole('button', { name: 'Add a passkey' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Set up application' }));
    expect(
      await screen.findByRole('dialog', { name: 'Set up an authenticator app' }),
    ).toBeInTheDocument();
  });

  it('cancelling the browser prompt returns to the choice and stores nothing', async () => {
    const create = browserThatCancels();
    await preloadPasskeyDialogs();
    const { user } = await renderApp('/profile/security', { as: 'adam' });
    await user.click(await screen.findByRole('button', { name: 'Add a passkey' }, LOAD));
    const dialog = screen.getByRole('dialog', { name: 'Add a passkey' });
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The browser prompt was closed or timed out. No passkey was used and nothing was saved.',
    );
    expect(create).toHaveBeenCalledOnce();
    // Back at the choice: the same dialog, Continue offered again; nothing on the server.
    expect(within(dialog).getByRole('button', { name: 'Continue' })).toBeEnabled();
    expect(db.users.get('usr_adam')?.passkeys ?? []).toHaveLength(0);
    expect(db.users.get('usr_adam')?.mfa).toBeNull();
    expect(db.outbox.filter((m) => m.kind === 'passkey_added')).toHaveLength(0);
  });

  it('lists a passkey-only account: name as text, no app, rename refuses control characters', async () => {
    await signInAs('adam');
    await addPasskey(undefined, '<b>Key</b> & co');
    await preloadPasskeyDialogs();
    const { user } = await renderApp('/profile/security');
    const name = await screen.findByText('<b>Key</b> & co', {}, LOAD);
    expect(name.querySelector('b')).toBeNull();
    expect(screen.getByText('· not set up')).toBeInTheDocument();
    expect(within(section()).getByText(/never used to sign in/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rename <b>Key</b> & co' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename passkey' });
    const field = within(dialog).getByLabelText('Name');
    await user.clear(field);
    await user.type(field, 'Tab\there');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        'A name cannot contain control characters such as line breaks.',
      ),
    ).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, 'Desk key');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Desk key')).toBeInTheDocument());
    expect((await call('GET', '/me/passkeys')).json.items).toMatchObject([{ name: 'Desk key' }]);
  });
});
