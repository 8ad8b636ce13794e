import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListParams, MemberFilter, MemberSort, PerPage } from './api';

export const PER_PAGE_OPTIONS: readonly PerPage[] = [10, 25, 50, 100];
const SORTS: readonly MemberSort[] = [
  'name',
  '-name',
  'email',
  '-email',
  'role',
  '-role',
  'mfa',
  '-mfa',
  'lastRemindedAt',
  '-lastRemindedAt',
];
const DEFAULTS = { sort: 'name', page: 1, perPage: 25 } as const;

/** Read the view from the URL; anything malformed falls back to the default, never a 400. */
export function parseView(search: URLSearchParams): ListParams {
  const sort = search.get('sort');
  const page = Number(search.get('page'));
  const perPage = Number(search.get('perPage'));
  const mfa = search.get('mfa');
  const role = search.get('role');
  const q = search.get('q')?.slice(0, 200);
  return {
    sort: SORTS.find((s) => s === sort) ?? DEFAULTS.sort,
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : DEFAULTS.page,
    perPage: PER_PAGE_OPTIONS.find((n) => n === perPage) ?? DEFAULTS.perPage,
    ...(q?.trim() ? { q } : {}),
    ...(mfa === 'enabled' || mfa === 'disabled' ? { mfa } : {}),
    ...(role === 'owner' || role === 'admin' || role === 'member' ? { role } : {}),
  };
}

export const filterOf = (view: ListParams): MemberFilter => ({
  ...(view.q ? { q: view.q } : {}),
  ...(view.mfa ? { mfa: view.mfa } : {}),
  ...(view.role ? { role: view.role } : {}),
});

export const hasFilter = (view: ListParams) => Boolean(view.q || view.mfa || view.role);

const LIST_KEYS = ['sort', 'page', 'perPage', 'q', 'mfa', 'role'] as const;

/** The URL form of a view: what `useMemberView` writes (defaults left out). */
function urlForm(view: ListParams): Record<(typeof LIST_KEYS)[number], string | undefined> {
  return {
    sort: view.sort === DEFAULTS.sort ? undefined : view.sort,
    page: view.page === DEFAULTS.page ? undefined : String(view.page),
    perPage: view.perPage === DEFAULTS.perPage ? undefined : String(view.perPage),
    q: view.q,
    mfa: view.mfa,
    role: view.role,
  };
}

/**
 * Filters, sort and page live in the URL, so a link reproduces the view. Defaults are left out
 * to keep links short; other search params (owned by other parts of the page) are kept.
 */
export function useMemberView() {
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => parseView(search), [search]);
  // A hand-edited or stale link with values the list does not know: the page shows the defaults,
  // and the address says so too (replaced, not a new history entry).
  useEffect(() => {
    const want = urlForm(view);
    if (LIST_KEYS.every((key) => (search.get(key) ?? undefined) === want[key])) return;
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of LIST_KEYS) {
          const value = want[key];
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }, [view, search, setSearch]);
  const update = useCallback(
    (patch: Partial<Record<keyof ListParams, string | number | undefined>>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            const isDefault =
              value === undefined ||
              value === '' ||
              DEFAULTS[key as keyof typeof DEFAULTS] === value;
            if (isDefault) next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  return { view, update };
}
