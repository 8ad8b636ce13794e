import type { HttpHandler } from 'msw';
import { clock } from '../db';
import { guard } from '../problems';
import { http, NO_STORE } from '../http';
import { readJson } from '../body';
import { requireManager, requireOrgAccess } from '../org-access';
import { parseReminderRequest } from '../reminder-request';
import { emptySkipped, skipReason } from '../reminder-jobs';
import { resolve } from '../reminder-target';

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
      const { rows, outside } = resolve(ctx, target);
      const now = clock.now();
      const skipped = { ...emptySkipped(), notInOrganization: outside.length };
      let wouldSend = 0;
      for (const row of rows) {
        const skip = skipReason(row, now);
        if (skip) skipped[skip]++;
        else wouldSend++;
      }
      return response(200).json({ wouldSend, skipped }, { headers: NO_STORE });
    }),
  ),
];
