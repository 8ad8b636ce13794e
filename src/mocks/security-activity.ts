import { clock, db, nextId, type ActivityRecord, type UserRecord } from './db';
import { sendSecurityNotice, type NoticeDetails, type NoticeKind } from './security-notice';

type ActivityInput = Omit<ActivityRecord, 'id' | 'userId' | 'at'> & { at?: number };

/** Which activity sends the person a notice, and of which kind. Sign-ins send none. */
const NOTICE_OF: Partial<Record<ActivityRecord['type'], NoticeKind>> = {
  app_added: 'mfa_enabled',
  app_removed: 'mfa_removed',
  passkey_added: 'passkey_added',
  passkey_removed: 'passkey_removed',
  recovery_codes_regenerated: 'recovery_codes_regenerated',
  recovery_code_used: 'recovery_code_used',
  mfa_reset: 'mfa_reset',
  mfa_locked: 'mfa_locked',
};

/** Record an event of the person's own security activity. */
export function recordActivity(user: UserRecord, input: ActivityInput): ActivityRecord {
  const event: ActivityRecord = {
    ...input,
    id: nextId('act'),
    userId: user.id,
    at: input.at ?? clock.now(),
  };
  db.activity.push(event);
  return event;
}

/**
 * A change to the person's sign-in methods: recorded in their activity and announced by e-mail,
 * one notice keyed by the event's id.
 */
export function securityChange(
  user: UserRecord,
  input: ActivityInput,
  extra: Omit<NoticeDetails, 'eventId' | 'at'> = {},
): ActivityRecord {
  const event = recordActivity(user, input);
  const kind = NOTICE_OF[event.type];
  if (kind) {
    const actor = event.actorId ? db.users.get(event.actorId) : undefined;
    const org = event.orgId ? db.orgs.get(event.orgId) : undefined;
    sendSecurityNotice(db, user, kind, {
      eventId: event.id,
      at: event.at,
      remaining: event.recoveryCodesRemaining,
      actorName: actor ? (actor.name ?? actor.email) : undefined,
      orgName: org?.name,
      reason: event.reason,
      lockedUntil: event.lockedUntil,
      ...extra,
    });
  }
  return event;
}

export interface ActivityPage {
  items: ActivityRecord[];
  nextCursor: string | null;
}

/**
 * The person's own events, newest first. `cursor` is the id of the last event of the previous
 * page; an unknown cursor (or someone else's event) is null.
 */
export function activityPage(
  userId: string,
  cursor: string | null,
  limit: number,
): ActivityPage | null {
  let start = db.activity.length - 1;
  if (cursor !== null) {
    const index = db.activity.findIndex((e) => e.id === cursor);
    if (index < 0 || db.activity[index]?.userId !== userId) return null;
    start = index - 1;
  }
  const items: ActivityRecord[] = [];
  let i = start;
  for (; i >= 0 && items.length < limit; i--) {
    const event = db.activity[i];
    if (event?.userId === userId) items.push(event);
  }
  let more = false;
  for (; i >= 0 && !more; i--) more = db.activity[i]?.userId === userId;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? last.id : null };
}
