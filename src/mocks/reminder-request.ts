import { schemas } from '@/api/contract-values';
import { badRequest } from './problems';
import { rejectUnknownFields } from './body';
import { filterFromBody, type MemberFilter } from './member-filter';

/** The contract's ReminderRequest: at most this many ids; larger sends go by filter. */
const MAX_IDS = schemas.ReminderRequest.properties.userIds.maxItems;

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
  return hasIds ? { userIds: parseIds(body.userIds) } : { filter: filterFromBody(body.filter) };
}
