import { delay, getResponse, http as rawHttp } from 'msw';
import { config } from './db';
import { shouldFail } from './control';
import { mockControls } from './mock-controls';
import { authHandlers } from './handlers/auth';
import { meHandlers } from './handlers/me';
import { orgHandlers } from './handlers/orgs';
import { enrollmentHandlers } from './handlers/enrollment';
import { enforcementHandlers } from './handlers/enforcement';
import { memberHandlers } from './handlers/members';
import { reminderHandlers } from './handlers/reminders';
import { notFound, problemResponse, ProblemError } from './http';
import { requestGuards } from './request-guards';

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

/** `HEAD` on any GET endpoint: the GET's status and headers without its body (RFC 9110 §9.3.2). */
const head = rawHttp.head('*/api/*', async ({ request }) => {
  const get = new Request(request.url, { method: 'GET', headers: request.headers });
  const response = await getResponse(handlers, get);
  if (!response) return undefined;
  await response.body?.cancel();
  return new Response(null, { status: response.status, headers: response.headers });
});

const unknownRoute = rawHttp.all('*/api/*', ({ request }) =>
  problemResponse(
    notFound(`There is no API route ${request.method} ${new URL(request.url).pathname}.`),
  ),
);

export const handlers = [
  ...requestGuards,
  faults,
  ...mockControls,
  ...authHandlers,
  ...meHandlers,
  ...enrollmentHandlers,
  ...orgHandlers,
  ...enforcementHandlers,
  ...memberHandlers,
  ...reminderHandlers,
  head,
  unknownRoute,
];
