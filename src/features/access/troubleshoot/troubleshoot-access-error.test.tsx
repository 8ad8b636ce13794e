import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { signInAs } from '../../../../tests/api';
import { TroubleshootAccessError } from './troubleshoot-access-error';

// Rendered alone (real providers, real mock backend) until the profile page mounts it.
async function renderTroubleshooter(as: 'mia' | 'olivia', onSetUpMfa?: () => void) {
  await signInAs(as);
  await import('./troubleshoot-result'); // code-split; a test measures the UI, not the download
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={client}>
        <TroubleshootAccessError onSetUpMfa={onSetUpMfa} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  const explain = async (text: string) => {
    await user.click(screen.getByLabelText('Error message'));
    await user.paste(text);
    await user.click(screen.getByRole('button', { name: 'Explain this error' }));
  };
  return { user, explain };
}

const SECOND_EXAMPLE = `Error: Access denied
Service: abcdefg123456-main-bvxea6i--app
User: Mia Member (usr_mia)
Parameters: {"amr":["mfa","sso:acme"]}
Detail: Additional authentication is required:
\t - Multi-factor authentication (MFA)
\t - Single sign-on (SSO), provider: "acme"`;

const FIRST_EXAMPLE = `Error: The service doesn't exist or you do not have access to it.
Service: abcdefg123456-main-bvxea6i--app
User: Mia Member (usr_mia)`;

describe('Troubleshoot an access error', () => {
  it('reads service, user and each missing method with its fix from the access-denied example', async () => {
    const setUp = vi.fn();
    const { explain, user } = await renderTroubleshooter('mia', setUp);
    await explain(SECOND_EXAMPLE);
    const result = screen.getByRole('region', { name: 'What this error means' });
    expect(result).toHaveTextContent('Service: abcdefg123456-main-bvxea6i--app');
    expect(result).toHaveTextContent('User: Mia Member (usr_mia)');
    const lines = within(screen.getByRole('list', { name: 'Missing authentication' })).getAllByRole(
      'listitem',
    );
    expect(lines[0]).toHaveTextContent('Multi-factor authentication (MFA)');
    expect(lines[1]).toHaveTextContent('Single sign-on (SSO), provider: acme');
    expect(lines[1]).toHaveTextContent('sign in with acme');
    expect(screen.getByText('nimbus login -f')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Set up MFA' }));
    expect(setUp).toHaveBeenCalledOnce();
  });

  it('tells someone who already has MFA to refresh their SSH credentials', async () => {
    const { explain } = await renderTroubleshooter('olivia');
    await explain(
      'Error: Access denied\nService: svc\nUser: Olivia Owner (usr_olivia)\nParameters: {"amr":["mfa"]}',
    );
    expect(await screen.findByText(/Your account has MFA/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Set up MFA' })).not.toBeInTheDocument();
  });

  it('warns when the error belongs to another account than the signed-in one', async () => {
    const { explain } = await renderTroubleshooter('olivia');
    await explain(SECOND_EXAMPLE);
    expect(
      await screen.findByText(/not the account signed in here \(Olivia Owner/),
    ).toBeInTheDocument();
  });

  it('explains the first example as an access problem and what to check', async () => {
    const { explain } = await renderTroubleshooter('mia');
    await explain(FIRST_EXAMPLE);
    expect(screen.getByText('An access problem, without a named requirement')).toBeInTheDocument();
    expect(
      screen.getByText(/Check the service name \(abcdefg123456-main-bvxea6i--app\)/),
    ).toBeInTheDocument();
    expect(await screen.findByText(/Your account has no MFA/)).toBeInTheDocument();
  });

  it('says when the text does not look like an access error', async () => {
    const { explain } = await renderTroubleshooter('mia');
    await explain('npm ERR! code ENOENT');
    expect(screen.getByText("This doesn't look like an access error")).toBeInTheDocument();
  });
});
