import type { components } from '@/api/schema';
import type { MfaScheduleRecord, WaveKey } from './mfa-schedule-types';

/**
 * The shapes of the mock backend's records. Their own module, so the seed and the Initech
 * generator (which db.ts runs) can use them without importing db.ts back.
 */

export type Role = components['schemas']['Role'];

/**
 * The person's MFA: on while they have any method (an authenticator app and/or passkeys).
 * `secret` is the app's; null when the person has only passkeys.
 */
export interface MfaRecord {
  secret: string | null;
  enabledAt: number;
  /** When the app was set up (absent in older saved state: then `enabledAt`). */
  appEnabledAt?: number | null;
  /** The last TOTP time step accepted for this user: each code works once. */
  lastUsedStep: number;
  /** SHA-256 of each recovery code; null once used. */
  recoveryCodeHashes: (string | null)[];
  /** Hashes of recovery codes already used: sending one again is a duplicate, not a guess. */
  usedRecoveryCodeHashes?: string[];
}

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  /** sha256(salt:password); empty for generated people, who cannot sign in. */
  passwordHash: string;
  mfa: MfaRecord | null;
  /** Passkeys and security keys (WebAuthn); absent in older saved state. */
  passkeys?: PasskeyRecord[];
  /** Consecutive wrong sign-in codes and the lock they caused. */
  mfaLock: { failures: number; lockedUntil: number };
  /** Set when an organization reset their MFA: the next sign-in leads to setup. */
  mfaSetupRequired?: boolean;
  /** When any organization last reminded this person (the cooldown is per person). */
  lastRemindedAt?: number | null;
}

/** A WebAuthn credential: its public key and metadata, never a private part. */
export interface PasskeyRecord {
  /** Credential id, base64url. */
  id: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  aaguid: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** A WebAuthn challenge: single use, 5 minutes, bound to a session or a password step. */
export interface WebAuthnChallengeRecord {
  id: string;
  challenge: string;
  purpose: 'registration' | 'step_up' | 'second_factor' | 'passwordless';
  /** The person it was made for (null for a sign-in without a password). */
  userId: string | null;
  /** The session (registration, step-up) or password step (second factor) it belongs to. */
  boundTo: string | null;
  rpId: string;
  expiresAt: number;
}

/** Account-level security events (not tied to an organization). */
export interface AccountEventRecord {
  id: string;
  userId: string;
  type: 'passkey_counter_regressed' | 'passkey_added' | 'passkey_removed';
  at: number;
  details: Record<string, string | number>;
}

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

export interface SessionRecord {
  id: string;
  userId: string;
  amr: string[];
  createdAt: number;
  expiresAt: number;
  /** When this session last proved MFA (sign-in or step-up). */
  mfaAt?: number;
}

export interface ChallengeRecord {
  id: string;
  userId: string;
  expiresAt: number;
  /** The sign-in asked to end the person's other sessions once it completes. */
  signOutOtherSessions?: boolean;
}

export interface EnrollmentRecord {
  id: string;
  userId: string;
  secret: string;
  createdAt: number;
  expiresAt: number;
  failures: number;
}

export type EmailKind =
  | 'mfa_reminder'
  | 'mfa_enabled'
  | 'mfa_removed'
  | 'recovery_codes_regenerated'
  | 'recovery_code_used'
  | 'mfa_reset'
  | 'mfa_locked'
  | 'passkey_added'
  | 'passkey_removed';

export interface EmailRecord {
  id: string;
  kind: EmailKind;
  to: string;
  subject: string;
  /** Plain text only: names are never interpreted as markup. */
  text: string;
  sentAt: number;
  /** Reminders: the organization, who sent it (null: the schedule) and the schedule's wave. */
  orgId?: string;
  actorId?: string | null;
  wave?: WaveKey;
  /** The security activity event a notice is about: one notice per event (security-notice.ts). */
  eventId?: string;
}

export type ActivityType =
  | 'signed_in'
  | 'app_added'
  | 'app_removed'
  | 'passkey_added'
  | 'passkey_removed'
  | 'recovery_codes_regenerated'
  | 'recovery_code_used'
  | 'mfa_reset'
  | 'mfa_locked';

/** One entry of a person's own security activity (My profile → Security). */
export interface ActivityRecord {
  id: string;
  userId: string;
  type: ActivityType;
  at: number;
  method?: 'password' | 'totp' | 'recovery_code' | 'passkey';
  recoveryCodesRemaining?: number;
  actorId?: string;
  orgId?: string;
  reason?: string;
  lockedUntil?: number;
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

export interface IdempotencyRecord {
  key: string;
  actorId: string;
  fingerprint: string;
  status: number;
  body: string;
  headers: [string, string][];
  at: number;
}

export interface SignInFailureRecord {
  /** Consecutive wrong passwords for this e-mail address (known account or not). */
  failures: number;
  lockedUntil: number;
}

export interface MockConfig {
  /** Added to every API answer, in ms. */
  latencyMs: number;
  /** Share of API requests (0..1) answered 500, chosen by a seeded PRNG. */
  failureRate: number;
  /** Reminder job pace, recipients per second. */
  jobRatePerSecond: number;
  /** Size of the generated Initech organization. */
  initechSize: number;
}

export interface DbState {
  users: Map<string, UserRecord>;
  usersByEmail: Map<string, string>;
  orgs: Map<string, OrgRecord>;
  /** orgId → members, in seed order. */
  memberships: Map<string, MembershipRecord[]>;
  sessions: Map<string, SessionRecord>;
  challenges: Map<string, ChallengeRecord>;
  enrollments: Map<string, EnrollmentRecord>;
  webauthnChallenges: Map<string, WebAuthnChallengeRecord>;
  accountEvents: AccountEventRecord[];
  outbox: EmailRecord[];
  /** E-mails delivered per kind since the last reset (the outbox keeps only the last ones). */
  mailCounts: Partial<Record<EmailKind, number>>;
  events: SecurityEventRecord[];
  /** Every person's own security activity, oldest first. */
  activity: ActivityRecord[];
  mfaResets: Map<string, MfaResetRecord>;
  jobs: Map<string, ReminderJobRecord>;
  idempotency: Map<string, IdempotencyRecord>;
  /** actorId → timestamps of recent reminder sends (rate limit). */
  reminderSends: Map<string, number[]>;
  /** Password guessing limits (./sign-in-limits): per e-mail address tried, and per client. */
  signInFailures: Map<string, SignInFailureRecord>;
  clientSignInFailures: Map<string, number[]>;
  /** The session of "the browser" when cookies cannot travel (MSW in a page, Node tests). */
  jar: { sessionId: string | null };
  /** Bumped on every membership or MFA change, so query indexes know to rebuild. */
  revision: number;
  nextId: number;
}
