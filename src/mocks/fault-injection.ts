import { delay, http as rawHttp } from 'msw';
import { config } from './db';
import { shouldFail } from './control';
import { problemResponse, ProblemError } from './problems';

/** Dev tools' latency and failure rate (./control), applied before any API route answers. */
export const faultInjection = rawHttp.all('*/api/*', async ({ request }) => {
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
