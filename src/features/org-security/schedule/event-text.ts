import type { components } from '@/api/schema';
import { formatCount, formatDateTime } from '@/lib/format';

type SecurityEvent = components['schemas']['SecurityEvent'];

const WAVE_NAMES: Record<string, string> = {
  now: 'the first wave',
  '7d': '7 days before',
  '3d': '3 days before',
  '1d': '1 day before',
};

/** The rollout schedule's security events, in one sentence each. */
export function scheduleEventText(event: SecurityEvent, who: string): string {
  const d = event.details;
  const date = d.requiredFrom ? formatDateTime(d.requiredFrom) : 'a date';
  switch (event.type) {
    case 'mfa_schedule_created':
      return `${who} scheduled "MFA required" from ${date}`;
    case 'mfa_schedule_changed':
      return `${who} moved "MFA required" from ${d.previousRequiredFrom ? formatDateTime(d.previousRequiredFrom) : 'its date'} to ${date}`;
    case 'mfa_schedule_cancelled':
      return `${who} cancelled the schedule for "MFA required" (was ${date})`;
    case 'mfa_schedule_took_effect':
      return d.early
        ? `${who} required MFA now, ahead of the schedule (${date})`
        : `"MFA required" took effect as scheduled by ${who}`;
    case 'scheduled_reminder_sent':
      return `Scheduled reminder (${WAVE_NAMES[d.wave ?? ''] ?? 'a wave'}): ${formatCount(d.sent ?? 0)} sent, ${formatCount(d.skipped ?? 0)} skipped`;
    default:
      return `${who}: ${event.type}`;
  }
}
