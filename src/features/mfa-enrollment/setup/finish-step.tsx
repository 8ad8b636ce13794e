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
      {/* The step is about SSH credentials: the CLI, where they are refreshed, comes first. */}
      <Tabs defaultValue="cli">
        <Tabs.List>
          <Tabs.Tab value="cli">Using the CLI</Tabs.Tab>
          <Tabs.Tab value="console">In the Console</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="console" pt="sm">
          <Stack gap="xs">
            {/* What to do in the Console: nothing more; the commands are under "Using the CLI". */}
            <Text size="sm">
              Nothing more to do here: the {BRAND.product} already uses your MFA sign-in, and the
              pages of organizations that require MFA open now.
            </Text>
            <Text size="sm" c="dimmed">
              Git and SSH from your computer still use credentials issued before MFA was on: see
              Using the CLI.
            </Text>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="cli" pt="sm">
          <Stack gap="xs">
            <Text size="sm">
              Your SSH certificate was issued before MFA was on. Refresh it so Git and SSH
              connections to organizations that require MFA work:
            </Text>
            <Command command={refresh} label={`Copy the command ${refresh}`} />
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
