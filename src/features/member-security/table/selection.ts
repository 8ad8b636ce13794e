import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Member, MemberFilter } from '../api';
import { reminderBlock } from '../reminders/eligibility';

/**
 * What is selected: people picked by hand (kept across pages, with what we know of them), or
 * everyone matching a filter ("Select all N users that match"), which is sent as the filter.
 */
export type Selection =
  | { mode: 'ids'; members: ReadonlyMap<string, Member> }
  | { mode: 'all'; filter: MemberFilter; total: number };

const NONE: Selection = { mode: 'ids', members: new Map() };

export const selectedCount = (s: Selection) => (s.mode === 'all' ? s.total : s.members.size);

/** How many of the selection the server would remind now (all-mode: unknown, so the total). */
export function eligibleCount(s: Selection): number {
  if (s.mode === 'all') return s.filter.mfa === 'enabled' ? 0 : s.total;
  let n = 0;
  for (const m of s.members.values()) if (!reminderBlock(m)) n++;
  return n;
}

export function useSelection() {
  const [selection, setSelection] = useState<Selection>(NONE);
  const clear = useCallback(() => setSelection(NONE), []);
  // The selection as last rendered, for `clearAny` (a stable callback: the list's filters and
  // pager, memoized, do not re-render when a row is ticked).
  const latest = useRef(selection);
  useLayoutEffect(() => {
    latest.current = selection;
  }, [selection]);
  /** Clears the selection; true when something was selected. */
  const clearAny = useCallback(() => {
    const had = selectedCount(latest.current) > 0;
    if (had) setSelection(NONE);
    return had;
  }, []);
  const setIds = useCallback(
    (ids: Record<string, boolean>, pageRows: readonly Member[]) =>
      setSelection((prev) => {
        const known = new Map(prev.mode === 'ids' ? prev.members : []);
        for (const row of pageRows) if (prev.mode === 'all') known.set(row.id, row);
        const next = new Map<string, Member>();
        const onPage = new Map(pageRows.map((r) => [r.id, r]));
        for (const [id, on] of Object.entries(ids)) {
          const member = onPage.get(id) ?? known.get(id);
          if (on && member) next.set(id, member);
        }
        return { mode: 'ids', members: next };
      }),
    [],
  );
  const selectAll = useCallback(
    (filter: MemberFilter, total: number) => setSelection({ mode: 'all', filter, total }),
    [],
  );
  /** Rows on screen changed (after a send): keep what we know of selected people current. */
  return { selection, clear, clearAny, setIds, selectAll };
}
