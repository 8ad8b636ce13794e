import { db, membersOf, type MembershipRecord, type Role, type UserRecord } from './db';

/**
 * The per-organization member index that every list, count and sort reads: built once per
 * organization state (the rows, typed arrays of what filters test, the joined search text) and
 * rebuilt only when that state changes. The caches of orders, searches and counts live on it.
 */

export interface Row {
  m: MembershipRecord;
  u: UserRecord;
  /** Lower-cased name and e-mail, searched by `q`. */
  hay: string;
}

export interface Index {
  key: string;
  members: MembershipRecord[];
  rows: Row[];
  /** Every row's user id, by row: a send to a whole filter copies these, never touching a row. */
  ids: string[];
  /** Seeded (not generated) rows: the only ones whose MFA, role or name can change. */
  mutable: Row[];
  /** Per row: 1 when MFA is enabled; the role's rank. Typed arrays keep the filter walk fast. */
  mfa: Uint8Array;
  /** Bit 1: an authenticator app; bit 2: a passkey. */
  methods: Uint8Array;
  role: Uint8Array;
  /** Every row's `hay`, joined, and where each starts: one `indexOf` scan answers a search. */
  text: string;
  starts: Int32Array;
  searches: Map<string, Uint8Array>;
  counts: Map<string, number>;
  orders: Map<string, Int32Array>;
  /** The `lastRemindedAt` orders, valid for one value of `remindersVersion` (./member-order). */
  reminded: { version: number; asc: Int32Array; desc: Int32Array } | null;
  summary: Summary | null;
}

export interface Summary {
  total: number;
  mfaEnabled: number;
  withoutMfa: number;
  appOnly: number;
  withoutMfaByRole: Record<Role, number>;
}

export const ROLE_RANK: Record<Role, number> = { owner: 0, admin: 1, member: 2 };
const indexes = new Map<string, Index>();

/**
 * What the cached orders depend on. Generated Initech people never change, so only seeded
 * people (who can enable or remove MFA, or be renamed) are fingerprinted, plus `db.revision`.
 */
function fingerprint(members: MembershipRecord[], mutable: readonly MembershipRecord[]): string {
  let out = `${db.revision}|${members.length}`;
  for (const m of mutable) {
    const u = db.users.get(m.userId);
    out += `|${m.userId}:${m.role}:${u?.mfa ? 1 : 0}:${u?.name ?? ''}:${u?.email ?? ''}`;
  }
  return out;
}

const isGenerated = (m: MembershipRecord) => m.userId.startsWith('usr_ini_');

function buildIndex(members: MembershipRecord[]): Index {
  const rows: Row[] = [];
  const ids: string[] = [];
  for (const m of members) {
    const u = db.users.get(m.userId);
    if (!u) continue;
    rows.push({ m, u, hay: `${(u.name ?? '').toLowerCase()}\u0000${u.email.toLowerCase()}` });
    ids.push(u.id);
  }
  const mutable = rows.filter((r) => !isGenerated(r.m));
  const starts = new Int32Array(rows.length);
  let offset = 0;
  rows.forEach((r, i) => {
    starts[i] = offset;
    offset += r.hay.length + 1;
  });
  return {
    key: fingerprint(
      members,
      mutable.map((r) => r.m),
    ),
    members,
    rows,
    ids,
    mutable,
    mfa: Uint8Array.from(rows, (r) => (r.u.mfa ? 1 : 0)),
    methods: Uint8Array.from(
      rows,
      (r) => (r.u.mfa?.secret ? 1 : 0) | (r.u.passkeys?.length ? 2 : 0),
    ),
    role: Uint8Array.from(rows, (r) => ROLE_RANK[r.m.role]),
    text: rows.map((r) => r.hay).join('\u0001'),
    starts,
    searches: new Map(),
    counts: new Map(),
    orders: new Map(),
    reminded: null,
    summary: null,
  };
}

export function indexOf(orgId: string): Index {
  const members = membersOf(orgId);
  const cached = indexes.get(orgId);
  const fresh =
    cached?.members === members &&
    cached.key ===
      fingerprint(
        members,
        cached.mutable.map((r) => r.m),
      );
  if (cached && fresh) return cached;
  const built = buildIndex(members);
  indexes.set(orgId, built);
  return built;
}

/** The organization's totals by MFA state and role (the security summary, the rollout view). */
export function summaryOf(orgId: string): Summary {
  const index = indexOf(orgId);
  if (index.summary) return index.summary;
  const withoutMfaByRole: Record<Role, number> = { owner: 0, admin: 0, member: 0 };
  let mfaEnabled = 0;
  let appOnly = 0;
  for (const row of index.rows) {
    if (row.u.mfa) mfaEnabled++;
    else withoutMfaByRole[row.m.role]++;
    if (row.u.mfa?.secret && !row.u.passkeys?.length) appOnly++;
  }
  const total = index.rows.length;
  index.summary = { total, mfaEnabled, withoutMfa: total - mfaEnabled, withoutMfaByRole, appOnly };
  return index.summary;
}
