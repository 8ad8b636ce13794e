import { parameters } from '@/api/contract-values';
import { badRequest } from './problems';
import { enumValue, singleParam } from './member-filter';
import type { MemberSort } from './member-order';

export { filterFromQuery as parseFilter } from './member-filter';

/** The list's sort keys, page sizes and page bounds: the contract's listMembers parameters. */
const SORT = parameters.MemberSort.schema;
const PAGE = parameters.MemberListPage.schema;
const PER_PAGE = parameters.PerPage.schema;

export function parseSort(params: URLSearchParams): MemberSort {
  return enumValue(singleParam(params, 'sort', true), 'sort', SORT.enum) ?? SORT.default;
}

export function parsePaging(params: URLSearchParams): { page: number; perPage: number } {
  const page = singleParam(params, 'page');
  if (page !== undefined && !(/^[1-9]\d{0,6}$/.test(page) && Number(page) <= PAGE.maximum)) {
    throw badRequest(
      `"page" must be a whole number from ${PAGE.minimum} to ${PAGE.maximum}.`,
      'page',
      'invalid_parameter',
    );
  }
  const perPage = singleParam(params, 'perPage');
  if (perPage !== undefined && !PER_PAGE.enum.map(String).includes(perPage)) {
    throw badRequest(
      `"perPage" must be one of ${PER_PAGE.enum.join(', ')}.`,
      'perPage',
      'invalid_parameter',
    );
  }
  return {
    page: page === undefined ? PAGE.default : Number(page),
    perPage: perPage === undefined ? PER_PAGE.default : Number(perPage),
  };
}
