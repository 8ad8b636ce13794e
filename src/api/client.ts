import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { takeEarlyAnswer } from './early';
import { ApiError, networkError, type Problem } from './problem';

/** `VITE_API_BASE_URL` points a build at a real API; empty means the same origin. */
export const API_BASE_URL = new URL(
  `${(import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '')}/api`,
  globalThis.location?.origin ?? 'http://localhost',
).toString();

export const api = createClient<paths>({
  baseUrl: API_BASE_URL,
  credentials: 'include',
  // Resolve fetch per call, so a fetch patched after start-up (the Node mock) is used. A GET
  // that index.html started before the app loaded (early.ts) is adopted instead of sent again.
  fetch: (request) => takeEarlyAnswer(request) ?? globalThis.fetch(request),
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
