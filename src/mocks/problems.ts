import { HttpResponse } from 'msw';
import { clock } from './db';

/** Problem documents (RFC 9457): the error every handler throws and how it is answered. */
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
