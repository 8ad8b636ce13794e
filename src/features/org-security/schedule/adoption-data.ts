import { schemas } from '@/api/contract-values';
import { formatCount } from '@/lib/format';
import { waveLabel } from '@/lib/reminder-waves';
import { addDays, dateIn, formatDay } from '@/lib/zoned-date';
import type { MfaAdoption } from './api';

/** At most this many days on the chart (a schedule spans at most 366, the server sends ≤ 400). */
const MAX_DAYS = schemas.MfaAdoption.properties.days.maxItems;

/** The calendar day of an instant in the series' zone, the zone the server counted days in. */
const dayOf = (iso: string, timeZone: string) => dateIn(Date.parse(iso), timeZone);

export interface ChartRow {
  date: string;
  label: string;
  mfaEnabled: number | null;
}

export interface ChartMark {
  /** The label of the day (row) the line stands on. */
  x: string;
  label: string;
  kind: 'wave' | 'deadline';
}

/** The server's days, then the days up to the deadline (no value yet), so it can be marked. */
export function chartRows(a: MfaAdoption): ChartRow[] {
  const rows: Omit<ChartRow, 'label'>[] = a.days.map((d) => ({ ...d }));
  const deadline = a.requiredFrom ? dayOf(a.requiredFrom, a.timeZone) : null;
  let last = rows.at(-1)?.date;
  while (last && deadline && last < deadline && rows.length < MAX_DAYS) {
    last = addDays(last, 1);
    rows.push({ date: last, mfaEnabled: null });
  }
  return rows.map((r) => ({ ...r, label: formatDay(r.date) }));
}

/** Each wave and the deadline, on the day its instant falls on in the series' zone. */
export function chartMarks(a: MfaAdoption): ChartMark[] {
  return [
    ...a.waves.map((w) => ({
      x: formatDay(dayOf(w.at, a.timeZone)),
      label: waveLabel(w.key),
      kind: 'wave' as const,
    })),
    ...(a.requiredFrom
      ? [
          {
            x: formatDay(dayOf(a.requiredFrom, a.timeZone)),
            label: 'Deadline',
            kind: 'deadline' as const,
          },
        ]
      : []),
  ];
}

/** The chart's text alternative, with the same days as the chart. */
export function adoptionSentence(a: MfaAdoption): string {
  const first = a.days[0];
  const last = a.days.at(-1);
  if (!first || !last) return 'No days to show yet.';
  const on = (iso: string) => formatDay(dayOf(iso, a.timeZone));
  const deadline = a.requiredFrom ? ` MFA is required from ${on(a.requiredFrom)}.` : '';
  const waves = a.waves.map((w) => `${waveLabel(w.key)} (${on(w.at)}, ${w.status})`);
  return `Users with MFA went from ${formatCount(first.mfaEnabled)} on ${formatDay(first.date)} to ${formatCount(last.mfaEnabled)} of ${formatCount(a.total)} on ${formatDay(last.date)}.${deadline}${waves.length ? ` Reminder waves: ${waves.join('; ')}.` : ''}`;
}

/** Where a marker's label goes: the side of its line, and its row up from the bottom (0). */
export interface LabelPlace {
  side: 'left' | 'right';
  row: number;
}

/** A 12 px label's width, generously: about 7 px a character, and its offset from the line. */
const labelWidth = (text: string) => text.length * 7 + 10;

/**
 * Labels that stay inside a plot `plotWidth` px wide and do not overlap: each wave's label on the
 * side of its line facing the middle (the other side if that has no room), in the lowest row free
 * there. The deadline, the last day, has its label alone at the top, left of its line.
 */
export function placeLabels(marks: ChartMark[], rows: ChartRow[], plotWidth: number): LabelPlace[] {
  const step = plotWidth / Math.max(1, rows.length - 1);
  const taken: [number, number][][] = [];
  return marks.map((m) => {
    if (m.kind === 'deadline') return { side: 'left', row: 0 };
    const x =
      Math.max(
        0,
        rows.findIndex((r) => r.label === m.x),
      ) * step;
    const width = labelWidth(m.label);
    const firstHalf = x <= plotWidth / 2;
    const fits = firstHalf ? x + width <= plotWidth : x - width >= 0;
    const side = firstHalf === fits ? 'right' : 'left';
    const [from, to] = side === 'right' ? [x, x + width] : [x - width, x];
    let row = 0;
    while ((taken[row] ?? []).some(([a, b]) => from < b && a < to)) row++;
    (taken[row] ??= []).push([from, to]);
    return { side, row };
  });
}
