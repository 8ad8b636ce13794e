// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clock, db } from '../db';
import { deployment } from '../deployment';
import {
  createSession,
  endOtherSessions,
  findSession,
  mfaProvedAt,
  requireSession,
  sessionCookieHeaders,
  transport,
} from '../sessions';
import { refusal } from './refusal';

const TTL = 12 * 3_600_000;
const withCookie = (cookie: string) =>
  new Request('http://localhost/api/session', { headers: { Cookie: cookie } });
const publicUrl = deployment.publicUrl;

afterEach(() => {
  transport.mode = 'jar';
  deployment.publicUrl = publicUrl;
});

describe('sessions', () => {
  it("by default live in the mock's own jar (the in-browser mock), not in a cookie", async () => {
    vi.resetModules();
    const fresh = await import('../sessions');
    expect(fresh.transport).toEqual({ mode: 'jar' });
  });

  it('a new session lasts 12 hours and is the jar session in jar mode', () => {
    const session = createSession('usr_adam', ['pwd']);
    expect(session).toMatchObject({
      userId: 'usr_adam',
      amr: ['pwd'],
      createdAt: clock.now(),
      expiresAt: clock.now() + TTL,
    });
    expect(session.id.length).toBeGreaterThan(20);
    expect(db.jar.sessionId).toBe(session.id);
    expect(findSession(new Request('http://localhost/'))).toBe(session);
  });

  it('ends exactly at its expiry, and is then forgotten', () => {
    const session = createSession('usr_adam', ['pwd']);
    clock.advance(TTL - 1);
    expect(findSession(new Request('http://localhost/'))).toBe(session);
    clock.advance(1);
    expect(findSession(new Request('http://localhost/'))).toBeNull();
    expect(db.sessions.has(session.id)).toBe(false);
  });

  it('in cookie mode, reads the session cookie among others and leaves the jar alone', () => {
    transport.mode = 'cookie';
    db.jar.sessionId = null;
    const session = createSession('usr_mia', ['pwd']);
    expect(db.jar.sessionId).toBeNull();
    expect(findSession(withCookie(`a=1; nimbus_session=${session.id}; b=2`))).toBe(session);
    expect(findSession(withCookie(`nimbus_session_x=${session.id}`))).toBeNull();
    expect(findSession(withCookie(`xnimbus_session=${session.id}`))).toBeNull();
    expect(findSession(withCookie('nimbus_session=nope'))).toBeNull();
    expect(findSession(new Request('http://localhost/'))).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Lax cookie for 12 hours, and clears it with Max-Age=0', () => {
    transport.mode = 'cookie';
    const session = createSession('usr_mia', ['pwd']);
    expect(sessionCookieHeaders(session)).toEqual({
      'Set-Cookie': `nimbus_session=${session.id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200`,
    });
    expect(sessionCookieHeaders(null)['Set-Cookie']).toMatch(
      /^nimbus_session=; .*HttpOnly.*Max-Age=0$/,
    );
  });

  it('in jar mode, no cookie header; signing out empties the jar', () => {
    const session = createSession('usr_mia', ['pwd']);
    expect(sessionCookieHeaders(session)).toEqual({});
    expect(db.jar.sessionId).toBe(session.id);
    expect(sessionCookieHeaders(null)).toEqual({});
    expect(db.jar.sessionId).toBeNull();
  });

  it('requireSession: 401 without a session or when its person is gone', () => {
    db.jar.sessionId = null;
    expect(refusal(() => requireSession(new Request('http://localhost/')))).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Sign in required',
      detail: 'Your session has ended. Sign in again.',
    });
    const session = createSession('usr_mia', ['pwd']);
    expect(requireSession(new Request('http://localhost/')).user.id).toBe('usr_mia');
    db.users.delete('usr_mia');
    expect(refusal(() => requireSession(new Request('http://localhost/')))).toMatchObject({
      status: 401,
    });
    expect(session.id).toBeTruthy();
  });

  it('an id is cookie-safe: "ses_", a counter and 128 random bits in hex', () => {
    const ids = [createSession('usr_mia', ['pwd']).id, createSession('usr_mia', ['pwd']).id];
    for (const id of ids) expect(id).toMatch(/^ses_[0-9a-z]+[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('records when MFA was proved only for a session made with MFA', () => {
    clock.advance(5_000);
    expect(createSession('usr_mia', ['pwd', 'otp', 'mfa']).mfaAt).toBe(clock.now());
    expect(createSession('usr_mia', ['pwd'])).not.toHaveProperty('mfaAt');
  });

  it('says when MFA was proved: only for a session whose amr has mfa', () => {
    const session = createSession('usr_mia', ['pwd', 'otp', 'mfa']);
    expect(mfaProvedAt(session)).toBe(clock.now());
    expect(mfaProvedAt({ ...session, amr: ['pwd'] })).toBeNull();
    expect(mfaProvedAt({ ...session, mfaAt: undefined })).toBeNull();
    expect(mfaProvedAt(createSession('usr_mia', ['pwd']))).toBeNull();
  });

  it('reads a cookie value that itself contains "=" whole', () => {
    transport.mode = 'cookie';
    const session = createSession('usr_mia', ['pwd']);
    db.sessions.set('a=b', { ...session, id: 'a=b' });
    expect(findSession(withCookie('nimbus_session=a=b'))?.id).toBe('a=b');
    expect(findSession(withCookie('nimbus_session=a'))).toBeNull();
  });

  it('the cookie is Secure over HTTPS or when the public URL is HTTPS, not otherwise', () => {
    transport.mode = 'cookie';
    const session = createSession('usr_mia', ['pwd']);
    const cookie = (url: string) =>
      sessionCookieHeaders(session, new Request(url))['Set-Cookie'] ?? '';
    deployment.publicUrl = 'http://localhost:4173';
    expect(cookie('http://localhost/api/session')).not.toContain('Secure');
    expect(cookie('https://console.example/api/session')).toContain('HttpOnly; Secure; SameSite');
    deployment.publicUrl = 'https://console.example';
    expect(cookie('http://127.0.0.1:5330/api/session')).toContain('HttpOnly; Secure; SameSite');
    expect(sessionCookieHeaders(null)['Set-Cookie']).toContain('Secure');
  });

  it("ending the other sessions keeps the current one and other people's, and counts", () => {
    const keep = createSession('usr_mia', ['pwd']);
    const others = [createSession('usr_mia', ['pwd']), createSession('usr_mia', ['pwd'])];
    const adams = createSession('usr_adam', ['pwd']);
    expect(endOtherSessions('usr_mia', keep.id)).toBe(2);
    expect(others.some((s) => db.sessions.has(s.id))).toBe(false);
    expect(db.sessions.has(keep.id)).toBe(true);
    expect(db.sessions.has(adams.id)).toBe(true);
    expect(endOtherSessions('usr_mia', keep.id)).toBe(0);
  });
});
