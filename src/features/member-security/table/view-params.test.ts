// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parameters, schemas } from '@/api/contract-values';
import { parseView } from './view-params';

const view = (query: string) => parseView(new URLSearchParams(query));

describe('the list view read from the URL takes exactly the values the contract allows', () => {
  it('keeps every sort key, page size and filter value of the contract', () => {
    for (const sort of parameters.MemberSort.schema.enum)
      expect(view(`sort=${sort}`).sort).toBe(sort);
    for (const n of parameters.PerPage.schema.enum) expect(view(`perPage=${n}`).perPage).toBe(n);
    for (const mfa of schemas.MfaFilterValue.enum) expect(view(`mfa=${mfa}`).mfa).toBe(mfa);
    for (const role of schemas.Role.enum) expect(view(`role=${role}`).role).toBe(role);
    for (const m of schemas.MfaMethodKind.enum) expect(view(`method=${m}`).method).toBe(m);
  });

  it('falls back to the defaults outside them', () => {
    const { maximum } = parameters.MemberListPage.schema;
    expect(view(`page=${maximum}`).page).toBe(maximum);
    expect(view(`page=${maximum + 1}&perPage=7&sort=password&mfa=maybe&role=root`)).toEqual({
      sort: parameters.MemberSort.schema.default,
      page: parameters.MemberListPage.schema.default,
      perPage: parameters.PerPage.schema.default,
    });
  });

  it('cuts a search to the contract length', () => {
    const max = parameters.MemberQuery.schema.maxLength;
    expect(view(`q=${'x'.repeat(max + 5)}`).q).toHaveLength(max);
  });
});
