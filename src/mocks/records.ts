import type { WaveKey } from './mfa-schedule-types';
import type {
  AccountEventRecord,
  ActivityRecord,
  ChallengeRecord,
  EnrollmentRecord,
  SessionRecord,
  SignInFailureRecord,
  UserRecord,
  WebAuthnChallengeRecord,
} from './account-records';
import type {
  MembershipRecord,
  MfaResetRecord,
  OrgRecord,
  ReminderJobRecord,
  SecurityEventRecord,
} from './org-records';

/**
 * The shape of the mock backend's state, its settings, and the records kept beside those of
 * accounts (./account-records) and organizations (./org-records): e-mails and stored answers.
 * Their own modules, so the seed and the Initech generator (which db.ts runs) can use them
 * without importing db.ts back.
 */

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

export interface IdempotencyRecord {
  key: string;
  actorId: string;
  fingerprint: string;
  status: number;
  body: string;
  headers: [string, string][];
  at: number;
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
