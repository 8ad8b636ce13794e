import type { MemberFilter } from './member-filter';
import { indexOf, type Index, type Row } from './member-index';
import { compile, countOf, matches } from './member-match';
import { orderFor, type MemberSort } from './member-order';

/**
 * Server-side filtering, sorting and paging of an organization's members, fast at Initech's
 * 100,000: each sort order is computed once per organization state and reused; a request only
 * walks a presorted order and tests the filter.
 */

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

/**
 * Every member matching `filter`, in the index's own order: for work whose result does not depend
 * on the order (a preview's counts), it reads the rows front to back instead of in a sort's order.
 */
export function forEachMatching(orgId: string, filter: MemberFilter, visit: (row: Row) => void) {
  const index = indexOf(orgId);
  const f = compile(index, filter);
  for (let i = 0; i < index.rows.length; i++) {
    const row = index.rows[i];
    if (row && matches(index, f, i)) visit(row);
  }
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
