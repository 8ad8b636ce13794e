import { HttpResponse } from 'msw';
import type { components } from '@/api/schema';
import { clock } from './db';

type Problem = components['schemas']['Problem'];
type AccessDeniedProblem = components['schemas']['AccessDeniedProblem'];

/**
 * What a problem carries besides type, title, status, code and detail: the contract's fields,
 * typed as it types them, and extension members (RFC 9457; the Problem schema allows them).
 */
export type ProblemExtra = Pick<Problem, 'parameters' | 'errors'> &
  Partial<Pick<AccessDeniedProblem, 'service' | 'user'>> &
  Record<string, unknown>;

/** Problem documents (RFC 9457): the error every handler throws and how it is answered. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: ProblemExtra = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

/** The problem document (typed by the contract's Problem schema) as its answer. */
export function problemResponse(p: ProblemError): Response {
  const body: Problem & ProblemExtra = {
    type: `https://docs.nimbus.example/problems/${p.code.replace(/_/g, '-')}`,
    title: p.title,
    status: p.status,
    code: p.code,
    ...(p.detail ? { detail: p.detail } : {}),
    ...p.extra,
  };
  return HttpResponse.json(body, {
    status: p.status,
    headers: { 'Content-Type': 'application/problem+json', ...p.headers },
  });
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

/**
 * Wrap a resolver so a thrown ProblemError becomes its problem document. Its status is the
 * error's, known only when it is thrown, so the answer cannot go through the typed
 * `response(status)` of the operation: the document is typed by the contract's Problem schema
 * in problemResponse instead, and handed over as `untyped`.
 */
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
