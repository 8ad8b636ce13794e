import { use, useCallback, useState, type ReactNode } from 'react';
import { STEP_UP_MAX_AGE_MS } from '@/api/step-up';
import type { Member } from '../api';
import { returnFocus } from '@/lib/focus-return';
import type { MfaResetRequest } from './reset-api';
import { ResetMfaDialog } from './reset-mfa-dialog';
import { moreButtonOf } from '../table/row-menu';
import { StepUpContext } from './step-up-slot';

interface Opened {
  member: Member;
  /** The row's More button, where focus goes back when the person leaves. */
  opener: HTMLElement | null;
  step: 'step-up' | 'form';
}

/**
 * More → Reset MFA…: the form at once when this session proved MFA in the last 10 minutes;
 * otherwise the step-up dialog first (the server would refuse the reset), then the form. Leaving
 * either one opens nothing else and puts focus back on the row's More button. The form keeps its
 * own "Confirm with MFA" for a step-up that expires while it is open.
 */
export function useResetMfaFlow({
  orgSlug,
  orgName,
  onDone,
}: {
  orgSlug: string;
  orgName: string;
  onDone: (result: MfaResetRequest) => void;
}): { start: (member: Member, opener: HTMLElement | null) => void; dialog: ReactNode } {
  const stepUp = use(StepUpContext);
  const [opened, setOpened] = useState<Opened | null>(null);
  const start = useCallback(
    (member: Member, opener: HTMLElement | null) =>
      setOpened({ member, opener, step: stepUp && !stepUp.isRecent() ? 'step-up' : 'form' }),
    [stepUp],
  );
  if (!opened) return { start, dialog: null };

  const { member, opener } = opened;
  const leave = () => {
    setOpened(null);
    returnFocus(opener, () => moreButtonOf(member));
  };
  const dialog =
    opened.step === 'step-up' && stepUp ? (
      stepUp.dialog({
        onDone: () => setOpened((o) => o && { ...o, step: 'form' }),
        onCancel: leave,
        why: `Resetting MFA needs MFA confirmed in the last ${STEP_UP_MAX_AGE_MS / 60_000} minutes.`,
      })
    ) : (
      <ResetMfaDialog
        orgSlug={orgSlug}
        orgName={orgName}
        member={member}
        onClose={leave}
        onDone={(result) => {
          setOpened(null);
          onDone(result);
        }}
      />
    );
  return { start, dialog };
}
