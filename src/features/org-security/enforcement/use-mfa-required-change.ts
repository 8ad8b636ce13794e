import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey } from '@/api/client';
import { queryKeys } from '@/api/query-keys';
import { focusedElement, returnFocus } from '@/lib/focus-return';
import { remindWithoutMfa, updateMfaRequired, type OrgSecurityState } from '../api';
import { saveFailure, savedNotice, type Notice } from './notices';

/**
 * Turning "MFA required" on or off: the confirmation asked (`intent`), the PATCH with the ETag
 * read, the reminders sent with it (and sent again alone after a failure), and the notice after.
 */
export function useMfaRequiredChange(orgSlug: string, orgName: string) {
  const queryClient = useQueryClient();
  const [intent, setIntent] = useState<boolean | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reminderKey, setReminderKey] = useState('');
  // The control that opened the dialog (the switch): focus goes back to it however the dialog
  // closes, once it is enabled again after saving.
  const opener = useRef<HTMLElement | null>(null);
  const closeDialog = () => {
    setIntent(null);
    returnFocus(opener.current);
  };

  const remindAgain = useMutation({
    mutationFn: () => remindWithoutMfa(orgSlug, reminderKey),
    onSuccess: (result) => setNotice(savedNotice(true, orgName, { reminders: result })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) }),
  });

  const save = useMutation({
    mutationFn: async ({ enable, remind }: { enable: boolean; remind: boolean }) => {
      const etag =
        queryClient.getQueryData<OrgSecurityState>(queryKeys.org.security(orgSlug))?.etag ?? '';
      const state = await updateMfaRequired(orgSlug, enable, etag);
      queryClient.setQueryData(queryKeys.org.security(orgSlug), state);
      if (!remind) return { state, reminders: null };
      // Enforcement is on at this point; a failed send is reported and can be retried alone.
      const reminders = await remindWithoutMfa(orgSlug, reminderKey).catch((error: unknown) => ({
        error,
      }));
      return { state, reminders };
    },
    onSuccess: ({ state, reminders }) => {
      closeDialog();
      setNotice(savedNotice(state.mfaRequired, orgName, { reminders }));
    },
    onError: (error) => {
      const failure = saveFailure(error);
      if (failure.closeDialog) {
        closeDialog();
        setNotice(failure.notice);
      } else {
        setDialogError(failure.text);
      }
    },
    // Whatever happened, show the state the server now has (and what depends on it).
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.org.all(orgSlug) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.orgList() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me.all() });
    },
  });

  function ask(enable: boolean) {
    setDialogError(null);
    setNotice(null);
    setReminderKey(idempotencyKey());
    opener.current = focusedElement();
    setIntent(enable);
  }

  function confirm(enable: boolean, remind: boolean) {
    setDialogError(null);
    save.mutate({ enable, remind });
  }

  function showWho() {
    setIntent(null);
    // The list below, now filtered to the people without MFA, replaces the dialog.
    returnFocus(() => document.getElementById('user-security-settings'));
  }

  return {
    intent,
    dialogError,
    notice,
    dismissNotice: () => setNotice(null),
    save,
    remindAgain,
    ask,
    confirm,
    closeDialog,
    showWho,
  };
}
