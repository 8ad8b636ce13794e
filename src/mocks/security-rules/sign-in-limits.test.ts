// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clock, db } from '../db';
import { ProblemError } from '../problems';
import {
  checkSignInAllowed,
  CLIENT_WINDOW_MS,
  MAX_WAIT_MS,
  recordSignInFailure,
  recordSignInSuccess,
  waitAfter,
} from '../sign-in-limits';

function refusal(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
const fail = (times: number, email = 'mia@example.com', client = 'c1') => {
  for (let i = 0; i < times; i++) recordSignInFailure(email, client);
};

describe('waitAfter', () => {
  it('is free for 5 failures, then 1 s doubling, at most 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 10].map(waitAfter)).toEqual([0, 0, 1000, 2000, 4000, 32_000]);
    expect(waitAfter(15)).toBe(MAX_WAIT_MS);
    expect(waitAfter(99)).toBe(MAX_WAIT_MS);
    expect(waitAfter(1000)).toBe(MAX_WAIT_MS);
  });
});

describe('per address', () => {
  it('counts by address in any case and spacing; a wait starts at the fifth failure', () => {
    fail(4, ' MIA@Example.com ');
    expect(db.signInFailures.get('mia@example.com')).toEqual({ failures: 4, lockedUntil: 0 });
    expect(() => checkSignInAllowed('mia@example.com', 'c2')).not.toThrow();
    fail(1);
    expect(db.signInFailures.get('mia@example.com')).toEqual({
      failures: 5,
      lockedUntil: clock.now() + 1000,
    });
    const p = refusal(() => checkSignInAllowed('Mia@example.com', 'c2'));
    expect(p).toMatchObject({
      status: 429,
      code: 'sign_in_rate_limited',
      detail: 'Too many wrong passwords. Wait before trying again.',
    });
    expect(p.headers['Retry-After']).toBe('1');
    clock.advance(999);
    expect(() => checkSignInAllowed('mia@example.com', 'c2')).toThrow(ProblemError);
    clock.advance(1);
    expect(() => checkSignInAllowed('mia@example.com', 'c2')).not.toThrow();
  });

  it('locks password sign-in at 100 failures in a row (403), not before', () => {
    db.signInFailures.set('mia@example.com', { failures: 99, lockedUntil: 0 });
    expect(() => checkSignInAllowed('mia@example.com', 'c9')).not.toThrow();
    db.signInFailures.set('mia@example.com', { failures: 100, lockedUntil: 0 });
    const p = refusal(() => checkSignInAllowed('mia@example.com', 'c9'));
    expect(p).toMatchObject({ status: 403, code: 'sign_in_locked', title: 'Sign-in locked' });
    expect(p.detail).toContain('After 100 wrong passwords in a row');
  });

  it('a right password ends the count', () => {
    fail(7);
    recordSignInSuccess(' MIA@example.com');
    expect(db.signInFailures.has('mia@example.com')).toBe(false);
    expect(() => checkSignInAllowed('mia@example.com', 'c3')).not.toThrow();
  });
});

describe('per client', () => {
  it('30 failures in 10 minutes from one client wait until the oldest leaves the window', () => {
    for (let i = 0; i < 29; i++) recordSignInFailure(`user${i}@example.com`, 'c1');
    expect(() => checkSignInAllowed('new@example.com', 'c1')).not.toThrow();
    const first = clock.now();
    clock.advance(1000);
    recordSignInFailure('user29@example.com', 'c1');
    const p = refusal(() => checkSignInAllowed('new@example.com', 'c1'));
    expect(p).toMatchObject({
      status: 429,
      code: 'sign_in_rate_limited',
      detail: 'Too many failed sign-ins from this client. Try again later.',
    });
    expect(p.headers['Retry-After']).toBe(String((first + CLIENT_WINDOW_MS - clock.now()) / 1000));
    expect(() => checkSignInAllowed('new@example.com', 'c2')).not.toThrow();
    clock.advance(CLIENT_WINDOW_MS - 1001);
    expect(() => checkSignInAllowed('new@example.com', 'c1')).toThrow(ProblemError);
    clock.advance(1);
    expect(() => checkSignInAllowed('new@example.com', 'c1')).not.toThrow();
    // The window forgets old failures when it records new ones.
    recordSignInFailure('user30@example.com', 'c1');
    expect(db.clientSignInFailures.get('c1')).toHaveLength(2);
  });

  it('tracks at most 10,000 addresses and clients, dropping the least recent', () => {
    for (let i = 0; i < 10_001; i++) recordSignInFailure(`u${i}@example.com`, `client-${i}`);
    expect(db.signInFailures.size).toBe(10_000);
    expect(db.clientSignInFailures.size).toBe(10_000);
    expect(db.signInFailures.has('u0@example.com')).toBe(false);
    expect(db.signInFailures.has('u10000@example.com')).toBe(true);
    expect(db.clientSignInFailures.has('client-0')).toBe(false);
    // A failure moves an address to the most recent end.
    recordSignInFailure('u1@example.com', 'client-1');
    recordSignInFailure('x@example.com', 'client-x');
    expect(db.signInFailures.has('u1@example.com')).toBe(true);
    expect(db.signInFailures.has('u2@example.com')).toBe(false);
  });
});
