import { createContext, use, useId, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ReminderHistoryDialog } from '../reminders/reminder-history';
import { ActionIcon, Menu, Text } from '@mantine/core';
import type { Member } from '../api';
import { displayName } from '@/lib/display-name';
import { reminderBlock } from '../reminders/eligibility';

export interface RowActions {
  remind: (member: Member) => void;
  /** The person whose single reminder is on its way (their Remind is disabled meanwhile). */
  pendingId: string | null;
  canManage: boolean;
  /** More → Reset MFA… of a managed account (absent: not offered); `opener`: the More button. */
  resetMfa?: (member: Member, opener: HTMLElement | null) => void;
  /** The viewer's role: admins cannot reset owners (the server checks again). */
  viewerRole?: Member['role'];
}

export const RowActionsContext = createContext<RowActions>({
  remind: () => {},
  pendingId: null,
  canManage: false,
});

/** Why Reset MFA… is disabled for this row, or null. */
function resetBlock(member: Member, viewerRole: Member['role'] | undefined): string | null {
  if (!member.mfaEnabled) return 'No MFA to reset';
  if (member.role === 'owner' && viewerRole !== 'owner') return 'Admins cannot reset owners';
  return null;
}

const moreLabel = (member: Member) => `More actions for ${displayName(member)}`;

/** A row's More button, found again by its name (the row may have been re-rendered). */
export const moreButtonOf = (member: Member): HTMLElement | null =>
  [...document.querySelectorAll<HTMLElement>('button[aria-label]')].find(
    (b) => b.getAttribute('aria-label') === moreLabel(member),
  ) ?? null;

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
  const { remind, pendingId, canManage, resetMfa, viewerRole } = use(RowActionsContext);
  const reasonId = useId();
  const resetReasonId = useId();
  // Only accounts the organization manages (its verified domains) can be reset from here.
  const offerReset = canManage && member.managed === true && resetMfa !== undefined;
  const noReset = resetBlock(member, viewerRole);
  const name = displayName(member);
  const block = canManage ? reminderBlock(member) : 'Only owners and admins can remind';
  const pending = pendingId === member.id;
  const { orgSlug = '' } = useParams();
  const [history, setHistory] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon ref={moreRef} variant="subtle" color="gray" aria-label={moreLabel(member)}>
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
          {offerReset && (
            <Menu.Item
              disabled={Boolean(noReset)}
              onClick={() => resetMfa(member, moreRef.current)}
              aria-label="Reset MFA…"
              aria-describedby={noReset ? resetReasonId : undefined}
            >
              <Text size="sm">Reset MFA…</Text>
              {noReset && (
                <Text size="xs" c="dimmed" id={resetReasonId}>
                  {noReset}
                </Text>
              )}
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
