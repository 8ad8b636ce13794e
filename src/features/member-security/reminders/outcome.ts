import { formatCount } from '@/lib/format';
import { errorMessage, isApiError } from '@/api/problem';
import type { ReminderJob, ReminderPreview, ReminderResult } from '../api';

export const users = (n: number) => `${formatCount(n)} ${n === 1 ? 'user' : 'users'}`;

type Skipped = ReminderResult['skipped'];

/** "2 skipped: 1 already has MFA, 1 was reminded in the last 24 hours." or "" */
export function skippedText(skipped: Skipped): string {
  const { alreadyEnabled, recentlyReminded, notInOrganization } = skipped;
  const total = alreadyEnabled + recentlyReminded + notInOrganization;
  if (total === 0) return '';
  const one = (n: number) => n === 1;
  const reasons = [
    alreadyEnabled > 0 &&
      `${formatCount(alreadyEnabled)} already ${one(alreadyEnabled) ? 'has' : 'have'} MFA`,
    recentlyReminded > 0 &&
      `${formatCount(recentlyReminded)} ${one(recentlyReminded) ? 'was' : 'were'} reminded in the last 24 hours`,
    notInOrganization > 0 &&
      `${formatCount(notInOrganization)} ${one(notInOrganization) ? 'is' : 'are'} not in this organization`,
  ].filter(Boolean);
  return `${formatCount(total)} skipped: ${reasons.join(', ')}.`;
}

/** "Reminder sent to 3 users. 2 skipped: 1 already has MFA, 1 was reminded in the last 24 hours." */
export function resultText(sent: number, skipped: Skipped): string {
  const head = sent === 0 ? 'No reminder sent.' : `Reminder sent to ${users(sent)}.`;
  const tail = skippedText(skipped);
  return tail ? `${head} ${tail}` : head;
}

export const reminderResultText = (r: ReminderResult) => resultText(r.sent, r.skipped);

/** A send's answer: "Reminder sent to Mia Member." for one named person, else the counts. */
export function sendOutcomeText(result: ReminderResult, label?: string): string {
  return label && result.sent === 1 ? `Reminder sent to ${label}.` : reminderResultText(result);
}

/** A send that failed or whose answer was lost: what to do, and that a retry is safe. */
export function sendFailureText(error: unknown): string {
  if (isApiError(error) && error.status === 429 && error.retryAfterSeconds !== null)
    return retryText(error.retryAfterSeconds);
  return `The reminder was not confirmed. ${errorMessage(error)} Trying again never sends twice.`;
}

/** Before sending: "33 skipped: 30 have MFA, 3 reminded in the last 24 hours." or "". */
export function previewSkippedText(preview: ReminderPreview): string {
  const { alreadyEnabled, recentlyReminded, notInOrganization } = preview.skipped;
  const total = alreadyEnabled + recentlyReminded + notInOrganization;
  if (total === 0) return '';
  const reasons = [
    alreadyEnabled > 0 &&
      `${formatCount(alreadyEnabled)} ${alreadyEnabled === 1 ? 'has' : 'have'} MFA`,
    recentlyReminded > 0 && `${formatCount(recentlyReminded)} reminded in the last 24 hours`,
    notInOrganization > 0 && `${formatCount(notInOrganization)} not in this organization`,
  ].filter(Boolean);
  return `${formatCount(total)} skipped: ${reasons.join(', ')}.`;
}

/** The send button's words: who actually gets an e-mail. */
export const remindLabel = (wouldSend: number) => `Remind (${formatCount(wouldSend)})`;

export function jobDone(job: ReminderJob): number {
  const { alreadyEnabled, recentlyReminded, notInOrganization } = job.skipped;
  return job.sent + alreadyEnabled + recentlyReminded + notInOrganization;
}

export function jobText(job: ReminderJob): string {
  const done = jobDone(job);
  if (job.status === 'running')
    return `Sending reminders: ${formatCount(done)} of ${formatCount(job.total)} done (${formatCount(job.sent)} sent, ${formatCount(done - job.sent)} skipped).`;
  const result = resultText(job.sent, job.skipped);
  if (job.status === 'cancelled')
    return `Cancelled. ${result} ${formatCount(job.total - done)} not sent.`;
  return result;
}

/** When a rate-limited person may try again, in words and with the clock time. */
export function retryText(seconds: number, now = Date.now()): string {
  const at = new Date(now + seconds * 1000).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return `Too many reminders were sent in the last minute. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'} (at ${at}).`;
}
