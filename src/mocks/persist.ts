import { db, isInitechLoaded, ensureInitech, resetDb, type DbState } from './db';
import { INITECH_ID } from './seed';

const OUTBOX_KEEP = 2000;

/** A JSON-safe copy of the db. Initech's generated people are not stored, only their changes. */
export function snapshot(): unknown {
  const initechOverrides = isInitechLoaded()
    ? (db.memberships.get(INITECH_ID) ?? [])
        .filter((m) => m.lastRemindedAt !== null)
        .map((m) => [m.userId, m.lastRemindedAt])
    : [];
  const seededMembers = (orgId: string) =>
    orgId === INITECH_ID
      ? (db.memberships.get(orgId) ?? []).filter((m) => !m.userId.startsWith('usr_ini_'))
      : db.memberships.get(orgId);
  return {
    v: 1,
    users: [...db.users.values()].filter((u) => !u.id.startsWith('usr_ini_')),
    orgs: [...db.orgs.values()],
    memberships: [...db.memberships.keys()].map((orgId) => [orgId, seededMembers(orgId)]),
    initechOverrides,
    initechLoaded: isInitechLoaded(),
    sessions: [...db.sessions.values()],
    challenges: [...db.challenges.values()],
    enrollments: [...db.enrollments.values()],
    outbox: db.outbox.slice(-OUTBOX_KEEP),
    mailCounts: db.mailCounts,
    events: db.events,
    jobs: [...db.jobs.values()],
    idempotency: [...db.idempotency.values()],
    reminderSends: [...db.reminderSends.entries()],
    jar: db.jar,
    nextId: db.nextId,
  };
}

type Snapshot = {
  v: number;
  users: DbState extends { users: Map<string, infer U> } ? U[] : never;
  orgs: DbState extends { orgs: Map<string, infer O> } ? O[] : never;
  memberships: [string, DbState extends { memberships: Map<string, infer M> } ? M : never][];
  initechOverrides: [string, number][];
  initechLoaded: boolean;
  sessions: DbState extends { sessions: Map<string, infer S> } ? S[] : never;
  challenges: DbState extends { challenges: Map<string, infer C> } ? C[] : never;
  enrollments: DbState extends { enrollments: Map<string, infer E> } ? E[] : never;
  outbox: DbState['outbox'];
  mailCounts?: DbState['mailCounts'];
  events: DbState['events'];
  jobs: DbState extends { jobs: Map<string, infer J> } ? J[] : never;
  idempotency: DbState extends { idempotency: Map<string, infer I> } ? I[] : never;
  reminderSends: [string, number[]][];
  jar: DbState['jar'];
  nextId: number;
};

/** Load a snapshot; anything unreadable falls back to the seed. */
export function restore(raw: unknown): boolean {
  const s = raw as Snapshot | null;
  if (!s || s.v !== 1) return false;
  resetDb();
  db.users = new Map(s.users.map((u) => [u.id, u]));
  db.usersByEmail = new Map(s.users.map((u) => [u.email.toLowerCase(), u.id]));
  db.orgs = new Map(s.orgs.map((o) => [o.id, o]));
  db.memberships = new Map(s.memberships);
  db.sessions = new Map(s.sessions.map((x) => [x.id, x]));
  db.challenges = new Map(s.challenges.map((x) => [x.id, x]));
  db.enrollments = new Map(s.enrollments.map((x) => [x.id, x]));
  db.outbox = s.outbox;
  db.mailCounts = s.mailCounts ?? {};
  db.events = s.events;
  db.jobs = new Map(s.jobs.map((x) => [x.id, x]));
  db.idempotency = new Map(s.idempotency.map((x) => [x.key, x]));
  db.reminderSends = new Map(s.reminderSends);
  db.jar = s.jar;
  db.nextId = s.nextId;
  if (s.initechLoaded) {
    ensureInitech();
    const overrides = new Map(s.initechOverrides);
    for (const m of db.memberships.get(INITECH_ID) ?? []) {
      const at = overrides.get(m.userId);
      if (at !== undefined) m.lastRemindedAt = at;
    }
  }
  db.revision++;
  return true;
}
