import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { MemberFilter, ReminderPreview } from '../api';
import { previewSkippedText } from './outcome';
import { formatCount } from '@/lib/format';

/** Sends to more than this many people ask first: one click must not e-mail thousands. */
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

/**
 * Before a large send: how many get an e-mail (the server's preview, not the number selected),
 * who is skipped and why. Cancel has the default focus, so Enter does not e-mail everyone.
 */
export function ConfirmBulkSend({
  filter,
  selected,
  preview,
  onConfirm,
  onCancel,
}: {
  /** The filter when "all that match" is selected; null for people picked by hand. */
  filter: MemberFilter | null;
  selected: number;
  preview: ReminderPreview | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const count = preview?.wouldSend ?? selected;
  const skipped = preview ? previewSkippedText(preview) : '';
  return (
    <Modal
      opened
      onClose={onCancel}
      title={`Send reminders to ${formatCount(count)} people?`}
      closeButtonProps={{ 'aria-label': 'Close' }}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          {formatCount(count)} of the {formatCount(selected)} selected
          {filter ? ` (${describeFilter(filter)})` : ''} get an e-mail explaining how to set up MFA.
        </Text>
        {skipped && <Text size="sm">{skipped}</Text>}
        <Text size="sm" c="dimmed">
          Large sends run in the background; you can follow the progress here and cancel it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button onClick={onConfirm}>Send {formatCount(count)} reminders</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
