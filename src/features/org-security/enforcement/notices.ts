import { errorMessage, isApiError } from '@/api/problem';
import type { OrgSecurity, ReminderJob, ReminderResult } from '../api';
import { lastChanged, reminderOutcome } from '../format';

export interface Notice {
  color: 'teal' | 'yellow' | 'red' | 'orange';
  title: string;
  text: string;
  retryReminders?: boolean;
}

type Reminders = ReminderResult | ReminderJob | { error: unknown } | null;

export function savedNotice(
  enabled: boolean,
  orgName: string,
  { reminders }: { reminders: Reminders },
): Notice {
  const title = enabled
    ? `MFA is now required in ${orgName}`
    : `MFA is no longer required in ${orgName}`;
  if (reminders && 'error' in reminders) {
    return {
      color: 'orange',
      title,
      text: `The reminders could not be sent: ${errorMessage(reminders.error)}`,
      retryReminders: true,
    };
  }
  return {
    color: 'teal',
    title,
    text: reminders
      ? reminderOutcome(reminders)
      : enabled
        ? 'People without MFA are asked to set it up the next time they open the organization.'
        : 'Everyone can open the organization again without MFA.',
  };
}

/**
 * How a failed save is reported. Refusals and conflicts close the dialog and explain the state
 * the server has; failures that a retry can fix keep the dialog open with "Try again".
 */
export function saveFailure(
  error: unknown,
): { closeDialog: true; notice: Notice } | { closeDialog: false; text: string } {
  if (isApiError(error, 'precondition_failed')) {
    const current = error.problem.parameters?.current as OrgSecurity | undefined;
    const now = current
      ? ` It is now ${current.mfaRequired ? 'on' : 'off'}. ${lastChanged(current)}`
      : '';
    return {
      closeDialog: true,
      notice: {
        color: 'yellow',
        title: 'Changed by someone else meanwhile',
        text: `This setting was changed while you were looking at it, so your change was not applied.${now} Review it and try again if needed.`,
      },
    };
  }
  if (isApiError(error) && error.status === 403) {
    return {
      closeDialog: true,
      notice: { color: 'red', title: 'Not allowed', text: errorMessage(error) },
    };
  }
  if (isApiError(error, 'network_error')) {
    const timedOut = error.cause instanceof DOMException && error.cause.name === 'TimeoutError';
    return {
      closeDialog: false,
      text: `${timedOut ? 'The server did not answer in time.' : errorMessage(error)} The switch shows the setting as the server reports it now.`,
    };
  }
  return { closeDialog: false, text: `${errorMessage(error)} The setting was not changed.` };
}
