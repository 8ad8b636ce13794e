import type { components } from '@/api/schema';
import { schemas } from '@/api/contract-values';

/** A planned reminder wave of a rollout on a schedule (the contract's `ReminderWaveKey`). */
export type WaveKey = components['schemas']['ReminderWaveKey'];

const LABELS: Record<WaveKey, string> = {
  now: 'Now',
  '7d': '7 days before',
  '3d': '3 days before',
  '1d': '1 day before',
};

/** The contract's waves in its (plan) order, with the labels of the schedule dialog and history. */
export const WAVES: { key: WaveKey; label: string }[] = schemas.ReminderWaveKey.enum.map((key) => ({
  key,
  label: LABELS[key],
}));

export const waveLabel = (key: WaveKey) => LABELS[key] ?? key;
