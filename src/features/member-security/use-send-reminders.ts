import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '@/api/client';
import { memberKeys, sendReminders, type ReminderRequest, type SendOutcome } from './api';

export interface SendVariables {
  body: ReminderRequest;
  /** Who this is for, to word the outcome ("Mia Member"); absent for bulk sends. */
  label?: string;
}

/**
 * One Idempotency-Key per user action: a retry of the same request (after a failure or a lost
 * answer) reuses it, so the server never sends twice; a new request gets a new key.
 */
export function useSendReminders(
  orgSlug: string,
  handlers: {
    onSuccess: (outcome: SendOutcome, vars: SendVariables) => void;
    onError: (error: unknown, vars: SendVariables) => void;
  },
) {
  const client = useQueryClient();
  const action = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationFn: ({ body }: SendVariables) => {
      const json = JSON.stringify(body);
      if (action.current?.body !== json) action.current = { body: json, key: idempotencyKey() };
      return sendReminders(orgSlug, body, action.current.key);
    },
    onSuccess: async (outcome, vars) => {
      action.current = null;
      // The 202 answer is the job's first state: show its progress at once, then poll.
      if (outcome.kind === 'job')
        client.setQueryData(memberKeys.job(orgSlug, outcome.job.id), outcome.job);
      handlers.onSuccess(outcome, vars);
      // A job has sent nothing yet, so the list, the counts and the events are still right: the
      // job's card refreshes them when the job stops (reminder-jobs.tsx).
      if (outcome.kind === 'job') return;
      await Promise.all([
        client.invalidateQueries({ queryKey: memberKeys.all(orgSlug) }),
        client.invalidateQueries({ queryKey: ['orgs', orgSlug, 'security-events'] }),
      ]);
    },
    onError: (error, vars) => handlers.onError(error, vars),
  });
}
