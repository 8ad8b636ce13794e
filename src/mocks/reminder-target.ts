import type { Row } from './member-index';
import { allMatching, rowOf } from './member-query';
import type { OrgContext } from './org-access';
import type { ReminderTarget } from './reminder-request';

/** The members a reminder request names (ids or a filter), and the ids outside the organization. */
export function resolve(ctx: OrgContext, target: ReminderTarget) {
  if ('filter' in target) return { rows: allMatching(ctx.org.id, target.filter), outside: [] };
  const rows: Row[] = [];
  const outside: string[] = [];
  for (const id of target.userIds) {
    const row = rowOf(ctx.org.id, id);
    if (row) rows.push(row);
    else outside.push(id);
  }
  return { rows, outside };
}
