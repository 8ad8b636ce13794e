import { describe, expect, it } from 'vitest';
import { isStepUpRecent, STEP_UP_MAX_AGE_MS, withinStepUpWindow } from './step-up';

const SERVER = Date.UTC(2026, 10, 30, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
/** A session answer the server gave at SERVER, its MFA `age` old then. */
const answer = (age: number | null) => ({
  mfaAt: age === null ? null : iso(SERVER - age),
  serverTime: iso(SERVER),
});
const MIN = 60_000;

describe('the step-up window', () => {
  it('is 10 minutes, the end included', () => {
    expect(STEP_UP_MAX_AGE_MS).toBe(10 * MIN);
    expect(withinStepUpWindow(10 * MIN)).toBe(true);
    expect(withinStepUpWindow(10 * MIN + 1)).toBe(false);
  });

  it('counts MFA proved 9:59 ago as recent and 10:01 ago as not (answer just arrived)', () => {
    const here = 5_000; // this device's clock, whatever it reads
    expect(isStepUpRecent(answer(9 * MIN + 59_000), here, here)).toBe(true);
    expect(isStepUpRecent(answer(10 * MIN + 1000), here, here)).toBe(false);
  });

  it('adds the time elapsed here since the answer arrived', () => {
    const receivedAt = SERVER;
    expect(isStepUpRecent(answer(9 * MIN), receivedAt, receivedAt + 59_000)).toBe(true);
    expect(isStepUpRecent(answer(9 * MIN), receivedAt, receivedAt + 61_000)).toBe(false);
  });

  it('ignores how far this device’s clock is from the server’s', () => {
    for (const skew of [-6 * 3_600_000, 0, 6 * 3_600_000]) {
      const receivedAt = SERVER + skew;
      expect(isStepUpRecent(answer(9 * MIN), receivedAt, receivedAt + 59_000)).toBe(true);
      expect(isStepUpRecent(answer(9 * MIN), receivedAt, receivedAt + 61_000)).toBe(false);
    }
  });

  it('does not count a clock set back here as time gained', () => {
    expect(isStepUpRecent(answer(10 * MIN + 1000), SERVER, SERVER - 5 * MIN)).toBe(false);
  });

  it('is never recent without MFA in the session, or with a date it cannot read', () => {
    expect(isStepUpRecent(answer(null), SERVER, SERVER)).toBe(false);
    expect(isStepUpRecent({ mfaAt: 'soon', serverTime: iso(SERVER) }, SERVER, SERVER)).toBe(false);
  });
});
