import { clock, config, db, DEFAULT_CONFIG, resetDb, type MockConfig } from './db';
import { seededRandom } from './random';
import { DEMO_ACCOUNTS } from './seed';
import { totpFor } from './totp';

/** Development controls: the dev tools panel calls these directly, e2e runs over /__mock/*. */
let faultRandom = seededRandom(7);

/** The seeded world again; `now` (tests) freezes the clock there first, so the seed is dated from it. */
export function resetDemoData(now?: number): void {
  clock.useRealTime();
  if (now !== undefined) clock.set(now);
  Object.assign(config, DEFAULT_CONFIG);
  resetDb(clock.now());
  faultRandom = seededRandom(7);
}

export function updateConfig(patch: Partial<MockConfig>): MockConfig {
  if (patch.latencyMs !== undefined)
    config.latencyMs = Math.max(0, Math.min(10_000, patch.latencyMs));
  if (patch.failureRate !== undefined)
    config.failureRate = Math.max(0, Math.min(1, patch.failureRate));
  if (patch.jobRatePerSecond !== undefined)
    config.jobRatePerSecond = Math.max(1, patch.jobRatePerSecond);
  if (patch.initechSize !== undefined)
    config.initechSize = Math.max(1, Math.floor(patch.initechSize));
  return { ...config };
}

/** Deterministic fault injection: the same seed fails the same requests. */
export function shouldFail(): boolean {
  return config.failureRate > 0 && faultRandom() < config.failureRate;
}

export interface LiveCode {
  name: string;
  email: string;
  code: string;
  secondsLeft: number;
}

/** Current codes of every account with MFA that a person can sign in as (seeded or enrolled). */
export function liveCodes(): LiveCode[] {
  const now = clock.now();
  const out: LiveCode[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = db.users.get(account.id);
    if (!user?.mfa?.secret) continue;
    out.push({
      name: account.name,
      email: account.email,
      code: totpFor(user.mfa.secret).generate({ timestamp: now }),
      secondsLeft: 30 - (Math.floor(now / 1000) % 30),
    });
  }
  return out;
}

export function outbox() {
  return db.outbox;
}
