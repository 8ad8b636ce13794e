import { Alert, Button, Group, Text } from '@mantine/core';

export interface NoticeState {
  tone: 'success' | 'info' | 'error';
  text: string;
  retry?: () => void;
}

const COLOR = { success: 'teal', info: 'blue', error: 'red' } as const;

/** The outcome of the last action, in words; errors are alerts and offer Try again. */
export function Notice({ notice, onClose }: { notice: NoticeState; onClose: () => void }) {
  return (
    <Alert
      color={COLOR[notice.tone]}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      tabIndex={-1}
      data-outcome-notice
    >
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text size="sm">{notice.text}</Text>
        {notice.retry && (
          <Button size="xs" variant="light" color="red" onClick={notice.retry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
