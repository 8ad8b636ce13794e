import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parameters, schemas } from '@/api/contract-values';
import type { ListParams, MemberFilter, PerPage } from '../api';

/** The contract's listMembers parameters: page sizes, sort keys, page bounds, search length. */
export const PER_PAGE_OPTIONS: readonly PerPage[] = parameters.PerPage.schema.enum;
const SORTS = parameters.MemberSort.schema.enum;
const PAGE = parameters.MemberListPage.schema;
export const SEARCH_MAX_LENGTH = parameters.MemberQuery.schema.maxLength;
const DEFAULTS = {
  sort: parameters.MemberSort.schema.default,
  page: PAGE.default,
  perPage: parameters.PerPage.schema.default,
} as const;

const oneOf = <T>(allowed: readonly T[], value: unknown): T | undefined =>
  allowed.find((a) => a === value);

/** Read the view from the URL; anything malformed falls back to the default, never a 400. */
export function parseView(search: URLSearchParams): ListParams {
  const sort = search.get('sort');
  const page = Number(search.get('page'));
  const perPage = Number(search.get('perPage'));
  const mfa = search.get('mfa');
  const role = search.get('role');
  const method = search.get('method');
  const q = search.get('q')?.slice(0, SEARCH_MAX_LENGTH);
  const inRange = Number.isInteger(page) && page >= PAGE.minimum && page <= PAGE.maximum;
  return {
    sort: oneOf(SORTS, sort) ?? DEFAULTS.sort,
    page: inRange ? page : DEFAULTS.page,
    perPage: oneOf(PER_PAGE_OPTIONS, perPage) ?? DEFAULTS.perPage,
    ...(q?.trim() ? { q } : {}),
    ...optional('mfa', oneOf(schemas.MfaFilterValue.enum, mfa)),
    ...optional('role', oneOf(schemas.Role.enum, role)),
    ...optional('method', oneOf(schemas.MfaMethodKind.enum, method)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export const filterOf = (view: ListParams): MemberFilter => ({
  ...(view.q ? { q: view.q } : {}),
  ...(view.mfa ? { mfa: view.mfa } : {}),
  ...(view.role ? { role: view.role } : {}),
  ...(view.method ? { method: view.method } : {}),
});

export const hasFilter = (view: ListParams) =>
  Boolean(view.q || view.mfa || view.role || view.method);

type ViewPatch = Partial<Record<keyof ListParams, string | number | undefined>>;

/** `search` with `patch` written into it: defaults and empty values left out, other params kept. */
function withView(search: URLSearchParams, patch: ViewPatch): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    const isDefault =
      value === undefined || value === '' || DEFAULTS[key as keyof typeof DEFAULTS] === value;
    if (isDefault) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
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
    const canonical = withView(search, {
      q: undefined,
      mfa: undefined,
      role: undefined,
      method: undefined,
      ...view,
    });
    if (canonical.toString() !== search.toString()) setSearch(canonical, { replace: true });
  }, [view, search, setSearch]);
  const update = useCallback(
    (patch: ViewPatch) => setSearch((prev) => withView(prev, patch), { replace: true }),
    [setSearch],
  );
  return { view, update };
}
