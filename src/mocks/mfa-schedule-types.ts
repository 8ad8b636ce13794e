/** The records of a rollout on a schedule (PRODUCT §8.1), kept on the organization. */

export const WAVE_KEYS = ['now', '7d', '3d', '1d'] as const;
export type WaveKey = (typeof WAVE_KEYS)[number];

/** How long before the deadline each wave goes (`now`: when the schedule is made). */
export const WAVE_LEAD_DAYS: Record<WaveKey, number | null> = {
  now: null,
  '7d': 7,
  '3d': 3,
  '1d': 1,
};

export type WaveStatus = 'planned' | 'sending' | 'sent' | 'missed' | 'cancelled';

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
