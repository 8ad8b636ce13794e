import { parameters } from '@/api/contract-values';
import type { UserRecord } from './db';
import { ROLE_RANK, type Index, type Row } from './member-index';

/**
 * The member list's sort orders, each computed once per index and kept on it; only the
 * `lastRemindedAt` orders are recomputed, when a reminder changes someone's `lastRemindedAt`.
 */

/** The contract's sort keys (`-` for descending). */
export type MemberSort = (typeof parameters.MemberSort.schema.enum)[number];

/** Bumped whenever a reminder changes someone's `lastRemindedAt` (only that order depends on it). */
let remindersVersion = 0;
export function noteRemindersChanged(): void {
  remindersVersion++;
}

const sortKey = (u: UserRecord) => (u.name ?? u.email).normalize('NFKC').toLowerCase();

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

export function orderFor(index: Index, sort: MemberSort): Int32Array {
  if (sort === 'lastRemindedAt') return remindedOrder(index, false);
  if (sort === '-lastRemindedAt') return remindedOrder(index, true);
  return staticOrder(index, sort);
}
