import { ProblemError } from '../problems';

/** The ProblemError that `fn` throws (any other error, or none, fails the test). */
export function refusal(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The ProblemError that `promise` rejects with. */
export async function refusalOf(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
