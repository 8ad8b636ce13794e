import type { components } from '@/api/schema';
import type { MfaScheduleRecord, WaveKey } from './mfa-schedule-types';

/**
 * The records of an organization: its settings, members, audit events, MFA resets and
 * reminder jobs.
 */

export type Role = components['schemas']['Role'];

export interface OrgRecord {
  id: string;
  slug: string;
  name: string;
  mfaRequired: boolean;
  /** `phishing_resistant`: only passkeys and security keys (requirement `hwk`). */
  mfaMethods?: 'any' | 'phishing_resistant';
  ssoProvider: string | null;
  updatedAt: number | null;
  updatedBy: string | null;
  /** Bumped on every change; the ETag is derived from it. */
  version: number;
  /** E-mail domains the organization verified: their accounts are managed by it. */
  verifiedDomains?: string[];
  /** The rollout on a schedule (./mfa-schedule), absent until one was made. */
  mfaSchedule?: MfaScheduleRecord | null;
}

export interface MembershipRecord {
  userId: string;
  role: Role;
  lastRemindedAt: number | null;
}

export type SecurityEventType =
  | 'mfa_enforcement_enabled'
  | 'mfa_enforcement_disabled'
  | 'reminders_sent'
  | 'mfa_schedule_created'
  | 'mfa_schedule_changed'
  | 'mfa_schedule_cancelled'
  | 'mfa_schedule_took_effect'
  | 'scheduled_reminder_sent'
  | 'mfa_reset_requested'
  | 'mfa_reset_approved'
  | 'mfa_reset_declined'
  | 'mfa_reset_expired'
  | 'mfa_reset';

export interface SecurityEventRecord {
  id: string;
  orgId: string;
  type: SecurityEventType;
  actorId: string;
  at: number;
  details: {
    recipients?: number;
    jobId?: string;
    mfaMethods?: 'any' | 'phishing_resistant';
    requiredFrom?: string;
    previousRequiredFrom?: string;
    wave?: WaveKey;
    sent?: number;
    skipped?: number;
    early?: boolean;
    /** MFA resets: whose, the request, why, and whether one person could do it alone. */
    targetId?: string;
    requestId?: string;
    reason?: string;
    singleApprover?: boolean;
  };
}

/** A reset of a managed account's MFA that waits for a second owner or admin. */
export interface MfaResetRecord {
  id: string;
  orgId: string;
  requesterId: string;
  targetId: string;
  reason: string;
  createdAt: number;
  expiresAt: number;
  status: components['schemas']['MfaResetRequest']['status'];
  decidedBy: string | null;
  decidedAt: number | null;
}

export interface ReminderSkippedCounts {
  alreadyEnabled: number;
  recentlyReminded: number;
  notInOrganization: number;
}

export interface ReminderJobRecord {
  id: string;
  orgId: string;
  actorId: string;
  /** User ids resolved when the job was created. */
  recipients: string[];
  /** Where the e-mails' link points (the Console the send came from); absent in older saved state. */
  origin?: string;
  processed: number;
  sent: number;
  skipped: ReminderSkippedCounts;
  createdAt: number;
  finishedAt: number | null;
  status: components['schemas']['ReminderJob']['status'];
  /** Set when the job is a wave of a rollout schedule. */
  wave?: WaveKey;
}
