import { describe, expect, it } from 'vitest';
import { call } from '../../tests/api';
import { clock } from './db';
import {
  ACCOUNT_FAILURE_LIMIT,
  CLIENT_FAILURE_LIMIT,
  FREE_FAILURES,
  waitAfter,
} from './sign-in-limits';

const signIn = (email: string, password: string) =>
  call('POST', '/auth/sign-in', { email, password });

/** Fail `n` times for `email`, waiting out each wait, and return the statuses answered. */
async function failTimes(email: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await signIn(email, `wrong-${i}`);
    statuses.push(res.status);
    clock.advance(waitAfter(i + 1));
  }
  return statuses;
}

describe('password guessing limits (issue 12 finding 1)', () => {
  it('answers 429 with Retry-After after 5 wrong passwords, with waits that grow, and checks no password while a wait runs', async () => {
    for (let i = 0; i < FREE_FAILURES; i++)
      expect((await signIn('adam@example.com', 'wrong')).status).toBe(401);
    const limited = await signIn('adam@example.com', 'nimbus-demo');
    expect(limited.json).toMatchObject({ status: 429, code: 'sign_in_rate_limited' });
    expect(limited.headers.get('Retry-After')).toBe('1');
    clock.advance(1000);
    expect((await signIn('adam@example.com', 'wrong')).status).toBe(401);
    expect((await signIn('adam@example.com', 'wrong')).headers.get('Retry-After')).toBe('2');
    clock.advance(2000);
    expect((await signIn('adam@example.com', 'wrong')).status).toBe(401);
    expect((await signIn('adam@example.com', 'nimbus-demo')).headers.get('Retry-After')).toBe('4');
    clock.advance(4000);
    // The right password after the wait signs in and ends the count.
    expect((await signIn('adam@example.com', 'nimbus-demo')).status).toBe(200);
    expect((await signIn('adam@example.com', 'wrong')).status).toBe(401);
    expect((await signIn('adam@example.com', 'nimbus-demo')).status).toBe(200);
  });

  it('caps the wait at 15 minutes and stops password sign-in after 100 consecutive failures', async () => {
    const statuses = await failTimes('adam@example.com', ACCOUNT_FAILURE_LIMIT);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(waitAfter(40)).toBe(15 * 60_000);
    clock.advance(24 * 3_600_000);
    const locked = await signIn('adam@example.com', 'nimbus-demo');
    expect(locked.json).toMatchObject({ status: 403, code: 'sign_in_locked' });
  });

  it('answers an unknown address exactly like a known one, attempt by attempt', async () => {
    const answers = async (email: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < FREE_FAILURES + 3; i++) {
        const res = await signIn(email, 'wrong');
        // Everything but the absolute time of the end of a wait (the two runs start apart).
        const body = JSON.stringify(res.json).replace(/"retryAt":"[^"]*"/, '');
        out.push([res.status, res.headers.get('Retry-After'), body]);
        if (res.status === 429) clock.advance(Number(res.headers.get('Retry-After')) * 1000);
      }
      return out;
    };
    const known = await answers('mia@example.com');
    const unknown = await answers('nobody@example.com');
    expect(unknown).toEqual(known);
    expect(known.some((a) => (a as number[])[0] === 429)).toBe(true);
  });

  it('limits failures per client across many addresses', async () => {
    for (let i = 0; i < CLIENT_FAILURE_LIMIT; i++)
      expect((await signIn(`guess${i}@example.com`, 'wrong')).status).toBe(401);
    const limited = await signIn('adam@example.com', 'nimbus-demo');
    expect(limited.json).toMatchObject({ status: 429, code: 'sign_in_rate_limited' });
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    clock.advance(10 * 60_000);
    expect((await signIn('adam@example.com', 'nimbus-demo')).status).toBe(200);
  });
});
