import { useState } from 'react';
import { useParams } from 'react-router';
import { ReminderHistoryDialog } from '../reminders/reminder-history';
import { plainMenu } from '@/lib/plain-menu';
import { SubtleIconButton } from './plain-controls';
import type { Member } from '../api';
import { displayName } from '@/lib/display-name';

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

/** The items load with the first use of a More button, or once the list is idle (plainMenu). */
export const rowMenu = plainMenu(() => import('./row-menu-items').then((m) => m.RowMenuItems));

/**
 * More → Remind, disabled with the reason for people the server would skip; Reminder history;
 * Reset MFA… of a managed account. The items render only while the menu is open (PlainMenu).
 */
export function RowMenu({ member }: { member: Member }) {
  const { orgSlug = '' } = useParams();
  const [history, setHistory] = useState(false);
  return (
    <>
      <rowMenu.Menu
        member={member}
        onHistory={() => setHistory(true)}
        trigger={(props) => (
          <SubtleIconButton {...props} aria-label={moreLabel(member)}>
            <DotsIcon />
          </SubtleIconButton>
        )}
      />
      {history && (
        <ReminderHistoryDialog
          orgSlug={orgSlug}
          userId={member.id}
          name={displayName(member)}
          onClose={() => setHistory(false)}
        />
      )}
    </>
  );
}
