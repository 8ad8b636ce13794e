import { ScrollArea, Stack, Text } from '@mantine/core';
import { db } from './db';
import { useTick } from './use-tick';

/** Dev tools → Outbox: the e-mails the mock sent, newest first. */
export function Outbox() {
  useTick(2000);
  const mails = db.outbox.slice(-100).reverse();
  return (
    <Stack>
      <Text size="sm">
        {db.outbox.length} e-mails sent{db.outbox.length > 100 ? ' (latest 100 shown)' : ''}.
      </Text>
      <ScrollArea h={520}>
        <Stack gap="sm">
          {mails.map((m) => (
            <Stack
              key={m.id}
              gap={2}
              p="xs"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
            >
              <Text size="xs" c="dimmed">
                {new Date(m.sentAt).toLocaleString()} · to {m.to}
              </Text>
              <Text size="sm" fw={600}>
                {m.subject}
              </Text>
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {m.text}
              </Text>
            </Stack>
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
