import type { components } from '@/api/schema';

/** A planned reminder wave of a rollout on a schedule (the contract's `ReminderWaveKey`). */
export type WaveKey = components['schemas']['ReminderWaveKey'];

/** The waves in plan order, with the labels of the schedule dialog and the reminder history. */
export const WAVES: { key: WaveKey; label: string }[] = [
  { key: 'now', label: 'Now' },
  { key: '7d', label: '7 days before' },
  { key: '3d', label: '3 days before' },
  { key: '1d', label: '1 day before' },
];

export const waveLabel = (key: WaveKey) => WAVES.find((w) => w.key === key)?.label ?? key;
