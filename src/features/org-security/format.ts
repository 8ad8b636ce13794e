import type { OrgSecurity, ReminderJob, ReminderResult, SecurityEvent } from './api';
import { displayName } from '@/lib/display-name';
import { formatCount, formatDateTime } from '@/lib/format';
import { scheduleEventText } from './schedule/event-text';

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export function lastChanged(security: OrgSecurity): string {
  if (!security.updatedAt) return 'Never changed.';
  const who = security.updatedBy ? ` by ${displayName(security.updatedBy)}` : '';
  return `Last changed${who} on ${formatDateTime(security.updatedAt)}.`;
}

/** What a reminder send did, in one sentence a person can check. */
export function reminderOutcome(result: ReminderResult | ReminderJob): string {
  if ('status' in result) {
    return `Reminders are being sent to ${plural(result.total, 'person', 'people')} in the background. Follow the progress under User security settings.`;
  }
  const { alreadyEnabled, recentlyReminded, notInOrganization } = result.skipped;
  const reasons = [
    recentlyReminded > 0 && `${formatCount(recentlyReminded)} reminded in the last 24 hours`,
    alreadyEnabled > 0 && `${formatCount(alreadyEnabled)} already set up MFA`,
    notInOrganization > 0 && `${formatCount(notInOrganization)} not in the organization`,
  ].filter(Boolean);
  const sent =
    result.sent === 0
      ? 'No reminders sent.'
      : `Reminders sent to ${plural(result.sent, 'person', 'people')}.`;
  return reasons.length > 0 ? `${sent} Skipped: ${reasons.join(', ')}.` : sent;
}

export function eventText(event: SecurityEvent): string {
  const who = displayName(event.actor);
  switch (event.type) {
    case 'mfa_enforcement_enabled':
      return `${who} turned on "MFA required"`;
    case 'mfa_enforcement_disabled':
      return `${who} turned off "MFA required"`;
    case 'reminders_sent': {
      const n = event.details.recipients;
      return n === undefined
        ? `${who} sent MFA reminders`
        : `${who} sent MFA reminders to ${plural(n, 'person', 'people')}`;
    }
    case 'mfa_reset_requested':
      return `${who} asked to reset the MFA of ${whom(event)}${why(event)}`;
    case 'mfa_reset_approved':
      return `${who} approved the MFA reset of ${whom(event)}`;
    case 'mfa_reset_declined':
      return `${who} declined the MFA reset of ${whom(event)}`;
    case 'mfa_reset_expired':
      return `The MFA reset of ${whom(event)} asked by ${who} expired without approval`;
    case 'mfa_reset':
      return event.details.singleApprover
        ? `${who} reset the MFA of ${whom(event)} at once: the organization has no second owner or admin with MFA to approve${why(event)}`
        : `The MFA of ${whom(event)} was reset (approved by ${who})`;
    default:
      return scheduleEventText(event, who);
  }
}

const whom = (event: SecurityEvent) =>
  event.details.target ? displayName(event.details.target) : 'a member';
const why = (event: SecurityEvent) =>
  event.details.reason ? ` (reason: ${event.details.reason})` : '';
