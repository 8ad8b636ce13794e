// The dates styles load with this field, in the schedule dialog's chunk: never on a first page.
import '@mantine/dates/styles.css';
import { useState } from 'react';
import { DateInput } from '@mantine/dates';
import { formatDay } from '@/lib/zoned-date';

const pad = (n: number) => String(n).padStart(2, '0');

/** Names of the calendar's arrow buttons (icons only). */
const ARIA_LABELS = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  previousDecade: 'Previous decade',
  nextDecade: 'Next decade',
};

/** A day typed as "Dec 17, 2026", "2026-12-17" or "12/17/2026" → "2026-12-17"; null if none. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const d = iso ? new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) : new Date(t);
  if (Number.isNaN(d.getTime())) return null;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return iso && day !== t ? null : day; // "2026-02-30" is no day
}

/**
 * The schedule's day: typed, or picked in the calendar, which offers only `min` to `max`. `text`
 * is what the field holds, typed or picked: the dialog checks it, so a day out of range gets a
 * message (DateInput alone would quietly keep the previous day).
 */
export function ScheduleDateField({
  text,
  onText,
  min,
  max,
  description,
  error,
  disabled,
  onBlur,
}: {
  text: string;
  onText: (text: string) => void;
  min: string;
  max: string;
  description: string;
  error: string | null;
  disabled: boolean;
  onBlur: () => void;
}) {
  // Open as DateInput opens its calendar (focus, click, typing) and closes it (blur, Escape, a
  // pick): while it is open, Escape closes the calendar, not the dialog.
  const [calendarOpen, setCalendarOpen] = useState(false);
  const day = parseDay(text);
  return (
    <DateInput
      label="Required from"
      description={description}
      valueFormat={formatDay}
      dateParser={parseDay}
      // The calendar shows a day it offers (not the year 2001 that "Dec 1" parses to, mid-typing).
      value={day && day >= min && day <= max ? day : null}
      onChange={(day) => onText(day ? formatDay(day) : '')}
      onChangeCapture={(event) => {
        onText(event.currentTarget.value);
        setCalendarOpen(true);
      }}
      minDate={min}
      maxDate={max}
      weekendDays={[]}
      ariaLabels={ARIA_LABELS}
      fixOnBlur={false}
      onFocus={() => setCalendarOpen(true)}
      onClick={() => setCalendarOpen(true)}
      onBlur={() => {
        setCalendarOpen(false);
        onBlur();
      }}
      onKeyDown={(event) => event.key === 'Escape' && setCalendarOpen(false)}
      getDayProps={() => ({ onClick: () => setCalendarOpen(false) })}
      data-mantine-stop-propagation={calendarOpen || undefined}
      error={error}
      required
      disabled={disabled}
    />
  );
}
