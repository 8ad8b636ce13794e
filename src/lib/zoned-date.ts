import { formatDateTime, formatShortDate } from './format';
/**
 * Dates in the viewer's time zone. A schedule's date is a calendar day there; it starts at that
 * day's midnight, sent to the server as an instant with the zone's offset on that day (which
 * differs across a daylight-saving change).
 */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const DAY_MS = 86_400_000;

/** One formatter per zone: making one costs far more than using it (a series asks 400 days). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    if (formatters.size >= 1000) formatters.clear(); // names come from requests too
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The runtime's name for time zone `name` ("pacific/auckland" → "Pacific/Auckland"), or null when
 * it knows no such zone.
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > 64) return null;
  try {
    return formatterFor(name).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Wall-clock fields of `ms` in `timeZone`. */
function fieldsIn(ms: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes east of UTC in `timeZone` at instant `ms`. */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const f = fieldsIn(ms, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** "2027-03-29" in Europe/Berlin → "2027-03-29T00:00:00+02:00" (that midnight, with its offset). */
export function startOfDayIso(date: string, timeZone: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  // The offset at midnight: try the offset of the guess, then of the corrected instant.
  let offset = offsetMinutesAt(guess, timeZone);
  offset = offsetMinutesAt(guess - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${date}T00:00:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The calendar date ("YYYY-MM-DD") of instant `ms` in `timeZone`. */
export function dateIn(ms: number, timeZone: string): string {
  const f = fieldsIn(ms, timeZone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** Calendar days from `now` to `target` in `timeZone` (a DST day still counts as one). */
export function daysBetween(now: number, target: number, timeZone: string): number {
  const toDay = (ms: number) => Date.parse(`${dateIn(ms, timeZone)}T00:00:00Z`) / DAY_MS;
  return Math.round(toDay(target) - toDay(now));
}

/** `date` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** "2026-12-17" → "Dec 17, 2026": a calendar day as it is, never moved by an offset. */
export function formatDay(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return formatShortDate(new Date(y, m - 1, d, 12));
}

/** "in 14 days", "tomorrow", "today". */
export function inDays(n: number): string {
  if (n <= 0) return 'today';
  if (n === 1) return 'tomorrow';
  return `in ${n} days`;
}

/** "Dec 12, 2026, 12:00 AM (Europe/Berlin)": in the viewer's zone, with the zone named. */
export function zonedDateTime(value: string | number): string {
  return `${formatDateTime(value)} (${viewerTimeZone()})`;
}

/** "in 14 days", by the server's clock, in calendar days of the viewer's zone. */
export function countdown(target: string, serverTime: string): string {
  return inDays(daysBetween(Date.parse(serverTime), Date.parse(target), viewerTimeZone()));
}
