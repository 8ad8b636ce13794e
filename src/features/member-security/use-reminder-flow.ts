import { useCallback } from 'react';
import { isApiError, errorMessage } from '@/api/problem';
import type { Member } from './api';
import { displayName } from '@/lib/display-name';
import type { NoticeState } from './notice';
import { reminderResultText, retryText } from './outcome';
import type { Selection } from './selection';
import { useSendReminders, type SendVariables } from './use-send-reminders';

/** Sending reminders from a row or from the selection, and saying what happened. */
export function useReminderFlow(
  orgSlug: string,
  ui: {
    setNotice: (n: NoticeState | null) => void;
    clearSelection: () => void;
    onJob: (jobId: string) => void;
  },
) {
  const { setNotice, clearSelection, onJob } = ui;
  const send = useSendReminders(orgSlug, {
    onSuccess: (outcome, vars) => {
      if (!vars.label) clearSelection();
      if (outcome.kind === 'job') {
        onJob(outcome.job.id);
        setNotice(null);
        return;
      }
      const { result } = outcome;
      const text =
        vars.label && result.sent === 1
          ? `Reminder sent to ${vars.label}.`
          : reminderResultText(result);
      setNotice({ tone: 'success', text });
    },
    onError: (error, vars) => {
      // The selection stays, so the same action can be tried again (with the same key).
      const retry = () => send.mutate(vars);
      if (isApiError(error) && error.status === 429 && error.retryAfterSeconds !== null) {
        setNotice({ tone: 'error', text: retryText(error.retryAfterSeconds), retry });
        return;
      }
      setNotice({
        tone: 'error',
        text: `The reminder was not confirmed. ${errorMessage(error)} Trying again never sends twice.`,
        retry,
      });
    },
  });
  const { mutate, isPending, variables } = send;

  const remindOne = useCallback(
    (member: Member) => {
      setNotice(null);
      mutate({ body: { userIds: [member.id] }, label: displayName(member) });
    },
    [mutate, setNotice],
  );
  const remindSelection = (selection: Selection) => {
    if (isPending) return;
    setNotice(null);
    const body: SendVariables['body'] =
      selection.mode === 'all'
        ? { filter: selection.filter }
        : { userIds: [...selection.members.keys()] };
    mutate({ body });
  };
  const single = isPending && variables.label !== undefined;
  const pendingId = single && variables.body.userIds ? (variables.body.userIds[0] ?? null) : null;
  return {
    remindOne,
    remindSelection,
    pendingId,
    bulkPending: isPending && !single,
  };
}
