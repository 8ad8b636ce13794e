import { db } from './db';
import { advanceJob } from './reminder-jobs';

/** How often the pump advances running jobs: at 5,000 a second, 250 recipients a step. */
export const PUMP_INTERVAL_MS = 50;

/** The timer the pump runs on; tests pass their own and step it by hand. */
export interface PumpTimer {
  setInterval(step: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface PumpStep {
  /** Recipients processed in this step, over every job. */
  processed: number;
  /** Jobs that finished in this step. */
  finished: string[];
}

/**
 * One step of the pump: every running job is advanced to the mock clock's now, exactly as a read
 * of it would (same pace, same send times), so whether the pump or a read got there first never
 * changes what is sent or when.
 */
export function pumpJobs(fallbackOrigin = ''): PumpStep {
  const step: PumpStep = { processed: 0, finished: [] };
  for (const job of db.jobs.values()) {
    if (job.status !== 'running') continue;
    step.processed += advanceJob(job, fallbackOrigin);
    if (job.status !== 'running') step.finished.push(job.id);
  }
  return step;
}

/**
 * Keeps reminder jobs moving in the background (the browser's mock and the HTTP mock server), in
 * small steps on a timer, instead of in the request that happens to read a job: a poll then only
 * reads, and e-mails go out at the job's pace whether anyone watches or not. Unit tests do not
 * start it; there jobs advance when read, with the clock the test sets.
 * Returns `stop`.
 */
export function startJobPump({
  timer = globalThis as PumpTimer,
  intervalMs = PUMP_INTERVAL_MS,
  fallbackOrigin = globalThis.location?.origin ?? '',
  onStep,
}: {
  timer?: PumpTimer;
  intervalMs?: number;
  /** The e-mails' link for jobs saved before they kept their own origin. */
  fallbackOrigin?: string;
  /** Called after a step that did something (the browser saves its state when a job finishes). */
  onStep?: (step: PumpStep) => void;
} = {}): () => void {
  const run = () => {
    const step = pumpJobs(fallbackOrigin);
    if (onStep && (step.processed > 0 || step.finished.length > 0)) onStep(step);
  };
  const handle = timer.setInterval(run, intervalMs);
  // In Node, the pump alone must not keep the process alive.
  (handle as { unref?: () => void } | null)?.unref?.();
  return () => timer.clearInterval(handle);
}
