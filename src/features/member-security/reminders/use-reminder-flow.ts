import { useCallback, useRef } from 'react';
import { queryKeys } from '@/api/query-keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '@/api/client';
import { sendReminders, type Member, type ReminderRequest } from '../api';
import { displayName } from '@/lib/display-name';
import type { NoticeState } from './notice';
import { sendFailureText, sendOutcomeText } from './outcome';
import type { Selection } from '../table/selection';

export interface SendVariables {
  body: ReminderRequest;
  /** Who this is for, to word the outcome ("Mia Member"); absent for bulk sends. */
  label?: string;
}

export const selectionBody = (selection: Selection): ReminderRequest | null =>
  selection.mode === 'all'
    ? { filter: selection.filter }
    : selection.members.size > 0
      ? { userIds: [...selection.members.keys()] }
      : null;

/**
 * Sending reminders from a row or from the selection, and saying what happened (the words are in
 * outcome.ts). One Idempotency-Key per user action: a retry of the same request (after a failure
 * or a lost answer) reuses it, so the server never sends twice; a new request gets a new key.
 */
export function useReminderFlow(
  orgSlug: string,
  ui: {
    setNotice: (n: NoticeState | null) => void;
    clearSelection: () => void;
    onJob: (jobId: string) => void;
  },
) {
  const { setNotice, clearSelection, onJob } = ui;
  const client = useQueryClient();
  const action = useRef<{ body: string; key: string } | null>(null);
  const send = useMutation({
    mutationFn: ({ body }: SendVariables) => {
      const json = JSON.stringify(body);
      if (action.current?.body !== json) action.current = { body: json, key: idempotencyKey() };
      return sendReminders(orgSlug, body, action.current.key);
    },
    onSuccess: async (outcome, vars) => {
      action.current = null;
      if (!vars.label) clearSelection();
      if (outcome.kind === 'job') {
        // The 202 answer is the job's first state: show its progress at once, then poll. A job has
        // sent nothing yet: its card refreshes the list and the counts when it stops.
        client.setQueryData(queryKeys.org.job(orgSlug, outcome.job.id), outcome.job);
        onJob(outcome.job.id);
        setNotice(null);
        return;
      }
      setNotice({ tone: 'success', text: sendOutcomeText(outcome.result, vars.label) });
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.org.members(orgSlug) }),
        client.invalidateQueries({ queryKey: queryKeys.org.events(orgSlug) }),
      ]);
    },
    // The selection stays, so the same action can be tried again (with the same key).
    onError: (error, vars) =>
      setNotice({ tone: 'error', text: sendFailureText(error), retry: () => send.mutate(vars) }),
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
    const body = selectionBody(selection);
    if (isPending || !body) return;
    setNotice(null);
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
