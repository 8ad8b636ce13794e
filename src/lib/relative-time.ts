type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';
const UNITS: [Unit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** What Intl.RelativeTimeFormat('en', { numeric: 'auto' }) says, without starting ICU (src/lib/format.ts). */
const LAST: Partial<Record<Unit, string>> = {
  year: 'last year',
  month: 'last month',
  week: 'last week',
  day: 'yesterday',
};
const ago = (n: number, unit: Unit) =>
  n === 1 && LAST[unit] ? LAST[unit] : `${n} ${unit}${n === 1 ? '' : 's'} ago`;

/** "3 hours ago", "yesterday", "just now". */
export function relativeTime(iso: string, now = Date.now()): string {
  // A server clock slightly ahead of this one must not read "in 2 minutes".
  const elapsed = Math.max(0, now - Date.parse(iso));
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return ago(Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}
