import { use, useId } from 'react';
import { PlainMenuItem } from '@/lib/plain-menu-dropdown';
import type { Member } from '../api';
import { reminderBlock } from '../reminders/eligibility';
import { Text } from './plain-markup';
import { RowActionsContext, type RowActions } from './row-actions';

/** Why Reset MFA… is disabled for this row, or null. */
function resetBlock(member: Member, viewerRole: RowActions['viewerRole']): string | null {
  if (!member.mfaEnabled) return 'No MFA to reset';
  if (member.role === 'owner' && viewerRole !== 'owner') return 'Admins cannot reset owners';
  return null;
}

/** More's items: Remind (disabled, with the reason, for people the server would skip), Reminder
 * history, and Reset MFA… of a managed account. */
export function RowMenuItems({ member, onHistory }: { member: Member; onHistory: () => void }) {
  const { remind, pendingId, canManage, resetMfa, viewerRole } = use(RowActionsContext);
  const reasonId = useId();
  const resetReasonId = useId();
  // Only accounts the organization manages (its verified domains) can be reset from here.
  const offerReset = canManage && member.managed === true && resetMfa !== undefined;
  const noReset = resetBlock(member, viewerRole);
  const block = canManage ? reminderBlock(member) : 'Only owners and admins can remind';
  const pending = pendingId === member.id;
  return (
    <>
      <PlainMenuItem
        disabled={Boolean(block) || pending}
        onSelect={() => remind(member)}
        aria-label="Remind"
        aria-describedby={block ? reasonId : undefined}
      >
        <Text size="sm">{pending ? 'Sending…' : 'Remind'}</Text>
        {block && (
          <Text size="xs" dimmed id={reasonId}>
            {block}
          </Text>
        )}
      </PlainMenuItem>
      {canManage && (
        <PlainMenuItem onSelect={onHistory}>
          <Text size="sm">Reminder history</Text>
        </PlainMenuItem>
      )}
      {offerReset && (
        <PlainMenuItem
          disabled={Boolean(noReset)}
          onSelect={(opener) => resetMfa(member, opener)}
          aria-label="Reset MFA…"
          aria-describedby={noReset ? resetReasonId : undefined}
        >
          <Text size="sm">Reset MFA…</Text>
          {noReset && (
            <Text size="xs" dimmed id={resetReasonId}>
              {noReset}
            </Text>
          )}
        </PlainMenuItem>
      )}
    </>
  );
}
