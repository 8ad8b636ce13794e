import type { DbState } from './records';
import { DAY_MS, planWaves } from './wave-plan';
import { WAVE_KEYS } from './mfa-schedule-types';
import { seededRandom } from './random';
import { INITECH_ID } from './seed';

/**
 * How many of Initech's generated people have no MFA: the same draws as ./initech, without
 * creating the 100,000 people (they are generated on first use).
 */
export function initechWithoutMfa(size: number): number {
  const next = seededRandom(4242);
  let without = 0;
  for (let i = 1; i < size; i++) {
    if (next() >= 0.7) without++;
    next(); // the role's draw
  }
  return without;
}

/**
 * PRODUCT §8.4: Initech's rollout is under way. Olivia scheduled it 4 days before the seed's
 * now, for 10 days after it, with every wave; the first wave ("Now") was sent then.
 */
export function seedInitechRollout(db: DbState, now: number, initechSize: number): void {
  const org = db.orgs.get(INITECH_ID);
  if (!org) return;
  const createdAt = now - 4 * DAY_MS;
  const requiredFrom = now + 10 * DAY_MS;
  const waves = planWaves(WAVE_KEYS, requiredFrom, createdAt);
  const first = waves.find((w) => w.key === 'now');
  const sent = initechWithoutMfa(initechSize);
  if (first) Object.assign(first, { status: 'sent', sent, skipped: 0, claimedBy: 'seed' });
  org.mfaSchedule = {
    id: 'rollout_initech',
    status: 'scheduled',
    requiredFrom,
    plan: [...WAVE_KEYS],
    waves,
    createdAt,
    createdBy: 'usr_olivia',
    updatedAt: createdAt,
    updatedBy: 'usr_olivia',
    version: 1,
    endedAt: null,
  };
  db.events.push(
    {
      id: 'evt_seed_rollout',
      orgId: INITECH_ID,
      type: 'mfa_schedule_created',
      actorId: 'usr_olivia',
      at: createdAt,
      details: { requiredFrom: new Date(requiredFrom).toISOString() },
    },
    {
      id: 'evt_seed_wave',
      orgId: INITECH_ID,
      type: 'scheduled_reminder_sent',
      actorId: 'usr_olivia',
      at: createdAt + Math.ceil(sent / 5),
      details: { wave: 'now', sent, skipped: 0 },
    },
  );
}
