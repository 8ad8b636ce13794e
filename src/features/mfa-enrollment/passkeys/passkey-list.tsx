import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDate } from '@/lib/format';
import type { Passkey } from './passkey-api';

interface Props {
  passkeys: Passkey[];
  onRename: (passkey: Passkey) => void;
  onRemove: (passkey: Passkey) => void;
}

/** Each passkey with its name (as text), when added and last used, Rename and Remove. */
export function PasskeyList({ passkeys, onRename, onRemove }: Props) {
  if (passkeys.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No passkeys yet.
      </Text>
    );
  return (
    <Stack
      component="ul"
      gap="xs"
      p={0}
      m={0}
      aria-label="Your passkeys"
      style={{ listStyle: 'none' }}
    >
      {passkeys.map((p) => (
        <Paper component="li" withBorder p="sm" key={p.id}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} miw={0} style={{ flex: '1 1 12rem' }}>
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {p.name}
              </Text>
              <Text size="xs" c="dimmed">
                Added {formatDate(p.createdAt)} ·{' '}
                {p.lastUsedAt ? `last used ${formatDate(p.lastUsedAt)}` : 'never used to sign in'}
              </Text>
            </Stack>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                aria-label={`Rename ${p.name}`}
                onClick={() => onRename(p)}
              >
                Rename
              </Button>
              <Button
                size="xs"
                variant="outline"
                color="red"
                aria-label={`Remove ${p.name}`}
                onClick={() => onRemove(p)}
              >
                Remove
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
