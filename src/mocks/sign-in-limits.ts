import { clock, db } from './db';
import { ProblemError, tooManyRequests } from './problems';

/**
 * Password guessing limits (NIST SP 800-63B rev 4 §3.2.2). Counted per e-mail address tried,
 * whether or not an account has it, so the answers never tell whether an account exists; and per
 * client, so one client cannot spread guesses over many accounts.
 *
 * - Per address: 5 free consecutive failures, then a wait of 1 s that doubles with each further
 *   failure, up to 15 minutes (429 + Retry-After). While a wait runs, no password is checked.
 * - At 100 consecutive failures password sign-in for that address stops (403 `sign_in_locked`)
 *   until an administrator or a password reset unlocks it (in the mock: Reset demo data), so an
 *   account never sees more than 100 consecutive failures.
 * - A correct password ends the count.
 * - Per client: 30 failures in 10 minutes, then 429 until the oldest leaves the window.
 */
export const FREE_FAILURES = 5;
export const MAX_WAIT_MS = 15 * 60_000;
export const ACCOUNT_FAILURE_LIMIT = 100;
export const CLIENT_FAILURE_LIMIT = 30;
export const CLIENT_WINDOW_MS = 10 * 60_000;
/** Addresses and clients tracked at most; the oldest entries are dropped first. */
const MAX_TRACKED = 10_000;

const accountKey = (email: string) => email.trim().toLowerCase();

/** The wait after `failures` consecutive failures (0 while they are free). */
export function waitAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** Math.min(20, failures - FREE_FAILURES));
}

/** Throws when this client or this address may not try a password now. */
export function checkSignInAllowed(email: string, client: string): void {
  const now = clock.now();
  const recent = recentClientFailures(client, now);
  const oldest = recent[0];
  if (recent.length >= CLIENT_FAILURE_LIMIT && oldest !== undefined) {
    throw tooManyRequests(
      'sign_in_rate_limited',
      'Too many failed sign-ins from this client. Try again later.',
      oldest + CLIENT_WINDOW_MS,
    );
  }
  const record = db.signInFailures.get(accountKey(email));
  if (!record) return;
  if (record.failures >= ACCOUNT_FAILURE_LIMIT) {
    throw new ProblemError(
      403,
      'sign_in_locked',
      'Sign-in locked',
      `After ${ACCOUNT_FAILURE_LIMIT} wrong passwords in a row, signing in with a password is locked for this address. Reset your password or contact support.`,
    );
  }
  if (record.lockedUntil > now) {
    throw tooManyRequests(
      'sign_in_rate_limited',
      'Too many wrong passwords. Wait before trying again.',
      record.lockedUntil,
    );
  }
}

export function recordSignInFailure(email: string, client: string): void {
  const now = clock.now();
  const key = accountKey(email);
  const failures = (db.signInFailures.get(key)?.failures ?? 0) + 1;
  const wait = waitAfter(failures);
  db.signInFailures.delete(key); // re-inserted last: the map's order is least recently failed first
  db.signInFailures.set(key, { failures, lockedUntil: wait > 0 ? now + wait : 0 });
  db.clientSignInFailures.set(client, [...recentClientFailures(client, now), now]);
  trim(db.signInFailures);
  trim(db.clientSignInFailures);
}

export function recordSignInSuccess(email: string): void {
  db.signInFailures.delete(accountKey(email));
}

function recentClientFailures(client: string, now: number): number[] {
  return (db.clientSignInFailures.get(client) ?? []).filter((t) => now - t < CLIENT_WINDOW_MS);
}

function trim(map: Map<string, unknown>): void {
  for (const key of map.keys()) {
    if (map.size <= MAX_TRACKED) return;
    map.delete(key);
  }
}
