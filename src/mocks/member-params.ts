import type { Role } from './db';
import { badRequest } from './problems';
import { SORTS, type MemberFilter, type MemberSort } from './member-query';

export const PER_PAGE = [10, 25, 50, 100] as const;
const MAX_PAGE = 1_000_000;
const ROLES: readonly Role[] = ['owner', 'admin', 'member'];
const MFA = ['enabled', 'disabled'] as const;
const METHODS = ['app', 'passkey'] as const;

function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  if (all.length > 1)
    throw badRequest(`"${name}" is given more than once.`, name, 'invalid_parameter');
  return all[0] ?? null;
}

function oneOf<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = single(params, name);
  if (value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(
      `"${name}" must be one of ${allowed.join(', ')}; got "${value.slice(0, 40)}".`,
      name,
      'invalid_parameter',
    );
  }
  return value as T;
}

/** The filter of a list or CSV request (`q`, `mfa`, `role`), validated. */
export function parseFilter(params: URLSearchParams): MemberFilter {
  const q = single(params, 'q') ?? '';
  if (q.length > 200) throw badRequest('"q" is at most 200 characters.', 'q', 'invalid_parameter');
  return {
    ...(q.trim() ? { q } : {}),
    ...optional('mfa', oneOf(params, 'mfa', MFA)),
    ...optional('role', oneOf(params, 'role', ROLES)),
    ...optional('method', oneOf(params, 'method', METHODS)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function parseSort(params: URLSearchParams): MemberSort {
  return oneOf(params, 'sort', SORTS) ?? 'name';
}

export function parsePaging(params: URLSearchParams): { page: number; perPage: number } {
  const page = single(params, 'page');
  if (page !== null && !(/^[1-9]\d{0,6}$/.test(page) && Number(page) <= MAX_PAGE)) {
    throw badRequest(
      `"page" must be a whole number from 1 to ${MAX_PAGE}.`,
      'page',
      'invalid_parameter',
    );
  }
  const perPage = single(params, 'perPage');
  if (perPage !== null && !PER_PAGE.map(String).includes(perPage)) {
    throw badRequest(
      `"perPage" must be one of ${PER_PAGE.join(', ')}.`,
      'perPage',
      'invalid_parameter',
    );
  }
  return {
    page: page === null ? 1 : Number(page),
    perPage: perPage === null ? 25 : Number(perPage),
  };
}
