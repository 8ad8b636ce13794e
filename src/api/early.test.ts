import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_GLOBAL, takeEarlyAnswer } from './early';

afterEach(() => {
  delete window[EARLY_GLOBAL];
  vi.restoreAllMocks();
});

describe('takeEarlyAnswer', () => {
  it('hands a GET the answer started for its address once, whatever the order of its parameters', async () => {
    const answer = Promise.resolve(new Response('{}'));
    window[EARLY_GLOBAL] = { 'http://localhost:3000/api/x?a=1&b=2': answer };
    expect(takeEarlyAnswer(new Request('http://localhost:3000/api/x?b=2&a=1'))).toBe(answer);
    expect(takeEarlyAnswer(new Request('http://localhost:3000/api/x?a=1&b=2'))).toBeUndefined();
  });

  it('never answers another method or another address', () => {
    const answer = Promise.resolve(new Response('{}'));
    window[EARLY_GLOBAL] = { 'http://localhost:3000/api/x': answer };
    expect(
      takeEarlyAnswer(new Request('http://localhost:3000/api/x', { method: 'POST' })),
    ).toBeUndefined();
    expect(takeEarlyAnswer(new Request('http://localhost:3000/api/x?page=2'))).toBeUndefined();
    expect(takeEarlyAnswer(new Request('http://localhost:3000/api/x'))).toBe(answer);
  });

  it('drops answers that were not adopted while the first page started', () => {
    window[EARLY_GLOBAL] = { 'http://localhost:3000/api/x': Promise.resolve(new Response('{}')) };
    vi.spyOn(performance, 'now').mockReturnValue(60_000);
    expect(takeEarlyAnswer(new Request('http://localhost:3000/api/x'))).toBeUndefined();
    expect(window[EARLY_GLOBAL]).toBeUndefined();
  });
});
