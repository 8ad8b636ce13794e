import { Badge, Code, Group, Stack, Text, Title } from '@mantine/core';
import { liveCodes } from './control';
import { DEMO_ACCOUNTS, seededRecoveryCodes } from './seed';
import { useTick } from './use-tick';

/** Dev tools → Live codes: each demo account's current TOTP code and its seeded recovery codes. */
export function LiveCodes() {
  useTick(1000);
  const codes = liveCodes();
  return (
    <Stack>
      {codes.length === 0 && <Text size="sm">No demo account has MFA right now.</Text>}
      {codes.map((c) => (
        <Group key={c.email} justify="space-between">
          <div>
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              {c.email}
            </Text>
          </div>
          <Group gap="xs">
            <Code fz="lg">{c.code}</Code>
            <Badge variant="light">{c.secondsLeft}s</Badge>
          </Group>
        </Group>
      ))}
      <Title order={3} size="h5" mt="md">
        Seeded recovery codes
      </Title>
      {DEMO_ACCOUNTS.filter((a) => a.secret).map((a) => (
        <Text key={a.id} size="xs">
          {a.name}: <Code>{seededRecoveryCodes(a.id).slice(0, 3).join(', ')}</Code> …
        </Text>
      ))}
    </Stack>
  );
}
