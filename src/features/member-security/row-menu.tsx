import { createContext, use, useId, useState } from 'react';
import { useParams } from 'react-router';
import { ReminderHistoryDialog } from './reminder-history';
import { ActionIcon, Menu, Text } from '@mantine/core';
import type { Member } from './api';
import { displayName } from '@/lib/display-name';
import { reminderBlock } from './eligibility';

export interface RowActions {
  remind: (member: Member) => void;
  /** The person whose single reminder is on its way (their Remind is disabled meanwhile). */
  pendingId: string | null;
  canManage: boolean;
}

export const RowActionsContext = createContext<RowActions>({
  remind: () => {},
  pendingId: null,
  canManage: false,
});

function DotsIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
      <circle cx="3" cy="8" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
    </svg>
  );
}

/** More → Remind, disabled with the reason for people the server would skip. */
export function RowMenu({ member }: { member: Member }) {
  const { remind, pendingId, canManage } = use(RowActionsContext);
  const reasonId = useId();
  const name = displayName(member);
  const block = canManage ? reminderBlock(member) : 'Only owners and admins can remind';
  const pending = pendingId === member.id;
  const { orgSlug = '' } = useParams();
  const [history, setHistory] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${name}`}>
            <DotsIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            disabled={Boolean(block) || pending}
            onClick={() => remind(member)}
            aria-label="Remind"
            aria-describedby={block ? reasonId : undefined}
          >
            <Text size="sm">{pending ? 'Sending…' : 'Remind'}</Text>
            {block && (
              <Text size="xs" c="dimmed" id={reasonId}>
                {block}
              </Text>
            )}
          </Menu.Item>
          {canManage && (
            <Menu.Item onClick={() => setHistory(true)}>
              <Text size="sm">Reminder history</Text>
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {history && (
        <ReminderHistoryDialog
          orgSlug={orgSlug}
          userId={member.id}
          name={name}
          onClose={() => setHistory(false)}
        />
      )}
    </>
  );
}
