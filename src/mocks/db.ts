import { MockClock } from './clock';
import { seedWorld, INITECH_ID } from './seed';
import { generateInitech } from './initech';

export type Role = 'owner' | 'admin' | 'member';

export interface MfaRecord {
  secret: string;
  enabledAt: number;
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
  /** Consecutive wrong sign-in codes and the lock they caused. */
  mfaLock: { failures: number; lockedUntil: number };
  /** When any organization last reminded this person (the cooldown is per person). */
  lastRemindedAt?: number | null;
}

export interface OrgRecord {
  id: string;
  slug: string;
  name: string;
  mfaRequired: boolean;
  ssoProvider: string | null;
  updatedAt: number | null;
  updatedBy: string | null;
  /** Bumped on every change; the ETag is derived from it. */
  version: number;
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
  'mfa_reminder' | 'mfa_enabled' | 'mfa_removed' | 'recovery_codes_regenerated';

export interface EmailRecord {
  id: string;
  kind: EmailKind;
  to: string;
  subject: string;
  /** Plain text only: names are never interpreted as markup. */
  text: string;
  sentAt: number;
}

export type SecurityEventType =
  'mfa_enforcement_enabled' | 'mfa_enforcement_disabled' | 'reminders_sent';

export interface SecurityEventRecord {
  id: string;
  orgId: string;
  type: SecurityEventType;
  actorId: string;
  at: number;
  details: { recipients?: number; jobId?: string };
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
  status: 'running' | 'completed' | 'cancelled';
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
  outbox: EmailRecord[];
  /** E-mails delivered per kind since the last reset (the outbox keeps only the last ones). */
  mailCounts: Partial<Record<EmailKind, number>>;
  events: SecurityEventRecord[];
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

export const clock = new MockClock();

export const config: MockConfig = {
  latencyMs: 0,
  failureRate: 0,
  jobRatePerSecond: 5000,
  initechSize: 100_000,
};

export const DEFAULT_CONFIG: Readonly<MockConfig> = { ...config };

function emptyState(): DbState {
  return {
    users: new Map(),
    usersByEmail: new Map(),
    orgs: new Map(),
    memberships: new Map(),
    sessions: new Map(),
    challenges: new Map(),
    enrollments: new Map(),
    outbox: [],
    mailCounts: {},
    events: [],
    jobs: new Map(),
    idempotency: new Map(),
    reminderSends: new Map(),
    signInFailures: new Map(),
    clientSignInFailures: new Map(),
    jar: { sessionId: null },
    revision: 0,
    nextId: 1,
  };
}

export const db: DbState = emptyState();

let initechLoaded = false;

/** Restore the seeded world. Initech's members are generated again on first use. */
export function resetDb(): void {
  Object.assign(db, emptyState());
  seedWorld(db);
  initechLoaded = false;
}

/** Initech's generated members, created deterministically on first use. */
export function ensureInitech(): void {
  if (initechLoaded) return;
  initechLoaded = true;
  generateInitech(db, INITECH_ID, config.initechSize);
  db.revision++;
}

export function nextId(prefix: string): string {
  return `${prefix}_${(db.nextId++).toString(36)}`;
}

export function membersOf(orgId: string): MembershipRecord[] {
  if (orgId === INITECH_ID) ensureInitech();
  return db.memberships.get(orgId) ?? [];
}

export function orgBySlug(slug: string): OrgRecord | undefined {
  for (const org of db.orgs.values()) if (org.slug === slug) return org;
  return undefined;
}

export function isInitechLoaded(): boolean {
  return initechLoaded;
}

resetDb();
