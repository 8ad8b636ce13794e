import { MockClock } from './clock';
import { seedWorld, INITECH_ID } from './seed';
import { generateInitech } from './initech';
import { seedInitechRollout } from './seed-rollout';
import type { DbState, MockConfig } from './records';
import type { MembershipRecord, OrgRecord } from './org-records';

// The record types are declared in records.ts, account-records.ts and org-records.ts; importers
// keep importing them from here.
export type * from './records';
export type * from './account-records';
export type * from './org-records';

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
    webauthnChallenges: new Map(),
    accountEvents: [],
    outbox: [],
    mailCounts: {},
    events: [],
    activity: [],
    mfaResets: new Map(),
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

/**
 * Restore the seeded world, around `now` (the seed's now: Initech's rollout is dated from it).
 * Initech's members are generated again on first use.
 */
export function resetDb(now = clock.now()): void {
  Object.assign(db, emptyState());
  seedWorld(db);
  seedInitechRollout(db, now, config.initechSize);
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
