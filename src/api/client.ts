import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { takeEarlyAnswer } from './early';
import { ApiError, networkError, type Problem } from './problem';

/** `VITE_API_BASE_URL` points a build at a real API; empty means the same origin. */
export const API_BASE_URL = new URL(
  `${(import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '')}/api`,
  globalThis.location?.origin ?? 'http://localhost',
).toString();

let held: Promise<void> | null = null;

/**
 * Answers (and failures) wait until `until` settles. app/first-load/mount.tsx holds them while React hydrates
 * the page pre-rendered at build time: that HTML shows nothing loaded yet, and hydration must
 * render the same, so an answer that arrives before the page is hydrated cannot change what it
 * renders. The requests themselves go out at once.
 */
export function holdResponsesUntil(until: Promise<void>): void {
  held = until;
  void until.then(() => {
    if (held === until) held = null;
  });
}

export const api = createClient<paths>({
  baseUrl: API_BASE_URL,
  credentials: 'include',
  // Resolve fetch per call, so a fetch patched after start-up (the Node mock) is used. A GET
  // that index.html started before the app loaded (early.ts) is adopted instead of sent again.
  fetch: async (request) => {
    try {
      return await (takeEarlyAnswer(request) ?? globalThis.fetch(request));
    } finally {
      if (held) await held;
    }
  },
});

function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && 'code' in body && 'title' in body) return body as Problem;
  return {
    type: 'about:blank',
    title: 'Request failed',
    status,
    code: `http_${status}`,
    detail: `The server answered ${status}.`,
  };
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * Await an openapi-fetch call and return its data, or throw an ApiError with the problem
 * document (network failures included), so queries and mutations handle one error type.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    throw networkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const retryAfter = response.headers.get('Retry-After');
    throw new ApiError(
      response.status,
      toProblem(response.status, error),
      retryAfter ? Number(retryAfter) : null,
    );
  }
  return data as T;
}

/** A fresh Idempotency-Key for one user action (reused when that action is retried). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
