import { HttpResponse } from 'msw';
import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '@/api/schema';
import { clock, db, nextId, type SessionRecord, type UserRecord } from './db';
import { deployment } from './deployment';

/** Typed MSW `http`: paths, params, bodies and responses come from the OpenAPI file. */
export const http = createOpenApiHttp<paths>({ baseUrl: '*/api' });

export const SESSION_COOKIE = 'nimbus_session';
const SESSION_TTL_MS = 12 * 3_600_000;

/**
 * How the session id travels. `cookie`: a real HttpOnly cookie (the HTTP mock server).
 * `jar`: kept inside the mock itself, because a page cannot read or set HttpOnly cookies and MSW
 * would otherwise persist mocked cookies in localStorage.
 */
export const transport: { mode: 'cookie' | 'jar' } = { mode: 'jar' };

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export function problemResponse(p: ProblemError): Response {
  return HttpResponse.json(
    {
      type: `https://docs.nimbus.example/problems/${p.code.replace(/_/g, '-')}`,
      title: p.title,
      status: p.status,
      code: p.code,
      ...(p.detail ? { detail: p.detail } : {}),
      ...p.extra,
    },
    { status: p.status, headers: { 'Content-Type': 'application/problem+json', ...p.headers } },
  );
}

export const badRequest = (detail: string, parameter?: string, code = 'invalid_request') =>
  new ProblemError(
    400,
    code,
    'Invalid request',
    detail,
    parameter ? { parameters: { parameter } } : {},
  );

export const notFound = (detail = 'There is nothing here.') =>
  new ProblemError(404, 'not_found', 'Not found', detail);

export function tooManyRequests(code: string, detail: string, retryAt: number): ProblemError {
  const seconds = Math.max(1, Math.ceil((retryAt - clock.now()) / 1000));
  return new ProblemError(
    429,
    code,
    'Too many requests',
    detail,
    { parameters: { retryAt: new Date(retryAt).toISOString(), retryAfterSeconds: seconds } },
    { 'Retry-After': String(seconds) },
  );
}

/** Wrap a resolver so a thrown ProblemError becomes its problem document. */
export function guard<I extends { response: { untyped: (r: Response) => R } }, R>(
  fn: (info: I) => Promise<R> | R,
): (info: I) => Promise<R> {
  return async (info) => {
    try {
      return await fn(info);
    } catch (error) {
      if (error instanceof ProblemError) return info.response.untyped(problemResponse(error));
      throw error;
    }
  };
}

/** A second line behind the body limit of ./request-guards (MAX_BODY_BYTES), for direct calls. */
const MAX_JSON_CHARS = 512 * 1024;

/** Parse a JSON object body, or fail with a 400 that says what is wrong. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw badRequest('The request body could not be read.', 'body', 'invalid_json');
  }
  if (text.length > MAX_JSON_CHARS)
    throw new ProblemError(
      413,
      'payload_too_large',
      'Request too large',
      'The request body is too large.',
    );
  if (!text.trim())
    throw badRequest('The request body is empty; send a JSON object.', 'body', 'invalid_json');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.', 'body', 'invalid_json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.', 'body', 'invalid_json');
  }
  return value as Record<string, unknown>;
}

/** The longest string field a JSON body may carry unless its schema says less (openapi.yaml). */
export const MAX_STRING_LENGTH = 400;

export function stringField(
  body: Record<string, unknown>,
  field: string,
  required = true,
  maxLength = MAX_STRING_LENGTH,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required)
      throw new ProblemError(400, 'missing_field', 'Invalid request', `"${field}" is required.`, {
        parameters: { parameter: field },
        errors: [{ field, message: 'Required.' }],
      });
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new ProblemError(400, 'invalid_type', 'Invalid request', `"${field}" must be a string.`, {
      parameters: { parameter: field },
      errors: [{ field, message: 'Must be a string.' }],
    });
  }
  // Checked before anything else looks at the value (hashing a long password costs time).
  if (value.length > maxLength) {
    const message = `At most ${maxLength} characters.`;
    throw new ProblemError(400, 'too_long', 'Invalid request', `"${field}" is too long.`, {
      parameters: { parameter: field, maxLength },
      errors: [{ field, message }],
    });
  }
  return value;
}

/** An optional boolean field (absent or null is false). */
export function booleanField(body: Record<string, unknown>, field: string): boolean {
  const value = body[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean')
    throw new ProblemError(
      400,
      'invalid_type',
      'Invalid request',
      `"${field}" must be true or false.`,
      {
        parameters: { parameter: field },
        errors: [{ field, message: 'Must be a boolean.' }],
      },
    );
  return value;
}

export function rejectUnknownFields(body: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(body).find((k) => !allowed.includes(k));
  if (unknown) throw badRequest(`Unknown field "${unknown}".`, unknown, 'unknown_field');
}

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

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;
