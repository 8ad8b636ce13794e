import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '@/api/client';
import { errorMessage, isApiError } from '@/api/problem';
import { queryKeys } from '@/api/query-keys';
import { zonedDateTime } from '@/lib/zoned-date';
import {
  cancelSchedule,
  changeScheduleDate,
  createSchedule,
  requireNow,
  type ScheduleState,
} from './api';
import type { ScheduleChoice } from './schedule-dialog';

export type ScheduleAction = 'create' | 'change' | 'cancel' | 'now';

/**
 * Changing the schedule: which dialog is open, the request (with the ETag read and, for Require
 * now, one Idempotency-Key per opening), the server's answer written into the cache, and what it
 * did or why it failed.
 */
export function useScheduleChange(orgSlug: string, orgName: string) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<ScheduleAction | null>(null);
  const [errorText, setErrorText] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [key, setKey] = useState('');

  const save = useMutation({
    mutationFn: async (input: { action: ScheduleAction; choice?: ScheduleChoice }) => {
      const etag =
        queryClient.getQueryData<ScheduleState>(queryKeys.org.schedule(orgSlug))?.etag ?? '';
      if (input.action === 'create' && input.choice)
        return createSchedule(orgSlug, etag, input.choice);
      if (input.action === 'change' && input.choice)
        return changeScheduleDate(orgSlug, etag, input.choice.requiredFrom);
      if (input.action === 'cancel') return cancelSchedule(orgSlug, etag);
      return requireNow(orgSlug, etag, key);
    },
    onSuccess: (state, { action }) => {
      queryClient.setQueryData(queryKeys.org.schedule(orgSlug), state);
      setOpen(null);
      setNotice(
        action === 'cancel'
          ? 'The schedule is cancelled: no more reminders, and MFA will not become required.'
          : action === 'now'
            ? `MFA is now required in ${orgName}.`
            : `MFA will be required from ${zonedDateTime(state.requiredFrom ?? '')}.`,
      );
    },
    onError: (error) => {
      setErrorText(
        isApiError(error, 'precondition_failed')
          ? 'Someone changed the schedule meanwhile. Here is its current state; check it and try again.'
          : errorMessage(error),
      );
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.orgList() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me.all() });
    },
  });

  function show(next: ScheduleAction) {
    setErrorText(null);
    setNotice(null);
    setKey(idempotencyKey());
    setOpen(next);
  }
  const close = () => !save.isPending && setOpen(null);
  /** The date dialog's choice: a new attempt, so the last error goes. */
  const choose = (action: 'create' | 'change', choice: ScheduleChoice) => {
    setErrorText(null);
    save.mutate({ action, choice });
  };
  const confirm = (action: 'cancel' | 'now') => save.mutate({ action });

  return {
    open,
    errorText,
    notice,
    dismissNotice: () => setNotice(null),
    saving: save.isPending,
    show,
    close,
    choose,
    confirm,
  };
}
