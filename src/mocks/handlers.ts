import { delay, http as rawHttp, HttpResponse } from 'msw';
import { clock, config, db } from './db';
import { liveCodes, outbox, resetDemoData, shouldFail, updateConfig } from './control';
import { authHandlers } from './handlers/auth';
import { meHandlers } from './handlers/me';
import { orgHandlers } from './handlers/orgs';
import { enrollmentHandlers } from './handlers/enrollment';
import { enforcementHandlers } from './handlers/enforcement';
import { memberHandlers } from './handlers/members';
import { reminderHandlers } from './handlers/reminders';
import { activityHandlers } from './handlers/activity';
import { mfaResetHandlers } from './handlers/mfa-reset';
import { notFound, problemResponse, ProblemError } from './http';

const faults = rawHttp.all('*/api/*', async ({ request }) => {
  if (config.latencyMs > 0) await delay(config.latencyMs);
  if (shouldFail()) {
    return problemResponse(
      new ProblemError(
        500,
        'injected_failure',
        'Server error',
        `Injected failure (dev tools failure rate) for ${request.method}.`,
      ),
    );
  }
  return undefined;
});

const unknownRoute = rawHttp.all('*/api/*', ({ request }) =>
  problemResponse(
    notFound(`There is no API route ${request.method} ${new URL(request.url).pathname}.`),
  ),
);

/** Mock-only controls for end-to-end runs and benchmarks; never part of the real API. */
const controls = [
  rawHttp.post('*/__mock/reset', () => {
    resetDemoData();
    return HttpResponse.json({ ok: true });
  }),
  rawHttp.post('*/__mock/config', async ({ request }) =>
    HttpResponse.json(updateConfig((await request.json()) as Record<string, number>)),
  ),
  rawHttp.post('*/__mock/clock', async ({ request }) => {
    const body = (await request.json()) as { set?: number; advance?: number; real?: boolean };
    if (body.real) clock.useRealTime();
    if (body.set !== undefined) clock.set(body.set);
    if (body.advance !== undefined) clock.advance(body.advance);
    return HttpResponse.json({ now: clock.now() });
  }),
  rawHttp.get('*/__mock/outbox', () => HttpResponse.json({ items: outbox() })),
  rawHttp.get('*/__mock/codes', () => HttpResponse.json({ items: liveCodes() })),
  rawHttp.get('*/__mock/state', () =>
    HttpResponse.json({ sessions: db.sessions.size, outbox: db.outbox.length }),
  ),
];

export const handlers = [
  faults,
  ...controls,
  ...authHandlers,
  ...meHandlers,
  ...enrollmentHandlers,
  ...orgHandlers,
  ...enforcementHandlers,
  ...memberHandlers,
  ...reminderHandlers,
  ...activityHandlers,
  ...mfaResetHandlers,
  unknownRoute,
];
