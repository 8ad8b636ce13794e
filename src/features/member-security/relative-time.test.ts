import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const before = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it('says what Intl.RelativeTimeFormat says in English', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const cases: [number, Intl.RelativeTimeFormatUnit, number][] = [
      [1, 'minute', MIN],
      [5, 'minute', MIN],
      [1, 'hour', HOUR],
      [23, 'hour', HOUR],
      [1, 'day', DAY],
      [3, 'day', DAY],
      [1, 'week', 7 * DAY],
      [2, 'week', 7 * DAY],
      [1, 'month', 30 * DAY],
      [11, 'month', 30 * DAY],
      [1, 'year', 365 * DAY],
      [4, 'year', 365 * DAY],
    ];
    for (const [n, unit, ms] of cases)
      expect(relativeTime(before(n * ms), NOW)).toBe(intl.format(-n, unit));
  });

  it('says "just now" under a minute, and never speaks of the future', () => {
    expect(relativeTime(before(30_000), NOW)).toBe('just now');
    expect(relativeTime(before(-120_000), NOW)).toBe('just now');
  });
});
