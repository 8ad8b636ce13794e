import { Alert, Button, Stack, Text } from '@mantine/core';
import { errorMessage } from '@/api/problem';
import type { Notice } from './notices';

/** What a change did (or why it failed), with "Send reminders again" when only they failed. */
export function SavedNoticeAlert({
  notice,
  remindAgain,
  onClose,
}: {
  notice: Notice;
  remindAgain: { isPending: boolean; isError: boolean; error: unknown; mutate: () => void };
  onClose: () => void;
}) {
  return (
    <Alert
      color={notice.color}
      title={notice.title}
      role="status"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{notice.text}</Text>
        {notice.retryReminders && (
          <Button
            size="xs"
            variant="light"
            loading={remindAgain.isPending}
            onClick={() => remindAgain.mutate()}
          >
            Send reminders again
          </Button>
        )}
        {remindAgain.isError && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(remindAgain.error)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
