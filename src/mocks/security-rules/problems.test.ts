// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clock } from '../db';
import {
  badRequest,
  guard,
  notFound,
  problemResponse,
  ProblemError,
  tooManyRequests,
} from '../problems';

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

  it('as an Error, its message is the detail, or the title when there is none', () => {
    expect(new ProblemError(404, 'not_found', 'Not found', 'No such job.').message).toBe(
      'No such job.',
    );
    expect(new ProblemError(404, 'not_found', 'Not found').message).toBe('Not found');
  });

  it('badRequest and notFound: their titles, default code and detail', () => {
    expect(badRequest('Bad.')).toMatchObject({
      status: 400,
      code: 'invalid_request',
      title: 'Invalid request',
      detail: 'Bad.',
      extra: {},
    });
    expect(badRequest('Bad.', 'page', 'invalid_parameter')).toMatchObject({
      code: 'invalid_parameter',
      extra: { parameters: { parameter: 'page' } },
    });
    expect(notFound()).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'There is nothing here.',
    });
    expect(notFound('No such job.').detail).toBe('No such job.');
  });

  it('429: Retry-After in whole seconds (rounded up, at least 1) and retryAt', () => {
    const p = tooManyRequests('rate_limited', 'Slow down.', clock.now() + 1500);
    expect(p).toMatchObject({
      status: 429,
      code: 'rate_limited',
      title: 'Too many requests',
      detail: 'Slow down.',
    });
    expect(p.headers).toEqual({ 'Retry-After': '2' });
    expect(p.extra).toEqual({
      parameters: { retryAt: new Date(clock.now() + 1500).toISOString(), retryAfterSeconds: 2 },
    });
    expect(tooManyRequests('x', 'y', clock.now() - 5000).headers['Retry-After']).toBe('1');
    expect(tooManyRequests('x', 'y', clock.now() + 60_000).headers['Retry-After']).toBe('60');
  });

  it('guard answers a ProblemError as its document and lets any other error through', async () => {
    type Info = { response: { untyped: (r: Response) => Response } };
    const info: Info = { response: { untyped: (r) => r } };
    const refused = await guard<Info, Response>(() => {
      throw notFound();
    })(info);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'not_found' });
    const ok = new Response('fine');
    expect(await guard(() => ok)(info)).toBe(ok);
    await expect(
      guard<Info, Response>(() => {
        throw new TypeError('boom');
      })(info),
    ).rejects.toThrow(new TypeError('boom'));
  });
});
