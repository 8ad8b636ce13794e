import { Alert, Button, Code, CopyButton, Group, Stack, Tabs, Text } from '@mantine/core';
import { BRAND, cliCommand } from '@/lib/brand';
import { StepHeading } from './step-heading';

function Command({ command, label }: { command: string; label: string }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Code fz="sm" style={{ flex: '0 1 auto' }}>
        {command}
      </Code>
      <CopyButton value={command}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" onClick={copy} aria-label={label}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The source's last step: refresh SSH credentials, and its "Using the CLI" alternative. */
export function FinishStep() {
  const refresh = cliCommand('login -f');
  const login = cliCommand('login');
  return (
    <Stack gap="md">
      <StepHeading>Refresh your SSH credentials</StepHeading>
      <Alert color="green" title="Multi-factor authentication is on">
        This session already counts as signed in with MFA.
      </Alert>
      <Tabs defaultValue="console">
        <Tabs.List>
          <Tabs.Tab value="console">In the Console</Tabs.Tab>
          <Tabs.Tab value="cli">Using the CLI</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="console" pt="sm">
          <Stack gap="xs">
            <Text size="sm">
              Your SSH certificate was issued before MFA was on. Refresh it so Git and SSH
              connections to organizations that require MFA work:
            </Text>
            <Command command={refresh} label={`Copy the command ${refresh}`} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="cli" pt="sm">
          <Stack gap="xs">
            <Text size="sm">
              Log in using the browser: this opens the {BRAND.product}, asks for a code from your
              app, and gives the {BRAND.cli} CLI fresh credentials.
            </Text>
            <Command command={login} label={`Copy the command ${login}`} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
