import type { components } from '@/api/schema';
import { schemas } from '@/api/contract-values';
import { clock, db, type OrgRecord } from './db';
import { indexOf, summaryOf, type Summary } from './member-index';
import { addDays, dateIn, startOfDayIso } from '@/lib/zoned-date';
import { waveView } from './schedule-view';

/** At most this many days in a series (the contract's MfaAdoption; a schedule spans at most 366). */
export const MAX_POINTS = schemas.MfaAdoption.properties.days.maxItems;

const enabledCache = new WeakMap<Summary, Float64Array>();

/** Every member's MFA start, sorted (once per state of the organization: 100,000 at Initech). */
function enabledTimes(orgId: string): Float64Array {
  const summary = summaryOf(orgId);
  const cached = enabledCache.get(summary);
  if (cached) return cached;
  const times: number[] = [];
  for (const row of indexOf(orgId).rows) if (row.u.mfa) times.push(row.u.mfa.enabledAt);
  const sorted = Float64Array.from(times).sort();
  enabledCache.set(summary, sorted);
  return sorted;
}

/** How many of `sorted` are <= `t` (binary search). */
function countUpTo(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Users with MFA at the end of each calendar day in `timeZone` (the viewer's: so the deadline and
 * the waves fall on the days the viewer sees elsewhere), from the day the schedule began to today
 * (the future has no points). Bounded: one point per day, at most MAX_POINTS, whatever the size of
 * the organization. A day ends at the next day's midnight there (23 or 25 hours across a DST change).
 */
export function adoptionOf(org: OrgRecord, timeZone = 'UTC'): components['schemas']['MfaAdoption'] {
  const s = org.mfaSchedule;
  const total = summaryOf(org.id).total;
  if (!s) return { days: [], total, requiredFrom: null, waves: [], timeZone };
  const times = enabledTimes(org.id);
  const today = dateIn(clock.now(), timeZone);
  const first = dateIn(s.createdAt, timeZone);
  const earliest = addDays(today, 1 - MAX_POINTS);
  const days: { date: string; mfaEnabled: number }[] = [];
  for (let date = first < earliest ? earliest : first; date <= today; date = addDays(date, 1)) {
    const end = Date.parse(startOfDayIso(addDays(date, 1), timeZone)) - 1;
    days.push({ date, mfaEnabled: countUpTo(times, end) });
  }
  return {
    days,
    total,
    requiredFrom: new Date(s.requiredFrom).toISOString(),
    waves: s.waves.map(waveView),
    timeZone,
  };
}

/** The reminders one person received from an organization, newest first (at most 100). */
export function reminderHistory(orgId: string, email: string) {
  const items: components['schemas']['MemberReminderHistory']['items'] = [];
  for (let i = db.outbox.length - 1; i >= 0 && items.length < 100; i--) {
    const mail = db.outbox[i];
    if (!mail || mail.kind !== 'mfa_reminder' || mail.to !== email || mail.orgId !== orgId)
      continue;
    const actor = mail.actorId ? db.users.get(mail.actorId) : undefined;
    items.push({
      at: new Date(mail.sentAt).toISOString(),
      by: actor ? { id: actor.id, name: actor.name, email: actor.email } : null,
      wave: mail.wave ?? null,
    });
  }
  return { items };
}
