import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { describeMethod, type RequiredMethod } from './methods';

/**
 * One line per missing authentication method, in words, each with its fix. The blocked page,
 * access-denied API errors and the troubleshooter all render through this.
 */
export function MissingMethodList({
  methods,
  renderFix,
}: {
  methods: string[];
  renderFix: (method: RequiredMethod) => ReactNode;
}) {
  return (
    <Stack
      component="ul"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label="Missing authentication"
    >
      {methods.map(describeMethod).map((method) => (
        <Paper component="li" key={method.amr} withBorder p="md" radius="md">
          <Group justify="space-between" align="center" gap="sm">
            <Stack gap={2} miw={0} style={{ flex: '1 1 220px' }}>
              <Text fw={600}>{method.label}</Text>
              <Text size="sm" c="dimmed">
                {method.kind === 'mfa'
                  ? 'A code from an authenticator app, on top of your password.'
                  : method.kind === 'hwk'
                    ? 'Only phishing-resistant methods: a passkey or a hardware security key. A code from an app is not enough.'
                    : method.kind === 'sso'
                      ? `Signing in through your organization's identity provider (${method.provider}).`
                      : 'A sign-in method this organization requires.'}
              </Text>
            </Stack>
            <div>{renderFix(method)}</div>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
