import { db, type DbState, type EmailRecord } from './db';

type Mailbox = Pick<DbState, 'outbox' | 'mailCounts'>;

/** The outbox keeps the last e-mails only (a reminder job to 100,000 people would fill memory). */
export const OUTBOX_LIMIT = 1000;
/** Tests that count every e-mail of a 30,000-person job raise it. */
export const outboxSettings = { limit: OUTBOX_LIMIT };

/** Put an e-mail in the outbox, dropping the oldest beyond OUTBOX_LIMIT (in batches of 100). */
export function deliver(mail: EmailRecord, state: Mailbox = db): void {
  state.outbox.push(mail);
  state.mailCounts[mail.kind] = (state.mailCounts[mail.kind] ?? 0) + 1;
  if (state.outbox.length > outboxSettings.limit + 100) trimOutbox(state);
}

export function trimOutbox(state: Mailbox = db): void {
  const { limit } = outboxSettings;
  if (state.outbox.length > limit) state.outbox.splice(0, state.outbox.length - limit);
}
