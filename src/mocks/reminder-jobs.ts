import type { components } from '@/api/schema';
import {
  clock,
  config,
  db,
  nextId,
  type OrgRecord,
  type ReminderJobRecord,
  type ReminderSkippedCounts,
  type UserRecord,
} from './db';
import type { Row } from './member-index';
import { noteRemindersChanged } from './member-order';
import { rowLookup } from './member-query';
import { sendReminderMail } from './reminder-mail';
import { userRef } from './views';
import { recordWaveOutcome } from './wave-outcome';
import type { WaveKey } from './mfa-schedule-types';

export const COOLDOWN_MS = 24 * 3_600_000;
/** More recipients than this run as a job (202) instead of in the request. */
export const JOB_THRESHOLD = 1_000;

export type Outcome = 'sent' | 'alreadyEnabled' | 'recentlyReminded';

/** Why a member would be skipped at time `at`, or null: one rule for sends and previews. */
export function skipReason(row: Row, at: number): Exclude<Outcome, 'sent'> | null {
  if (row.u.mfa) return 'alreadyEnabled';
  // The cooldown is per person, across organizations (openapi.yaml, sendReminders): the person
  // receives the e-mails, whichever organization sends them.
  for (const last of [row.m.lastRemindedAt, row.u.lastRemindedAt ?? null])
    if (last !== null && at - last < COOLDOWN_MS) return 'recentlyReminded';
  return null;
}

/** Remind one member if the rules allow it at time `at`; the rules are checked at send time. */
export function remindOne(
  row: Row,
  org: OrgRecord,
  actor: UserRecord,
  origin: string,
  at: number,
  /** Sent by a rollout schedule's wave (the e-mail then says so, and the history shows it). */
  wave?: WaveKey,
): Outcome {
  const skip = skipReason(row, at);
  if (skip) return skip;
  sendReminderMail(row.u, org, actor, origin, at, wave);
  row.m.lastRemindedAt = at;
  row.u.lastRemindedAt = at;
  return 'sent';
}

export function emptySkipped(): ReminderSkippedCounts {
  return { alreadyEnabled: 0, recentlyReminded: 0, notInOrganization: 0 };
}

export function recordSendEvent(
  org: OrgRecord,
  actorId: string,
  at: number,
  recipients: number,
  jobId?: string,
): void {
  db.events.push({
    id: nextId('evt'),
    orgId: org.id,
    type: 'reminders_sent',
    actorId,
    at,
    details: jobId ? { recipients, jobId } : { recipients },
  });
}

export function createJob(
  org: OrgRecord,
  actor: UserRecord,
  /** Ids outside the organization may be included: the job counts them as such. */
  recipients: string[],
  /** Where the e-mails' link points: the Console the send came from. */
  origin: string,
): ReminderJobRecord {
  const job: ReminderJobRecord = {
    id: nextId('job'),
    orgId: org.id,
    actorId: actor.id,
    recipients,
    origin,
    processed: 0,
    sent: 0,
    skipped: emptySkipped(),
    createdAt: clock.now(),
    finishedAt: null,
    status: 'running',
  };
  db.jobs.set(job.id, job);
  return job;
}

/** When the job reaches its `n`-th recipient, at `config.jobRatePerSecond`. */
const dueAt = (job: ReminderJobRecord, n: number) =>
  job.createdAt + Math.ceil((n * 1000) / config.jobRatePerSecond);

/**
 * Jobs progress deterministically with the mock's clock: advancing a job processes the
 * recipients that the configured pace would have reached by now, each at the time it was due.
 * Every read of a job advances it first (so a read always shows the state as of now, and tests
 * drive jobs with the clock alone); in the browser and the HTTP server the job pump also advances
 * them on a timer (./job-pump), so a read finds at most one pump interval of work left.
 * Returns how many recipients were processed.
 */
export function advanceJob(job: ReminderJobRecord, fallbackOrigin = ''): number {
  if (job.status !== 'running') return 0;
  const org = db.orgs.get(job.orgId);
  const actor = db.users.get(job.actorId);
  if (!org || !actor) return 0;
  const now = clock.now();
  const total = job.recipients.length;
  const reached = Math.floor(((now - job.createdAt) * config.jobRatePerSecond) / 1000);
  const target = Math.min(total, Math.max(job.processed, reached));
  const from = job.processed;
  if (target > from) {
    // Jobs saved before the origin was kept (older persisted state) use the reader's.
    const origin = job.origin ?? fallbackOrigin;
    const rowOf = rowLookup(job.orgId);
    let changed = false;
    for (; job.processed < target; job.processed++) {
      const row: Row | undefined = rowOf(job.recipients[job.processed] ?? '');
      const at = dueAt(job, job.processed + 1);
      if (!row) {
        job.skipped.notInOrganization++; // never a member, or left since the job started
        continue;
      }
      const outcome = remindOne(row, org, actor, origin, at, job.wave);
      if (outcome === 'sent') {
        job.sent++;
        changed = true;
      } else job.skipped[outcome]++;
    }
    if (changed) noteRemindersChanged();
  }
  if (job.processed >= total) finishJob(job, org, 'completed', dueAt(job, total));
  return job.processed - from;
}

export function finishJob(
  job: ReminderJobRecord,
  org: OrgRecord,
  status: 'completed' | 'cancelled',
  at: number,
): void {
  job.status = status;
  job.finishedAt = at;
  if (job.wave) recordWaveOutcome(job, org, at);
  else if (job.sent > 0) recordSendEvent(org, job.actorId, at, job.sent, job.id);
}

export function jobView(job: ReminderJobRecord): components['schemas']['ReminderJob'] {
  const actor = db.users.get(job.actorId);
  return {
    id: job.id,
    status: job.status,
    total: job.recipients.length,
    sent: job.sent,
    skipped: { ...job.skipped },
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
    createdBy: actor ? userRef(actor) : { id: job.actorId, name: null, email: '' },
    ...(job.wave ? { wave: job.wave } : {}),
  };
}
