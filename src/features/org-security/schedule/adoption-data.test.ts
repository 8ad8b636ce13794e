import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { clock } from '@/mocks/db';
import { oliviaSchedules } from '@/mocks/schedule-test-helpers';
import { formatDay, startOfDayIso } from '@/lib/zoned-date';
import { adoptionQuery } from './api';
import { adoptionSentence, chartMarks, chartRows, placeLabels } from './adoption-data';

/** The series as the chart asks for it, in `timeZone`, through the client and the mock API. */
const fetchAdoption = (timeZone: string) =>
  new QueryClient().fetchQuery(adoptionQuery('acme', timeZone));

const markOf = (marks: ReturnType<typeof chartMarks>, label: string) =>
  marks.find((m) => m.label === label)?.x;

const runtimeZone = process.env.TZ;
afterEach(() => {
  if (runtimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = runtimeZone;
});

describe('the adoption chart’s markers in the viewer’s zone', () => {
  it('in Pacific/Auckland, the deadline and each wave stand on the day the viewer sees', async () => {
    // Olivia, in Auckland, schedules Dec 12 at TEST_NOW: Nov 28 12:00 UTC, Nov 29 01:00 there.
    await oliviaSchedules(startOfDayIso('2026-12-12', 'Pacific/Auckland'), ['now', '7d', '1d']);
    const a = await fetchAdoption('Pacific/Auckland');
    const marks = chartMarks(a);
    expect(markOf(marks, 'Deadline')).toBe('Dec 12, 2026'); // UTC days put it on Dec 11
    expect(markOf(marks, 'Now')).toBe('Nov 29, 2026'); // UTC days put it on Nov 28
    expect(markOf(marks, '7 days before')).toBe('Dec 5, 2026');
    expect(markOf(marks, '1 day before')).toBe('Dec 11, 2026');
    // Every marker stands on a day of the chart; today's point is the "Now" wave's day.
    const rows = chartRows(a);
    for (const m of marks) expect(rows.map((r) => r.label)).toContain(m.x);
    expect(rows[0]).toMatchObject({ label: 'Nov 29, 2026', mfaEnabled: 29 });
    expect(rows.at(-1)).toMatchObject({ label: 'Dec 12, 2026', mfaEnabled: null });
    expect(adoptionSentence(a)).toContain('MFA is required from Dec 12, 2026.');
    expect(adoptionSentence(a)).toContain('Now (Nov 29, 2026, sending)');
  });

  it('in America/Los_Angeles, a schedule made in the evening starts the chart on that day', async () => {
    clock.set(Date.parse('2026-11-29T03:00:00Z')); // Nov 28, 19:00 in Los Angeles
    await oliviaSchedules(startOfDayIso('2026-12-12', 'America/Los_Angeles'), ['now', '3d']);
    const a = await fetchAdoption('America/Los_Angeles');
    const marks = chartMarks(a);
    expect(markOf(marks, 'Now')).toBe('Nov 28, 2026'); // UTC days put it on Nov 29
    expect(markOf(marks, '3 days before')).toBe('Dec 9, 2026');
    expect(markOf(marks, 'Deadline')).toBe('Dec 12, 2026');
    expect(chartRows(a)[0]?.label).toBe('Nov 28, 2026');
  });

  it.each(['Pacific/Auckland', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'])(
    'labels a calendar day as that day whatever the runtime zone (%s)',
    (zone) => {
      process.env.TZ = zone;
      expect(formatDay('2026-12-12')).toBe('Dec 12, 2026');
      expect(formatDay('2027-04-04')).toBe('Apr 4, 2027'); // Auckland's clocks go back that night
    },
  );
});

describe('the markers’ labels', () => {
  /** Each label's extent in px, as placeLabels reckons it (7 px a character, 10 px offset). */
  function extents(plotWidth: number, a: Awaited<ReturnType<typeof fetchAdoption>>) {
    const rows = chartRows(a);
    const marks = chartMarks(a);
    const step = plotWidth / (rows.length - 1);
    return placeLabels(marks, rows, plotWidth).map((place, i) => {
      const mark = marks[i];
      const x = rows.findIndex((r) => r.label === mark?.x) * step;
      const width = (mark?.label.length ?? 0) * 7 + 10;
      const [from, to] = place.side === 'right' ? [x, x + width] : [x - width, x];
      return { label: mark?.label, kind: mark?.kind, ...place, from, to };
    });
  }

  it.each([
    [906, 1], // 1280 px: one row at the bottom
    [245, 3], // 375 px: the last three waves are 7, 3 and 1 day before, days 17 px apart
  ])('stay inside a %i px plot, without overlapping, in %i rows', async (plotWidth, rows) => {
    await oliviaSchedules(startOfDayIso('2026-12-12', 'UTC')); // 14 days ahead, every wave
    const placed = extents(plotWidth, await fetchAdoption('UTC'));
    const waves = placed.filter((p) => p.kind === 'wave');
    expect(waves).toHaveLength(4);
    for (const p of waves) {
      expect(p.from).toBeGreaterThanOrEqual(0);
      expect(p.to).toBeLessThanOrEqual(plotWidth);
      for (const q of waves)
        if (p !== q && p.row === q.row) expect(p.to <= q.from || q.to <= p.from).toBe(true);
    }
    expect(Math.max(...waves.map((p) => p.row)) + 1).toBe(rows);
    expect(placed.at(-1)).toMatchObject({ label: 'Deadline', side: 'left', row: 0 });
  });
});
