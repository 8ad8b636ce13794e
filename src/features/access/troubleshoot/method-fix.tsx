import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { cliCommand } from '@/lib/brand';
import type { RequiredMethod } from '../methods';

type Me = components['schemas']['CurrentUser'];

/** After the fixes: the one command that refreshes SSH credentials, with a copy button. */
export function RefreshCredentials() {
  const command = cliCommand('login -f');
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">Then refresh your SSH credentials:</Text>
      <Code>{command}</Code>
      <CopyButton value={command}>
        {({ copied, copy }) => (
          <Button size="compact-sm" variant="light" onClick={copy}>
            {copied ? 'Copied' : 'Copy command'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** A fix is a button: the command, copied in one press, with what to do after it. */
function CopyCommandFix({ command, after }: { command: string; after: string }) {
  return (
    <Stack gap={4} align="flex-start" maw={260}>
      <CopyButton value={command}>
        {({ copied, copy }) => (
          <Button size="sm" variant="light" onClick={copy}>
            {copied ? 'Copied' : `Copy ${command}`}
          </Button>
        )}
      </CopyButton>
      <Text size="xs" c="dimmed">
        {after}
      </Text>
    </Stack>
  );
}

/** The fix for one missing method, for the account signed in here. */
export function MethodFix({
  method,
  me,
  onSetUpMfa,
}: {
  method: RequiredMethod;
  me?: Me;
  onSetUpMfa?: () => void;
}) {
  if (method.kind === 'mfa') {
    if (me?.mfa.enabled) {
      return (
        <CopyCommandFix
          command={cliCommand('login -f')}
          after="Your account has MFA; your SSH credentials predate it. Run this to refresh them."
        />
      );
    }
    return onSetUpMfa ? (
      <Button onClick={onSetUpMfa}>Set up MFA</Button>
    ) : (
      <Button component={Link} to="/profile/security">
        Set up MFA
      </Button>
    );
  }
  if (method.kind === 'hwk') {
    return me?.mfa.passkeyCount ? (
      <Text size="sm" c="teal" maw={260}>
        Your account has a passkey. Run {cliCommand('login -f')} and confirm with it in the browser.
      </Text>
    ) : (
      <Text size="sm" maw={260}>
        Add a passkey with Add a passkey on this page; a code from an app is not enough here.
      </Text>
    );
  }
  if (method.kind === 'sso') {
    return (
      <CopyCommandFix
        command={cliCommand('login -f')}
        after={`Run it; when it opens your browser, sign in with ${method.provider}.`}
      />
    );
  }
  return <Text size="sm">Ask an owner of the organization how to sign in.</Text>;
}
