import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
export type AccessDeniedProblem = components['schemas']['AccessDeniedProblem'];

/** Every failed API call becomes one of these, carrying the server's problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get code(): string {
    return this.problem.code;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export function isAccessDenied(
  error: unknown,
): error is ApiError & { problem: AccessDeniedProblem } {
  return isApiError(error, 'additional_authentication_required');
}

/** A message a person can act on, for any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  return 'Something went wrong. Check your connection and try again.';
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'network_error',
    detail: 'The server could not be reached. Check your connection and try again.',
  });
  error.cause = cause;
  return error;
}
