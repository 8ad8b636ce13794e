// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ProblemError } from './problems';
import { filterFromBody, filterFromQuery } from './member-filter';

/** The problem a parse throws, as code and parameter (or null when it parses). */
function refusal(parse: () => unknown): { code: string; parameter: unknown } | null {
  try {
    parse();
    return null;
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const parameters = error.extra.parameters as { parameter?: unknown } | undefined;
    return { code: error.code, parameter: parameters?.parameter };
  }
}

describe('one member filter for the list query and the reminder body', () => {
  it.each([
    [{}],
    [{ q: 'mia@' }],
    [{ q: '   ' }],
    [{ mfa: 'disabled', role: 'admin' }],
    [{ method: 'passkey', q: 'x'.repeat(200) }],
    [{ mfa: 'maybe' }],
    [{ role: 'root' }],
    [{ method: 'sms' }],
    [{ q: 'x'.repeat(201) }],
  ])('parses %j the same way from both', (fields: Record<string, string>) => {
    const query = () => filterFromQuery(new URLSearchParams(fields));
    const body = () => filterFromBody(fields);
    const fromQuery = refusal(query);
    const fromBody = refusal(body);
    if (fromQuery === null) {
      expect(fromBody).toBeNull();
      expect(body()).toEqual(query());
    } else {
      expect(fromBody).toEqual({
        ...fromQuery,
        parameter: `filter.${String(fromQuery.parameter)}`,
      });
    }
  });

  it('reads an empty query value as absent and an empty body value as a wrong value', () => {
    expect(filterFromQuery(new URLSearchParams('mfa=&role='))).toEqual({});
    expect(refusal(() => filterFromBody({ mfa: '' }))).toEqual({
      code: 'invalid_parameter',
      parameter: 'filter.mfa',
    });
  });
});
