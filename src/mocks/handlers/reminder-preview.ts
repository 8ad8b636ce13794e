import type { HttpHandler } from 'msw';
import { clock } from '../db';
import { guard } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson } from '../body';
import { requireManager, requireOrgAccess } from '../org-access';
import { parseReminderRequest } from '../reminder-request';
import { emptySkipped, skipReason } from '../reminder-jobs';
import { resolve } from '../reminder-target';
import { forEachMatching } from '../member-query';
import type { Row } from '../member-index';

/**
 * What a reminder request would do now, without sending: the same body, the same rules
 * (skipReason) and the same resolution of ids and filters as the send. No rate limit is taken.
 */
export const reminderPreviewHandlers: HttpHandler[] = [
  http.post(
    '/orgs/{orgSlug}/reminders/preview',
    guard(async ({ request, params, response }) => {
      const ctx = requireOrgAccess(request, params.orgSlug);
      requireManager(ctx);
      const target = parseReminderRequest(await readJson(request));
      const now = clock.now();
      const skipped = emptySkipped();
      let wouldSend = 0;
      const count = (row: Row) => {
        const skip = skipReason(row, now);
        if (skip) skipped[skip]++;
        else wouldSend++;
      };
      // A filter is counted in the index's order: the counts do not depend on the list's sort.
      if ('filter' in target) forEachMatching(ctx.org.id, target.filter, count);
      else {
        const { rows, outside } = resolve(ctx, target);
        skipped.notInOrganization = outside.length;
        rows.forEach(count);
      }
      return response(200).json({ wouldSend, skipped }, { headers: NO_STORE });
    }),
  ),
];
