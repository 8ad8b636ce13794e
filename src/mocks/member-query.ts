import { parameters } from '@/api/contract-values';
import { db, membersOf, type MembershipRecord, type Role, type UserRecord } from './db';
import type { MemberFilter } from './member-filter';

/**
 * Server-side filtering, sorting and paging of an organization's members, fast at Initech's
 * 100,000: each sort order is computed once per organization state and reused; a request only
 * walks a presorted order and tests the filter.
 */

/** The contract's sort keys (`-` for descending). */
export type MemberSort = (typeof parameters.MemberSort.schema.enum)[number];

export interface Row {
  m: MembershipRecord;
  u: UserRecord;
  /** Lower-cased name and e-mail, searched by `q`. */
  hay: string;
}

interface Index {
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
  /** The `lastRemindedAt` orders, valid for one value of `remindersVersion`. */
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

const ROLE_RANK: Record<Role, number> = { owner: 0, admin: 1, member: 2 };
const indexes = new Map<string, Index>();

/** Bumped whenever a reminder changes someone's `lastRemindedAt` (only that order depends on it). */
let remindersVersion = 0;
export function noteRemindersChanged(): void {
  remindersVersion++;
}

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

const sortKey = (u: UserRecord) => (u.name ?? u.email).normalize('NFKC').toLowerCase();

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

function byName(index: Index): Int32Array {
  const found = index.orders.get('name');
  if (found) return found;
  const keys = index.rows.map((r) => sortKey(r.u));
  const emails = index.rows.map((r) => r.u.email.toLowerCase());
  const order = Int32Array.from(index.rows.keys()).sort((a, b) => {
    const ka = keys[a] ?? '';
    const kb = keys[b] ?? '';
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ea = emails[a] ?? '';
    const eb = emails[b] ?? '';
    return ea < eb ? -1 : ea > eb ? 1 : 0;
  });
  index.orders.set('name', order);
  return order;
}

/** Stable buckets of the name order: role and MFA sorts keep names in order inside a group. */
function bucketed(index: Index, bucketOf: (r: Row) => number, buckets: number): Int32Array {
  const names = byName(index);
  const groups: number[][] = Array.from({ length: buckets }, () => []);
  for (const i of names) {
    const row = index.rows[i];
    if (row) groups[bucketOf(row)]?.push(i);
  }
  return Int32Array.from(groups.flat());
}

function staticOrder(index: Index, sort: string): Int32Array {
  const found = index.orders.get(sort);
  if (found) return found;
  let order: Int32Array;
  switch (sort) {
    case 'name':
      return byName(index);
    case '-name':
      order = byName(index).slice().reverse();
      break;
    case 'email': {
      const emails = index.rows.map((r) => r.u.email.toLowerCase());
      order = Int32Array.from(index.rows.keys()).sort((a, b) => {
        const ea = emails[a] ?? '';
        const eb = emails[b] ?? '';
        return ea < eb ? -1 : ea > eb ? 1 : 0;
      });
      break;
    }
    case '-email':
      order = staticOrder(index, 'email').slice().reverse();
      break;
    case 'role':
      order = bucketed(index, (r) => ROLE_RANK[r.m.role], 3);
      break;
    case '-role':
      order = bucketed(index, (r) => 2 - ROLE_RANK[r.m.role], 3);
      break;
    case 'mfa':
      order = bucketed(index, (r) => (r.u.mfa ? 1 : 0), 2);
      break;
    default:
      order = bucketed(index, (r) => (r.u.mfa ? 0 : 1), 2);
  }
  index.orders.set(sort, order);
  return order;
}

/** Reminded people by time (names break ties), then the never-reminded, by name, in both directions. */
function remindedOrder(index: Index, descending: boolean): Int32Array {
  if (!index.reminded || index.reminded.version !== remindersVersion) {
    const never: number[] = [];
    const reminded: number[] = [];
    for (const i of byName(index)) {
      if (index.rows[i]?.m.lastRemindedAt == null) never.push(i);
      else reminded.push(i);
    }
    const at = (i: number) => index.rows[i]?.m.lastRemindedAt ?? 0;
    const asc = reminded.slice().sort((a, b) => at(a) - at(b));
    const desc = reminded.sort((a, b) => at(b) - at(a));
    index.reminded = {
      version: remindersVersion,
      asc: Int32Array.from([...asc, ...never]),
      desc: Int32Array.from([...desc, ...never]),
    };
  }
  return descending ? index.reminded.desc : index.reminded.asc;
}

function orderFor(index: Index, sort: MemberSort): Int32Array {
  if (sort === 'lastRemindedAt') return remindedOrder(index, false);
  if (sort === '-lastRemindedAt') return remindedOrder(index, true);
  return staticOrder(index, sort);
}

/** Which rows contain `q` (lower-cased), found with `indexOf` over the joined text. */
function searchMarks(index: Index, q: string): Uint8Array {
  const cached = index.searches.get(q);
  if (cached) return cached;
  const marks = new Uint8Array(index.rows.length);
  const { text, starts } = index;
  let from = 0;
  for (;;) {
    const at = text.indexOf(q, from);
    if (at < 0) break;
    // The row holding offset `at`: the last start at or before it.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    marks[lo] = 1;
    from = starts[lo + 1] ?? text.length;
  }
  if (index.searches.size >= 20) index.searches.clear();
  index.searches.set(q, marks);
  return marks;
}

interface Compiled {
  key: string;
  q: Uint8Array | null;
  mfa: number;
  role: number;
  method: number;
}

function compile(index: Index, filter: MemberFilter): Compiled {
  const q = filter.q?.trim().toLowerCase() ?? '';
  const mfa = filter.mfa === undefined ? -1 : filter.mfa === 'enabled' ? 1 : 0;
  const role = filter.role === undefined ? -1 : ROLE_RANK[filter.role];
  const method = filter.method === undefined ? -1 : filter.method === 'app' ? 1 : 2;
  return {
    key: `${mfa}|${role}|${method}|${q}`,
    q: q ? searchMarks(index, q) : null,
    mfa,
    role,
    method,
  };
}

function matches(index: Index, f: Compiled, i: number): boolean {
  return (
    (f.q === null || f.q[i] === 1) &&
    (f.mfa < 0 || index.mfa[i] === f.mfa) &&
    (f.role < 0 || index.role[i] === f.role) &&
    (f.method < 0 || ((index.methods[i] ?? 0) & f.method) !== 0)
  );
}

function countOf(index: Index, f: Compiled): number {
  const cached = index.counts.get(f.key);
  if (cached !== undefined) return cached;
  let total = 0;
  for (let i = 0; i < index.rows.length; i++) if (matches(index, f, i)) total++;
  if (index.counts.size >= 100) index.counts.clear();
  index.counts.set(f.key, total);
  return total;
}

export interface PageResult {
  rows: Row[];
  total: number;
}

/** One page of the members matching `filter`, in `sort` order, and how many match in all. */
export function queryMembers(
  orgId: string,
  filter: MemberFilter,
  sort: MemberSort,
  page: number,
  perPage: number,
): PageResult {
  const index = indexOf(orgId);
  const f = compile(index, filter);
  const total = countOf(index, f);
  const start = (page - 1) * perPage;
  const rows: Row[] = [];
  if (start >= total) return { rows, total };
  const order = orderFor(index, sort);
  let seen = 0;
  for (let k = 0; k < order.length && rows.length < perPage; k++) {
    const i = order[k] ?? 0;
    if (!matches(index, f, i)) continue;
    if (seen++ < start) continue;
    const row = index.rows[i];
    if (row) rows.push(row);
  }
  return { rows, total };
}

/** Every member matching `filter`, in `sort` order (CSV export, sends to a filter). */
export function allMatching(orgId: string, filter: MemberFilter, sort: MemberSort = 'name'): Row[] {
  const index = indexOf(orgId);
  const f = compile(index, filter);
  const out: Row[] = [];
  for (const i of orderFor(index, sort)) {
    const row = index.rows[i];
    if (row && matches(index, f, i)) out.push(row);
  }
  return out;
}

/** How many members match `filter` (cached per filter and organization state, as for a page). */
export function countMatching(orgId: string, filter: MemberFilter): number {
  const index = indexOf(orgId);
  return countOf(index, compile(index, filter));
}

/**
 * The user ids of every member matching `filter`, in `sort` order. Only the index's typed arrays
 * and its id column are read, so resolving a send to 100,000 people takes a few milliseconds
 * (reading every row's user object instead is memory-bound: tens of milliseconds).
 */
export function matchingIds(
  orgId: string,
  filter: MemberFilter,
  sort: MemberSort = 'name',
): string[] {
  const index = indexOf(orgId);
  const f = compile(index, filter);
  const order = orderFor(index, sort);
  const out = new Array<string>(countOf(index, f));
  let n = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    if (matches(index, f, i)) out[n++] = index.ids[i] ?? '';
  }
  out.length = n;
  return out;
}

function byIdOf(index: Index): Map<string, Row> {
  let byId = byIdCache.get(index);
  if (!byId) {
    byId = new Map(index.rows.map((r) => [r.u.id, r]));
    byIdCache.set(index, byId);
  }
  return byId;
}
const byIdCache = new WeakMap<Index, Map<string, Row>>();

/** Members by user id, for sends by id (built from the same cached index). */
export function rowOf(orgId: string, userId: string): Row | undefined {
  return byIdOf(indexOf(orgId)).get(userId);
}

/**
 * A lookup of members by user id for many ids in a row (a job's batch): the index is checked
 * once, not once per id. Valid until the organization's members change; take a new one per batch.
 */
export function rowLookup(orgId: string): (userId: string) => Row | undefined {
  const byId = byIdOf(indexOf(orgId));
  return (userId) => byId.get(userId);
}

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
