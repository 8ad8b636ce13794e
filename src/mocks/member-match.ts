import type { MemberFilter } from './member-filter';
import { ROLE_RANK, type Index } from './member-index';

/**
 * Testing the member filter against the index: a filter is compiled once per request into the
 * index's terms (search marks, typed-array values), and counts are cached per filter.
 */

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

export interface Compiled {
  key: string;
  q: Uint8Array | null;
  mfa: number;
  role: number;
  method: number;
}

export function compile(index: Index, filter: MemberFilter): Compiled {
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

export function matches(index: Index, f: Compiled, i: number): boolean {
  return (
    (f.q === null || f.q[i] === 1) &&
    (f.mfa < 0 || index.mfa[i] === f.mfa) &&
    (f.role < 0 || index.role[i] === f.role) &&
    (f.method < 0 || ((index.methods[i] ?? 0) & f.method) !== 0)
  );
}

export function countOf(index: Index, f: Compiled): number {
  const cached = index.counts.get(f.key);
  if (cached !== undefined) return cached;
  let total = 0;
  for (let i = 0; i < index.rows.length; i++) if (matches(index, f, i)) total++;
  if (index.counts.size >= 100) index.counts.clear();
  index.counts.set(f.key, total);
  return total;
}
