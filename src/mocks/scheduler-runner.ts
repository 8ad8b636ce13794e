import { http as rawHttp } from 'msw';
import { clock, db } from './db';
import { createScheduler, type Scheduler, type TickReport } from './scheduler';

/**
 * When the rollout scheduler runs: the one the mock uses (replaceable), ticked on a timer and
 * before every API request.
 */

/** The scheduler the mock's requests tick (the browser gives it claims shared across tabs). */
export const scheduler: { current: Scheduler } = { current: createScheduler({ id: 'sch_main' }) };

export function setScheduler(next: Scheduler): void {
  scheduler.current = next;
}

/**
 * Ticks the scheduler on a timer (the browser's mock and the HTTP server), so waves go and the
 * deadline is recorded even when nobody makes a request. Returns `stop`.
 */
export function startSchedulerTimer(
  onChange: (report: TickReport) => void = () => {},
  intervalMs = 1_000,
): () => void {
  let running = false;
  const handle = setInterval(() => {
    if (running) return;
    running = true;
    void scheduler.current
      .tick()
      .then((report) => {
        if (report.started.length + report.missed + report.tookEffect.length > 0) onChange(report);
      })
      .finally(() => (running = false));
  }, intervalMs);
  (handle as { unref?: () => void }).unref?.();
  return () => clearInterval(handle);
}

/** Whether a tick would have anything to do now (a cheap check before every request). */
export function anythingDue(now = clock.now()): boolean {
  for (const org of db.orgs.values()) {
    const s = org.mfaSchedule;
    if (!s || s.status !== 'scheduled') continue;
    if (org.mfaRequired || now >= s.requiredFrom) return true;
    if (s.waves.some((w) => w.status === 'planned' && w.at <= now)) return true;
  }
  return false;
}

/** Every API request first lets the rollout scheduler catch up with the mock clock. */
export const schedulerTick = rawHttp.all('*/api/*', () =>
  anythingDue() ? scheduler.current.tick().then(() => undefined) : undefined,
);
