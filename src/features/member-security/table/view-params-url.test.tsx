import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation, useNavigate, useNavigationType } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ListParams } from '../api';
import { filterOf, hasFilter, parseView, useMemberView } from './view-params';

const view = (query: string) => parseView(new URLSearchParams(query));
const DEFAULT_VIEW: ListParams = { sort: 'name', page: 1, perPage: 25 };

/** useMemberView on the address `url`, with what the address and history then say. */
function atUrl(url: string, seen: string[] = []) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({
      ...useMemberView(),
      search: seenAs(useLocation().search, seen),
      how: useNavigationType(),
      navigate: useNavigate(),
    }),
    { wrapper },
  );
}

/** Note every address the page renders with. */
function seenAs(search: string, seen: string[]): string {
  if (seen.at(-1) !== search) seen.push(search);
  return search;
}

describe('parseView: a page number, a search and filters from the URL', () => {
  it('takes a whole page number from 1 up; anything else is page 1', () => {
    expect(view('page=7').page).toBe(7);
    expect(view('page=1').page).toBe(1);
    for (const page of ['0', '-3', '2.5', 'abc', '', 'Infinity'])
      expect(view(`page=${page}`).page, page).toBe(1);
    expect(view('').page).toBe(1);
  });

  it('keeps a search as typed, leaves out a blank one, and knows only the listed filters', () => {
    expect(view('q=%20ann%20')).toEqual({ ...DEFAULT_VIEW, q: ' ann ' });
    expect(view('q=%20%20')).toEqual(DEFAULT_VIEW);
    expect(view('q=')).toEqual(DEFAULT_VIEW);
    // Only the keys found: no `mfa: undefined` that a query key or a request would carry along.
    expect(view('method=sms&mfa=yes&role=god')).toStrictEqual(DEFAULT_VIEW);
    expect(view('sort=-email&page=3&perPage=100&mfa=disabled&role=admin&method=passkey')).toEqual({
      sort: '-email',
      page: 3,
      perPage: 100,
      mfa: 'disabled',
      role: 'admin',
      method: 'passkey',
    });
  });
});

describe('filterOf and hasFilter: the filter part of a view', () => {
  const full: ListParams = {
    ...DEFAULT_VIEW,
    q: 'a',
    mfa: 'enabled',
    role: 'owner',
    method: 'app',
  };

  it('filterOf keeps exactly the filters that are set', () => {
    expect(filterOf(full)).toEqual({ q: 'a', mfa: 'enabled', role: 'owner', method: 'app' });
    expect(filterOf(view(''))).toEqual({});
    expect(filterOf(view('mfa=disabled&page=4'))).toEqual({ mfa: 'disabled' });
  });

  it('hasFilter is true when any one filter is set, not for sort or paging', () => {
    expect(hasFilter(view('sort=-name&page=2&perPage=50'))).toBe(false);
    for (const query of ['q=a', 'mfa=enabled', 'role=member', 'method=passkey'])
      expect(hasFilter(view(query)), query).toBe(true);
  });
});

describe('useMemberView: the view lives in the address', () => {
  it('a link with values the list does not know is corrected in place; others stay', () => {
    const { result } = atUrl('/x?sort=password&page=0&perPage=7&mfa=maybe&q=%20&tab=events');
    expect(result.current.view).toEqual(DEFAULT_VIEW);
    expect(result.current.search).toBe('?tab=events');
    expect(result.current.how).toBe('REPLACE');
  });

  it('a link spelling out the defaults is shortened; a canonical link is left alone', () => {
    expect(atUrl('/x?sort=name&page=1&perPage=25').result.current.search).toBe('');
    const canonical = atUrl('/x?sort=-name&page=2&mfa=disabled');
    expect(canonical.result.current.search).toBe('?sort=-name&page=2&mfa=disabled');
    expect(canonical.result.current.how).toBe('POP');
  });

  it('a bad link followed while the list is open is corrected too', () => {
    const { result } = atUrl('/x?page=2');
    act(() => {
      void result.current.navigate('/x?page=0&sort=-role&role=root');
    });
    expect(result.current.view).toEqual({ ...DEFAULT_VIEW, sort: '-role' });
    expect(result.current.search).toBe('?sort=-role');
  });

  it('update writes a change in place, leaving out defaults and empty values', () => {
    const seen: string[] = [];
    const { result } = atUrl('/x?tab=events&q=ann', seen);
    act(() => result.current.update({ page: 3, sort: '-mfa' }));
    expect(result.current.search).toBe('?tab=events&q=ann&page=3&sort=-mfa');
    expect(result.current.how).toBe('REPLACE');
    act(() => result.current.update({ q: '', page: 1, sort: 'name', perPage: 50 }));
    expect(result.current.search).toBe('?tab=events&perPage=50');
    expect(result.current.view).toEqual({ ...DEFAULT_VIEW, perPage: 50 });
    act(() => result.current.update({ perPage: undefined, role: 'admin' }));
    expect(result.current.search).toBe('?tab=events&role=admin');
    // Written once, already without them: no address with `q=` or `perPage=undefined` between.
    expect(seen).toEqual([
      '?tab=events&q=ann',
      '?tab=events&q=ann&page=3&sort=-mfa',
      '?tab=events&perPage=50',
      '?tab=events&role=admin',
    ]);
  });
});
