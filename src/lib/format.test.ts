import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatShortDate, formatTime } from './format';

// Local dates: the output is in the person's time zone, whatever the machine's is.
const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('format', () => {
  it('writes dates the en-US way', () => {
    expect(formatDate(at(2026, 11, 1))).toBe('November 1, 2026');
    expect(formatShortDate(at(2026, 9, 30))).toBe('Sep 30, 2026');
    expect(formatDate(at(2026, 1, 31).toISOString())).toBe('January 31, 2026');
  });

  it('writes times on a 12-hour clock', () => {
    expect(formatTime(at(2026, 1, 1, 0, 5))).toBe('12:05 AM');
    expect(formatTime(at(2026, 1, 1, 11, 59))).toBe('11:59 AM');
    expect(formatTime(at(2026, 1, 1, 12, 0))).toBe('12:00 PM');
    expect(formatTime(at(2026, 1, 1, 14, 7))).toBe('2:07 PM');
    expect(formatDateTime(at(2026, 11, 28, 9, 30))).toBe('Nov 28, 2026, 9:30 AM');
  });

  it('agrees with Intl for en-US', () => {
    const d = at(2026, 7, 4, 16, 45);
    expect(formatDate(d)).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(d));
    expect(formatTime(d)).toBe(
      d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }).replace(/\s/g, ' '),
    );
  });

  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(100000)).toBe('100,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-1234.5)).toBe('-1,234.5');
  });
});
