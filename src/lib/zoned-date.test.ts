import { describe, expect, it } from 'vitest';
import { addDays, dateIn, daysBetween, inDays, startOfDayIso } from './zoned-date';

describe('dates in the viewer’s zone', () => {
  it.each([
    ['2027-03-27', '2027-03-27T00:00:00+01:00'],
    ['2027-03-28', '2027-03-28T00:00:00+01:00'], // clocks go forward at 02:00 that night
    ['2027-03-29', '2027-03-29T00:00:00+02:00'],
    ['2027-10-31', '2027-10-31T00:00:00+02:00'], // clocks go back at 03:00 that night
    ['2027-11-01', '2027-11-01T00:00:00+01:00'],
  ])('Europe/Berlin midnight of %s is %s', (date, iso) => {
    expect(startOfDayIso(date, 'Europe/Berlin')).toBe(iso);
    expect(dateIn(Date.parse(iso), 'Europe/Berlin')).toBe(date);
  });

  it('handles zones west of UTC and half-hour offsets', () => {
    expect(startOfDayIso('2026-12-12', 'America/New_York')).toBe('2026-12-12T00:00:00-05:00');
    expect(startOfDayIso('2026-12-12', 'Asia/Kolkata')).toBe('2026-12-12T00:00:00+05:30');
    expect(startOfDayIso('2026-12-12', 'UTC')).toBe('2026-12-12T00:00:00+00:00');
  });

  it('counts calendar days across a daylight-saving change', () => {
    const now = Date.parse('2027-03-27T12:00:00+01:00');
    expect(daysBetween(now, Date.parse('2027-03-29T00:00:00+02:00'), 'Europe/Berlin')).toBe(2);
    const autumn = Date.parse('2027-10-30T23:30:00+02:00');
    expect(daysBetween(autumn, Date.parse('2027-11-01T00:00:00+01:00'), 'Europe/Berlin')).toBe(2);
    expect(inDays(14)).toBe('in 14 days');
    expect(inDays(1)).toBe('tomorrow');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
  });
});
