import { formatDateTime } from '@/lib/format';
import { WAVES, type WaveKey } from './api';
import { daysBetween, inDays, viewerTimeZone } from './zoned-date';

/** "Dec 12, 2026, 12:00 AM (Europe/Berlin)": in the viewer's zone, with the zone named. */
export function zonedDateTime(value: string | number): string {
  return `${formatDateTime(value)} (${viewerTimeZone()})`;
}

/** "in 14 days", by the server's clock, in calendar days of the viewer's zone. */
export function countdown(target: string, serverTime: string): string {
  return inDays(daysBetween(Date.parse(serverTime), Date.parse(target), viewerTimeZone()));
}

export const waveLabel = (key: WaveKey) => WAVES.find((w) => w.key === key)?.label ?? key;
