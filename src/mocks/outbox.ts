import { db, type EmailRecord } from './db';

/** The outbox keeps the last e-mails only (a reminder job to 100,000 people would fill memory). */
export const OUTBOX_LIMIT = 1000;
/** Tests that count every e-mail of a 30,000-person job raise it. */
export const outboxSettings = { limit: OUTBOX_LIMIT };

/** Put an e-mail in the outbox, dropping the oldest beyond OUTBOX_LIMIT (in batches of 100). */
export function deliver(mail: EmailRecord): void {
  db.outbox.push(mail);
  db.mailCounts[mail.kind] = (db.mailCounts[mail.kind] ?? 0) + 1;
  if (db.outbox.length > outboxSettings.limit + 100) trimOutbox();
}

export function trimOutbox(): void {
  const { limit } = outboxSettings;
  if (db.outbox.length > limit) db.outbox.splice(0, db.outbox.length - limit);
}
