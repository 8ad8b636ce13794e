import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { MemberFilter } from './api';
import { formatCount } from '@/lib/format';

/** Sends to a whole filter above this many people ask first: one click must not e-mail thousands. */
export const CONFIRM_ABOVE = 50;

function describeFilter(filter: MemberFilter): string {
  const parts = [
    filter.q && `name or e-mail contains "${filter.q}"`,
    filter.mfa && (filter.mfa === 'enabled' ? 'MFA enabled' : 'MFA not enabled'),
    filter.role && `role ${filter.role}`,
    filter.method && (filter.method === 'app' ? 'has an app' : 'has a passkey'),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'everyone in the organization';
}

export function ConfirmBulkSend({
  filter,
  total,
  onConfirm,
  onCancel,
}: {
  filter: MemberFilter;
  total: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      opened
      onClose={onCancel}
      title={`Send reminders to ${formatCount(total)} people?`}
      closeButtonProps={{ 'aria-label': 'Close' }}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          Everyone matching this filter ({describeFilter(filter)}) gets an e-mail explaining how to
          set up MFA. People who already have MFA, or were reminded in the last 24 hours, are
          skipped.
        </Text>
        <Text size="sm" c="dimmed">
          Large sends run in the background; you can follow the progress here and cancel it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={onConfirm} data-autofocus>
            Send {formatCount(total)} reminders
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
