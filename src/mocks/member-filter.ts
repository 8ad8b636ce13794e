import type { components } from '@/api/schema';
import { parameters, schemas } from '@/api/contract-values';
import { badRequest } from './problems';
import { rejectUnknownFields } from './body';

/**
 * The member filter (`q`, `mfa`, `role`, `method`), parsed one way wherever it arrives: in the
 * query string of the member list and its CSV, and as `filter` in a reminder request's body.
 * Only reading the raw values differs between the two (see filterFromQuery, filterFromBody).
 */
export type MemberFilter = components['schemas']['MemberFilter'];

type EnumField = Exclude<keyof MemberFilter, 'q'>;

/** Every field of the contract's MemberFilter but `q`: a field added there fails to compile here. */
const ENUMS = {
  mfa: schemas.MfaFilterValue.enum,
  role: schemas.Role.enum,
  method: schemas.MfaMethodKind.enum,
} as const satisfies { [K in EnumField]-?: readonly NonNullable<MemberFilter[K]>[] };

export const FILTER_FIELDS = ['q', ...(Object.keys(ENUMS) as EnumField[])] as const;

const invalid = (detail: string, name: string) => badRequest(detail, name, 'invalid_parameter');

const shown = (value: unknown) =>
  typeof value === 'string'
    ? `"${value.slice(0, 40)}"`
    : String(JSON.stringify(value)).slice(0, 40);

/** `value` if it is one of `allowed`, undefined if absent, else a 400 naming `name`. */
export function enumValue<T extends string>(value: unknown, name: string, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw invalid(`"${name}" must be one of ${allowed.join(', ')}; got ${shown(value)}.`, name);
  return value as T;
}

/**
 * `read(field)` gives a field's raw value, undefined when it is absent; names in problems are
 * `prefix + field`. A blank `q` is no search.
 */
function parseMemberFilter(
  read: (field: keyof MemberFilter) => unknown,
  qMaxLength: number,
  prefix = '',
): MemberFilter {
  const filter: MemberFilter = {};
  const q = read('q');
  if (q !== undefined) {
    if (typeof q !== 'string' || q.length > qMaxLength)
      throw invalid(`"${prefix}q" must be text of at most ${qMaxLength} characters.`, `${prefix}q`);
    if (q.trim()) filter.q = q;
  }
  for (const field of Object.keys(ENUMS) as EnumField[]) {
    const value = enumValue(read(field), `${prefix}${field}`, ENUMS[field]);
    if (value !== undefined) Object.assign(filter, { [field]: value });
  }
  return filter;
}

/** A query parameter's one value (given twice is a 400); with `emptyIsAbsent`, `?mfa=` is "any". */
export function singleParam(
  params: URLSearchParams,
  name: string,
  emptyIsAbsent = false,
): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw invalid(`"${name}" is given more than once.`, name);
  return emptyIsAbsent && all[0] === '' ? undefined : all[0];
}

/** The filter of a list or CSV request's query string; other parameters are left alone. */
export function filterFromQuery(params: URLSearchParams): MemberFilter {
  return parseMemberFilter(
    (field) => singleParam(params, field, true),
    parameters.MemberQuery.schema.maxLength,
  );
}

/** A reminder request's `filter`: an object of these fields only; null stands for absent. */
export function filterFromBody(value: unknown): MemberFilter {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`"filter" must be an object with ${FILTER_FIELDS.join(', ')}.`, 'filter');
  const raw = value as Record<string, unknown>;
  rejectUnknownFields(raw, [...FILTER_FIELDS]);
  return parseMemberFilter(
    (field) => raw[field] ?? undefined,
    schemas.MemberFilter.properties.q.maxLength,
    'filter.',
  );
}
