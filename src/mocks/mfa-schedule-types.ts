import type { components } from '@/api/schema';
import { schemas } from '@/api/contract-values';

/** The records of a rollout on a schedule (PRODUCT §8.1), kept on the organization. */

/** The contract's reminder waves (ReminderWaveKey), in plan order. */
export const WAVE_KEYS = schemas.ReminderWaveKey.enum;
export type WaveKey = components['schemas']['ReminderWaveKey'];

/** How long before the deadline each wave goes (`now`: when the schedule is made). */
export const WAVE_LEAD_DAYS: Record<WaveKey, number | null> = {
  now: null,
  '7d': 7,
  '3d': 3,
  '1d': 1,
};

export type WaveStatus = components['schemas']['MfaScheduleWave']['status'];

export interface WaveRecord {
  key: WaveKey;
  at: number;
  status: WaveStatus;
  /** The scheduler instance that claimed the wave, and when (before anything was sent). */
  claimedBy: string | null;
  claimedAt: number | null;
  jobId: string | null;
  sent: number | null;
  skipped: number | null;
}

export type ScheduleStatus = 'scheduled' | 'cancelled' | 'in_effect';

export interface MfaScheduleRecord {
  id: string;
  status: ScheduleStatus;
  requiredFrom: number;
  plan: WaveKey[];
  waves: WaveRecord[];
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  /** Bumped on every change (never reset, also across schedules): the ETag comes from it. */
  version: number;
  /** Who or what ended it: the deadline (by the scheduler), Require now, or a cancel. */
  endedAt: number | null;
}
