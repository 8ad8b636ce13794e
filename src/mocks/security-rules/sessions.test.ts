// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { clock, db } from '../db';
import {
  createSession,
  findSession,
  requireSession,
  sessionCookieHeaders,
  transport,
} from '../sessions';
import { problemResponse, ProblemError, tooManyRequests } from '../problems';
import { readJson, rejectUnknownFields, stringField } from '../body';

const TTL = 12 * 3_600_000;
const withCookie = (cookie: string) =>
  new Request('http://localhost/api/session', { headers: { Cookie: cookie } });
const body = (text: string) =>
  new Request('http://localhost/api/x', { method: 'POST', body: text });

function refusal(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
async function refusalOf(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

afterEach(() => {
  transport.mode = 'jar';
});

describe('sessions', () => {
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
    });
    const session = createSession('usr_mia', ['pwd']);
    expect(requireSession(new Request('http://localhost/')).user.id).toBe('usr_mia');
    db.users.delete('usr_mia');
    expect(refusal(() => requireSession(new Request('http://localhost/')))).toMatchObject({
      status: 401,
    });
    expect(session.id).toBeTruthy();
  });
});

describe('request parsing', () => {
  it.each(['', '   ', '{"a":', '[1]', 'null', '"text"', '5'])(
    'readJson refuses %j',
    async (text) => {
      const p = await refusalOf(readJson(body(text)));
      expect(p).toMatchObject({ status: 400, code: 'invalid_json' });
      expect(p.extra).toEqual({ parameters: { parameter: 'body' } });
    },
  );

  it('readJson returns the object', async () => {
    expect(await readJson(body(' {"a":1} '))).toEqual({ a: 1 });
  });

  it('stringField: required, optional, wrong type', () => {
    expect(stringField({ a: 'x' }, 'a')).toBe('x');
    expect(stringField({}, 'a', false)).toBeUndefined();
    expect(stringField({ a: null }, 'a', false)).toBeUndefined();
    for (const value of [undefined, null]) {
      const p = refusal(() => stringField({ a: value }, 'a'));
      expect(p).toMatchObject({ status: 400, code: 'missing_field', detail: '"a" is required.' });
      expect(p.extra).toEqual({
        parameters: { parameter: 'a' },
        errors: [{ field: 'a', message: 'Required.' }],
      });
    }
    const typed = refusal(() => stringField({ a: 1 }, 'a', false));
    expect(typed).toMatchObject({ code: 'invalid_type', detail: '"a" must be a string.' });
    expect(typed.extra).toEqual({
      parameters: { parameter: 'a' },
      errors: [{ field: 'a', message: 'Must be a string.' }],
    });
  });

  it('rejectUnknownFields names the first unknown field', () => {
    expect(() => rejectUnknownFields({ a: 1 }, ['a', 'b'])).not.toThrow();
    const p = refusal(() => rejectUnknownFields({ a: 1, z: 2 }, ['a']));
    expect(p).toMatchObject({ status: 400, code: 'unknown_field', detail: 'Unknown field "z".' });
    expect(p.extra).toEqual({ parameters: { parameter: 'z' } });
  });
});

describe('problem documents and rate limits', () => {
  it('a problem is application/problem+json with a type URL, its extras and headers', async () => {
    const response = problemResponse(
      new ProblemError(409, 'mfa_already_enabled', 'On', 'Already.', { extra: 1 }, { 'X-A': 'b' }),
    );
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-a')).toBe('b');
    expect(await response.json()).toEqual({
      type: 'https://docs.nimbus.example/problems/mfa-already-enabled',
      title: 'On',
      status: 409,
      code: 'mfa_already_enabled',
      detail: 'Already.',
      extra: 1,
    });
    const bare = await problemResponse(new ProblemError(404, 'not_found', 'Not found')).json();
    expect(bare).not.toHaveProperty('detail');
  });

  it('429: Retry-After in whole seconds (rounded up, at least 1) and retryAt', () => {
    const p = tooManyRequests('rate_limited', 'Slow down.', clock.now() + 1500);
    expect(p).toMatchObject({ status: 429, code: 'rate_limited', detail: 'Slow down.' });
    expect(p.headers).toEqual({ 'Retry-After': '2' });
    expect(p.extra).toEqual({
      parameters: { retryAt: new Date(clock.now() + 1500).toISOString(), retryAfterSeconds: 2 },
    });
    expect(tooManyRequests('x', 'y', clock.now() - 5000).headers['Retry-After']).toBe('1');
    expect(tooManyRequests('x', 'y', clock.now() + 60_000).headers['Retry-After']).toBe('60');
  });
});
