import { WAVE_LEAD_DAYS, type WaveKey, type WaveRecord } from './mfa-schedule-types';

/** No dependency on the db: the seed plans Initech's waves while the db module loads. */
export const DAY_MS = 86_400_000;

/**
 * The waves of `plan` for a deadline: `now` at once, the others so many days before it. Waves
 * already under way or done are kept as they are; a wave whose time has passed is not planned.
 */
export function planWaves(
  plan: readonly WaveKey[],
  requiredFrom: number,
  now: number,
  previous: readonly WaveRecord[] = [],
): WaveRecord[] {
  const waves: WaveRecord[] = [];
  for (const key of plan) {
    const done = previous.find((w) => w.key === key && w.status !== 'planned');
    if (done) {
      waves.push(done);
      continue;
    }
    const lead = WAVE_LEAD_DAYS[key];
    if (lead === null && previous.length > 0) continue; // "now" only when the schedule is made
    const at = lead === null ? now : requiredFrom - lead * DAY_MS;
    if (lead !== null && at <= now) continue;
    waves.push({
      key,
      at,
      status: 'planned',
      claimedBy: null,
      claimedAt: null,
      jobId: null,
      sent: null,
      skipped: null,
    });
  }
  return waves.sort((a, b) => a.at - b.at);
}
