import { clock, db, nextId, type OrgRecord } from './db';
import { matchingIds } from './member-query';
import { createJob } from './reminder-jobs';
import type { MfaScheduleRecord, WaveRecord } from './mfa-schedule-types';

/**
 * A claim shared by every scheduler that can see the same state (another tab's mock, another
 * server process): `claim` answers true to exactly one caller per key, ever.
 */
export interface SharedClaims {
  claim(key: string, owner: string): Promise<boolean>;
}

export interface TickReport {
  /** Waves this scheduler claimed and started (their reminder jobs). */
  started: { orgId: string; wave: string; jobId: string }[];
  /** Waves passed over: a later wave was due at the same time, or the deadline came first. */
  missed: number;
  /** Schedules that took effect in this tick. */
  tookEffect: string[];
}

export interface Scheduler {
  readonly id: string;
  tick(): Promise<TickReport>;
}

const waveKeyOf = (org: OrgRecord, s: MfaScheduleRecord, w: WaveRecord) =>
  `wave:${org.id}:${s.id}:${w.key}:${w.at}`;

/** A wave of a schedule, still planned: the only state from which it may be claimed. */
const stillPlanned = (org: OrgRecord, s: MfaScheduleRecord, w: WaveRecord) =>
  org.mfaSchedule === s &&
  s.status === 'scheduled' &&
  s.waves.includes(w) &&
  w.status === 'planned';

function sendWave(org: OrgRecord, s: MfaScheduleRecord, wave: WaveRecord, origin: string): string {
  const actor = db.users.get(s.createdBy);
  if (!actor) throw new Error(`Schedule ${s.id} has no creator`);
  // Everyone still without MFA when the wave goes; the job skips, at send time, whoever has set
  // it up since or was reminded in the last 24 hours.
  const job = createJob(org, actor, matchingIds(org.id, { mfa: 'disabled' }), origin);
  job.wave = wave.key;
  wave.jobId = job.id;
  return job.id;
}

function takeEffect(org: OrgRecord, s: MfaScheduleRecord): void {
  org.mfaRequired = true;
  org.updatedAt = s.requiredFrom;
  org.updatedBy = s.createdBy;
  org.version++;
  s.status = 'in_effect';
  s.endedAt = s.requiredFrom;
  s.version++;
  for (const w of s.waves) if (w.status === 'planned') w.status = 'missed';
  db.events.push({
    id: nextId('evt'),
    orgId: org.id,
    type: 'mfa_schedule_took_effect',
    actorId: s.createdBy,
    at: s.requiredFrom,
    details: { requiredFrom: new Date(s.requiredFrom).toISOString() },
  });
}

/**
 * The rollout scheduler. Each tick looks at every schedule by the mock clock: due waves are
 * claimed, then sent as a reminder job; a schedule whose instant has come takes effect.
 * Exactly once: a wave is claimed before anything is sent, first in the shared claims (when
 * several schedulers share a store), then by compare-and-set on the wave itself (planned →
 * sending) in the same synchronous step that creates its job, so no await separates the check
 * from the send. Several waves due at once (the clock jumped, the server was down) send only
 * the latest: one e-mail per person, not a burst.
 */
export function createScheduler({
  id = nextId('sch'),
  claims,
  origin = globalThis.location?.origin ?? '',
}: { id?: string; claims?: SharedClaims; origin?: string } = {}): Scheduler {
  /**
   * Claim `key` and, when won, `act` in the same synchronous step as the last check of `still`:
   * no await separates that check from the change, so two schedulers of one process (or two
   * ticks of one scheduler) can never both act. `lost`: another scheduler sharing the claims
   * has it; `stale`: there was nothing (any more) to do.
   */
  async function claim(
    key: string,
    still: () => boolean,
    act: () => void,
  ): Promise<'won' | 'lost' | 'stale'> {
    if (!still()) return 'stale';
    if (claims && !(await claims.claim(key, id))) return still() ? 'lost' : 'stale';
    if (!still()) return 'stale';
    act();
    return 'won';
  }

  async function tickOrg(org: OrgRecord, report: TickReport): Promise<void> {
    const s = org.mfaSchedule;
    if (!s || s.status !== 'scheduled') return;
    const now = clock.now();
    if (org.mfaRequired) {
      // Switched on by hand meanwhile: the schedule has nothing left to do.
      s.status = 'in_effect';
      s.endedAt = now;
      s.version++;
      for (const w of s.waves) if (w.status === 'planned') w.status = 'cancelled';
      return;
    }
    const deadlinePassed = now >= s.requiredFrom;
    const due = s.waves.filter((w) => w.status === 'planned' && w.at <= now);
    const latest = deadlinePassed ? undefined : due.at(-1);
    for (const w of due) {
      if (w === latest) continue;
      w.status = 'missed';
      report.missed++;
    }
    if (latest) {
      const outcome = await claim(
        waveKeyOf(org, s, latest),
        () => stillPlanned(org, s, latest),
        () => {
          latest.status = 'sending';
          latest.claimedBy = id;
          latest.claimedAt = clock.now();
          const jobId = sendWave(org, s, latest, origin);
          report.started.push({ orgId: org.id, wave: latest.key, jobId });
        },
      );
      // Another scheduler sharing the claims sent it; this copy of the state had not seen it.
      if (outcome === 'lost') latest.status = 'sent';
    }
    const deadlineKey = `deadline:${org.id}:${s.id}:${s.requiredFrom}`;
    const stillDue = () =>
      org.mfaSchedule === s && s.status === 'scheduled' && clock.now() >= s.requiredFrom;
    if (deadlinePassed) {
      await claim(deadlineKey, stillDue, () => {
        takeEffect(org, s);
        report.tookEffect.push(org.id);
      });
    }
  }

  return {
    id,
    async tick() {
      const report: TickReport = { started: [], missed: 0, tookEffect: [] };
      for (const org of [...db.orgs.values()]) await tickOrg(org, report);
      return report;
    },
  };
}

/** Claims kept in memory: what one process's schedulers share (tests, the HTTP server). */
export function memoryClaims(): SharedClaims {
  const taken = new Map<string, string>();
  return {
    claim: (key, owner) => {
      if (taken.has(key)) return Promise.resolve(false);
      taken.set(key, owner);
      return Promise.resolve(true);
    },
  };
}
