import { db, nextId, type OrgRecord, type ReminderJobRecord } from './db';

/**
 * A wave's reminder job finished: the wave records its outcome, and one security event says it
 * ("Scheduled reminder: N sent, M skipped"), on behalf of the person who scheduled it.
 */
export function recordWaveOutcome(job: ReminderJobRecord, org: OrgRecord, at: number): void {
  if (!job.wave) return;
  const skipped =
    job.skipped.alreadyEnabled + job.skipped.recentlyReminded + job.skipped.notInOrganization;
  const wave = org.mfaSchedule?.waves.find((w) => w.jobId === job.id);
  if (wave) {
    wave.status = job.status === 'cancelled' ? 'cancelled' : 'sent';
    wave.sent = job.sent;
    wave.skipped = skipped;
  }
  db.events.push({
    id: nextId('evt'),
    orgId: org.id,
    type: 'scheduled_reminder_sent',
    actorId: job.actorId,
    at,
    details: { wave: job.wave, sent: job.sent, skipped, jobId: job.id },
  });
}
