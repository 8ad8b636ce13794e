import { clock, type OrgRecord } from './db';
import { badRequest, ProblemError } from './problems';
import { WAVE_KEYS, type MfaScheduleRecord, type WaveKey } from './mfa-schedule-types';
import { DAY_MS } from './wave-plan';

export { DAY_MS, planWaves } from './wave-plan';

/** The latest date a schedule may name, in days after today (in the date's own offset). */
export const MAX_DAYS_AHEAD = 365;

/**
 * Whether MFA is required at `now`: switched on, or a schedule whose instant has come. The
 * deadline holds by itself, before any scheduler tick records it (a request one second after it
 * is denied even if nothing ran in between).
 */
export function mfaRequiredAt(org: OrgRecord, now = clock.now()): boolean {
  if (org.mfaRequired) return true;
  const s = org.mfaSchedule;
  return !!s && s.status === 'scheduled' && now >= s.requiredFrom;
}

/** The schedule still counting down at `now` (not cancelled, not in effect, not overtaken). */
export function pendingSchedule(org: OrgRecord, now = clock.now()): MfaScheduleRecord | null {
  const s = org.mfaSchedule;
  if (!s || s.status !== 'scheduled' || org.mfaRequired || now >= s.requiredFrom) return null;
  return s;
}

export function scheduleEtag(org: OrgRecord): string {
  return `"s${org.mfaSchedule?.version ?? 0}.o${org.version}"`;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

const invalid = (code: string, detail: string) =>
  new ProblemError(400, code, 'Invalid request', detail, {
    parameters: { parameter: 'requiredFrom' },
    errors: [{ field: 'requiredFrom', message: detail }],
  });

/** Minutes east of UTC of `Z` / `+01:00` / `-05:30`. */
function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/**
 * `requiredFrom`: an ISO 8601 instant with its zone, whose calendar date in that zone is tomorrow
 * to 365 days ahead of today there, by the server's clock. Returns the instant in ms.
 */
export function parseRequiredFrom(value: unknown, now = clock.now()): number {
  if (value === undefined || value === null)
    throw invalid('missing_field', '"requiredFrom" is required.');
  if (typeof value !== 'string') throw invalid('invalid_type', '"requiredFrom" must be a string.');
  const m = INSTANT.exec(value.trim());
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()))
      throw invalid(
        'zone_required',
        '"requiredFrom" needs a time and a zone, e.g. 2026-12-14T00:00:00+01:00.',
      );
    throw invalid(
      'invalid_date',
      `"requiredFrom" is not a date and time: ${JSON.stringify(value).slice(0, 60)}.`,
    );
  }
  const [, y, mo, d, h, mi, s = '0', zone] = m;
  if (!zone)
    throw invalid(
      'zone_required',
      '"requiredFrom" needs a zone: end it with Z or an offset such as +01:00.',
    );
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const asUtc = new Date(Date.UTC(...fields));
  if (
    asUtc.getUTCMonth() !== fields[1] ||
    asUtc.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59 ||
    Math.abs(offsetMinutes(zone)) > 14 * 60
  ) {
    throw invalid('invalid_date', `"requiredFrom" is not a valid date and time: ${value}.`);
  }
  const offsetMs = offsetMinutes(zone) * 60_000;
  const instant = Date.parse(value.trim());
  const days = Math.floor((instant + offsetMs) / DAY_MS) - Math.floor((now + offsetMs) / DAY_MS);
  if (days < 1) throw invalid('date_too_early', 'The date must be tomorrow or later.');
  if (days > MAX_DAYS_AHEAD)
    throw invalid('date_too_late', `The date must be at most ${MAX_DAYS_AHEAD} days ahead.`);
  return instant;
}

/** The reminder plan: a subset of the known waves (every wave when absent; empty: none). */
export function parsePlan(value: unknown): WaveKey[] {
  if (value === undefined) return [...WAVE_KEYS];
  if (!Array.isArray(value))
    throw badRequest('"reminderPlan" must be a list of waves.', 'reminderPlan');
  for (const item of value) {
    if (!WAVE_KEYS.includes(item as WaveKey)) {
      throw new ProblemError(
        400,
        'unknown_wave',
        'Invalid request',
        `Unknown reminder wave ${JSON.stringify(item)}: use ${WAVE_KEYS.join(', ')}.`,
        { parameters: { parameter: 'reminderPlan', value: item } },
      );
    }
  }
  return WAVE_KEYS.filter((k) => value.includes(k));
}
