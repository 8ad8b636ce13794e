import type { Role } from './db';
import { badRequest } from './problems';
import { rejectUnknownFields } from './body';
import type { MemberFilter } from './member-query';

export const MAX_IDS = 10_000;

export type ReminderTarget = { userIds: string[] } | { filter: MemberFilter };

const invalid = (detail: string, parameter: string) =>
  badRequest(detail, parameter, 'invalid_parameter');

function parseIds(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid('"userIds" must be an array of user ids.', 'userIds');
  if (value.length === 0)
    throw invalid('"userIds" is empty; choose at least one person.', 'userIds');
  if (value.length > MAX_IDS) {
    throw badRequest(
      `At most ${MAX_IDS.toLocaleString('en')} ids per request; to remind more people, send a filter instead of ids.`,
      'userIds',
      'too_many_ids',
    );
  }
  if (!value.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100))
    throw invalid('Every entry of "userIds" must be a user id (a non-empty string).', 'userIds');
  return [...new Set(value as string[])];
}

function enumField<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw invalid(`"${name}" must be one of ${allowed.join(', ')}.`, name);
  return value as T;
}

function parseFilter(value: unknown): MemberFilter {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('"filter" must be an object with q, mfa and role.', 'filter');
  const raw = value as Record<string, unknown>;
  rejectUnknownFields(raw, ['q', 'mfa', 'role', 'method']);
  const filter: MemberFilter = {};
  if (raw.q !== undefined && raw.q !== null) {
    if (typeof raw.q !== 'string' || raw.q.length > 200)
      throw invalid('"filter.q" must be text of at most 200 characters.', 'filter.q');
    if (raw.q.trim()) filter.q = raw.q;
  }
  const mfa = enumField(raw.mfa, 'filter.mfa', ['enabled', 'disabled'] as const);
  if (mfa) filter.mfa = mfa;
  const role = enumField<Role>(raw.role, 'filter.role', ['owner', 'admin', 'member']);
  if (role) filter.role = role;
  const method = enumField(raw.method, 'filter.method', ['app', 'passkey'] as const);
  if (method) filter.method = method;
  return filter;
}

/** Exactly one of `userIds` (1 to 10,000) and `filter`. */
export function parseReminderRequest(body: Record<string, unknown>): ReminderTarget {
  rejectUnknownFields(body, ['userIds', 'filter']);
  const hasIds = body.userIds !== undefined;
  const hasFilter = body.filter !== undefined;
  if (hasIds === hasFilter) {
    throw invalid(
      'Send either "userIds" or "filter" (exactly one of them).',
      hasIds ? 'filter' : 'userIds',
    );
  }
  return hasIds ? { userIds: parseIds(body.userIds) } : { filter: parseFilter(body.filter) };
}
