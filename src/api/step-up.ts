/**
 * The contract's step-up window (see `Session.mfaAt` in openapi.yaml), in one place for the
 * server (the mock refuses with `step_up_required`) and the client (which asks for the step-up
 * before a form instead of after it).
 */
export const STEP_UP_MAX_AGE_MS = 10 * 60_000;

/** A step-up this old (or younger) still counts; the server refuses anything older. */
export const withinStepUpWindow = (ageMs: number) => ageMs <= STEP_UP_MAX_AGE_MS;

/**
 * Whether the session's MFA is recent enough, judged on the server's clock: the age is the
 * server's time at its answer minus `mfaAt`, plus the time elapsed here since that answer. Both
 * `receivedAt` and `now` are this device's clock, so its offset from the server's cancels out.
 */
export function isStepUpRecent(
  session: { mfaAt: string | null; serverTime: string },
  receivedAt: number,
  now: number,
): boolean {
  if (session.mfaAt === null) return false;
  const elapsed = Math.max(0, now - receivedAt); // a clock set back here adds nothing
  const age = Date.parse(session.serverTime) - Date.parse(session.mfaAt) + elapsed;
  return Number.isFinite(age) && withinStepUpWindow(age);
}
