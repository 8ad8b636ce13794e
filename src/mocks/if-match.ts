import { ProblemError } from './problems';

/**
 * Optimistic concurrency for the organization's settings and its rollout schedule: a change
 * carries the ETag the person last read. A missing header and `*` ("any version") are both refused
 * with 428: either would skip the "changed meanwhile" check. Returns the header's tags.
 */
export function requireIfMatch(request: Request): string[] {
  const tags = (request.headers.get('If-Match') ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length === 0 || tags.includes('*')) {
    throw new ProblemError(
      428,
      'precondition_required',
      'Precondition required',
      'Send the ETag you last read in If-Match (not *), so a change made meanwhile is not overwritten.',
    );
  }
  return tags;
}

/** Strong comparison of the header's tags with the current ETag. */
export const ifMatchHolds = (tags: readonly string[], current: string): boolean =>
  tags.includes(current);
