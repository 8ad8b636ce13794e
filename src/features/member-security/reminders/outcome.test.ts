import { describe, expect, it } from 'vitest';
import {
  jobText,
  previewSkippedText,
  remindLabel,
  resultText,
  sendFailureText,
  sendOutcomeText,
} from './outcome';

const none = { alreadyEnabled: 0, recentlyReminded: 0, notInOrganization: 0 };

describe('reminder outcome in words', () => {
  it('says who was sent and who was skipped and why, like the spec', () => {
    expect(resultText(3, { ...none, alreadyEnabled: 1, recentlyReminded: 1 })).toBe(
      'Reminder sent to 3 users. 2 skipped: 1 already has MFA, 1 was reminded in the last 24 hours.',
    );
  });

  it('gets singular and plural right', () => {
    expect(resultText(1, none)).toBe('Reminder sent to 1 user.');
    expect(resultText(0, { alreadyEnabled: 2, recentlyReminded: 2, notInOrganization: 1 })).toBe(
      'No reminder sent. 5 skipped: 2 already have MFA, 2 were reminded in the last 24 hours, 1 is not in this organization.',
    );
    expect(resultText(12_345, none)).toBe('Reminder sent to 12,345 users.');
  });

  it('describes a running, a finished and a cancelled job', () => {
    const job = {
      id: 'job_1',
      total: 30_000,
      sent: 4_000,
      skipped: { ...none, recentlyReminded: 1_000 },
      createdAt: '',
      finishedAt: null,
      createdBy: { id: 'u', name: 'Olivia Owner', email: 'o@example.com' },
    };
    expect(jobText({ ...job, status: 'running' })).toBe(
      'Sending reminders: 5,000 of 30,000 done (4,000 sent, 1,000 skipped).',
    );
    expect(jobText({ ...job, status: 'cancelled' })).toBe(
      'Cancelled. Reminder sent to 4,000 users. 1,000 skipped: 1,000 were reminded in the last 24 hours. 25,000 not sent.',
    );
  });
});

describe('words before and after a send (one place)', () => {
  const skipped = (alreadyEnabled: number, recentlyReminded: number, notInOrganization = 0) => ({
    alreadyEnabled,
    recentlyReminded,
    notInOrganization,
  });

  it('says before sending who is skipped and why', () => {
    expect(previewSkippedText({ wouldSend: 15, skipped: skipped(30, 3) })).toBe(
      '33 skipped: 30 have MFA, 3 reminded in the last 24 hours.',
    );
    expect(previewSkippedText({ wouldSend: 0, skipped: skipped(1, 0) })).toBe(
      '1 skipped: 1 has MFA.',
    );
    expect(previewSkippedText({ wouldSend: 4, skipped: skipped(0, 0) })).toBe('');
    expect(remindLabel(1500)).toBe('Remind (1,500)');
  });

  it('names one person, counts the rest, and says a retry never sends twice', () => {
    const result = { sent: 1, skipped: skipped(0, 0), remindedAt: '', notInOrganization: [] };
    expect(sendOutcomeText(result, 'Mia Member')).toBe('Reminder sent to Mia Member.');
    expect(sendOutcomeText({ ...result, sent: 0, skipped: skipped(0, 1) }, 'Mia Member')).toBe(
      'No reminder sent. 1 skipped: 1 was reminded in the last 24 hours.',
    );
    expect(sendFailureText(new Error('Network down.'))).toMatch(
      /Trying again never sends twice\.$/,
    );
  });
});
