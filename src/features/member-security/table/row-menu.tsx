import {
  cloneElement,
  createContext,
  use,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactElement,
  type SyntheticEvent,
} from 'react';
import { useParams } from 'react-router';
import { ReminderHistoryDialog } from '../reminders/reminder-history';
import { Menu, Text } from '@mantine/core';
import { SubtleIconButton } from './plain-controls';
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

/**
 * More → Remind, disabled with the reason for people the server would skip.
 *
 * The menu itself (Mantine Menu, Popover, Portal and their hooks) mounts on the row's first use:
 * 25 of them took about a third of the list's first render. Until then the button announces a
 * menu, and activating it (click, Enter or Space) mounts the menu open, as Mantine's would open.
 */
export function RowMenu({ member }: { member: Member }) {
  const { orgSlug = '' } = useParams();
  const [history, setHistory] = useState(false);
  // Mounted once used; `focused`: the button had focus then (keyboard), and its successor gets it.
  const [used, setUsed] = useState<{ focused: boolean } | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (used?.focused && document.activeElement === document.body) triggerRef.current?.focus();
  }, [used]);
  const name = displayName(member);
  const trigger = (
    <SubtleIconButton ref={triggerRef} aria-label={moreLabel(member)}>
      <DotsIcon />
    </SubtleIconButton>
  );
  const activate = (event: SyntheticEvent) =>
    setUsed({ focused: document.activeElement === event.currentTarget });
  return (
    <>
      {used ? (
        <RowMenuBody
          member={member}
          trigger={trigger}
          onHistory={() => setHistory(true)}
          onReset={(reset) => reset(member, triggerRef.current)}
        />
      ) : (
        cloneElement(trigger, {
          'aria-haspopup': 'menu',
          'aria-expanded': false,
          onClick: activate,
        })
      )}
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

function RowMenuBody({
  member,
  trigger,
  onHistory,
  onReset,
}: {
  member: Member;
  trigger: ReactElement;
  onHistory: () => void;
  onReset: (reset: NonNullable<RowActions['resetMfa']>) => void;
}) {
  const { remind, pendingId, canManage, resetMfa, viewerRole } = use(RowActionsContext);
  const reasonId = useId();
  const resetReasonId = useId();
  // Only accounts the organization manages (its verified domains) can be reset from here.
  const offerReset = canManage && member.managed === true && resetMfa !== undefined;
  const noReset = resetBlock(member, viewerRole);
  const block = canManage ? reminderBlock(member) : 'Only owners and admins can remind';
  const pending = pendingId === member.id;
  return (
    <Menu position="bottom-end" withinPortal defaultOpened>
      <Menu.Target>{trigger}</Menu.Target>
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
          <Menu.Item onClick={onHistory}>
            <Text size="sm">Reminder history</Text>
          </Menu.Item>
        )}
        {offerReset && (
          <Menu.Item
            disabled={Boolean(noReset)}
            onClick={() => onReset(resetMfa)}
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
  );
}
