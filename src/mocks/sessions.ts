import { clock, db, nextId, type SessionRecord, type UserRecord } from './db';
import { deployment } from './deployment';
import { ProblemError } from './problems';

/** Sessions: the cookie or jar that carries them, lookup, creation and ending. */

export const SESSION_COOKIE = 'nimbus_session';
const SESSION_TTL_MS = 12 * 3_600_000;

/**
 * How the session id travels. `cookie`: a real HttpOnly cookie (the HTTP mock server).
 * `jar`: kept inside the mock itself, because a page cannot read or set HttpOnly cookies and MSW
 * would otherwise persist mocked cookies in localStorage.
 */
export const transport: { mode: 'cookie' | 'jar' } = { mode: 'jar' };

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function sessionIdOf(request: Request): string | null {
  return transport.mode === 'cookie' ? cookieValue(request, SESSION_COOKIE) : db.jar.sessionId;
}

export function findSession(request: Request): SessionRecord | null {
  const id = sessionIdOf(request);
  const session = id ? db.sessions.get(id) : undefined;
  if (!session) return null;
  if (session.expiresAt <= clock.now()) {
    db.sessions.delete(session.id);
    return null;
  }
  return session;
}

export interface Authenticated {
  session: SessionRecord;
  user: UserRecord;
}

export function requireSession(request: Request): Authenticated {
  const session = findSession(request);
  const user = session ? db.users.get(session.userId) : undefined;
  if (!session || !user) {
    throw new ProblemError(
      401,
      'unauthenticated',
      'Sign in required',
      'Your session has ended. Sign in again.',
    );
  }
  return { session, user };
}

export function createSession(userId: string, amr: string[]): SessionRecord {
  const now = clock.now();
  const session: SessionRecord = {
    id: nextId('ses') + crypto.randomUUID().replace(/-/g, ''),
    userId,
    amr,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    ...(amr.includes('mfa') ? { mfaAt: now } : {}),
  };
  db.sessions.set(session.id, session);
  if (transport.mode === 'jar') db.jar.sessionId = session.id;
  return session;
}

/** When this session last proved MFA, or null (no `mfa` in its `amr`). */
export function mfaProvedAt(session: SessionRecord): number | null {
  return session.amr.includes('mfa') ? (session.mfaAt ?? null) : null;
}

/**
 * Headers that hand the session to the browser (cookie mode) or nothing (jar mode). The cookie
 * is `Secure` when the request came over HTTPS or the Console's public URL is HTTPS (a TLS proxy
 * in front of the server).
 */
export function sessionCookieHeaders(
  session: SessionRecord | null,
  request?: Request,
): Record<string, string> {
  if (transport.mode === 'jar') {
    if (!session) db.jar.sessionId = null;
    return {};
  }
  const https =
    (request && new URL(request.url).protocol === 'https:') ||
    deployment.publicUrl.startsWith('https:');
  const attributes = `Path=/; HttpOnly;${https ? ' Secure;' : ''} SameSite=Lax`;
  const value = session
    ? `${SESSION_COOKIE}=${session.id}; ${attributes}; Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}`
    : `${SESSION_COOKIE}=; ${attributes}; Max-Age=0`;
  return { 'Set-Cookie': value };
}

/** Ends every session of `userId` but `keep` (sign-in with "Sign out of my other sessions"). */
export function endOtherSessions(userId: string, keep: string): number {
  let ended = 0;
  for (const s of [...db.sessions.values()]) {
    if (s.userId === userId && s.id !== keep) {
      db.sessions.delete(s.id);
      ended++;
    }
  }
  return ended;
}
