import { http as rawHttp, HttpResponse } from 'msw';
import { clock, db, type MockConfig } from './db';
import { liveCodes, outbox, resetDemoData, updateConfig } from './control';
import { deployment } from './deployment';
import { badRequest, notFound, ProblemError, problemResponse } from './problems';
import { readJson } from './body';
import { trimOutbox } from './outbox';

const MAX_TIME = 8.64e15; // the largest time a Date can hold

function numberField(body: Record<string, unknown>, field: string, min: number, max: number) {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw badRequest(
      `"${field}" must be a number from ${min} to ${max}.`,
      field,
      'invalid_parameter',
    );
  return value;
}

function onlyFields(body: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown) throw badRequest(`Unknown field "${unknown}".`, unknown, 'unknown_field');
}

async function readClock(request: Request) {
  const body = await readJson(request);
  onlyFields(body, ['set', 'advance', 'real']);
  if (body.real !== undefined && typeof body.real !== 'boolean')
    throw badRequest('"real" must be true or false.', 'real', 'invalid_parameter');
  return {
    real: body.real === true,
    set: numberField(body, 'set', 0, MAX_TIME),
    advance: numberField(body, 'advance', -MAX_TIME, MAX_TIME),
  };
}

/** `{ "now": ms }` (optional): the seeded world dated from a frozen clock, for screenshots. */
async function readReset(request: Request): Promise<number | undefined> {
  if (!(await request.clone().text()).trim()) return undefined;
  const body = await readJson(request);
  onlyFields(body, ['now']);
  return numberField(body, 'now', 0, MAX_TIME);
}

async function readConfig(request: Request): Promise<Partial<MockConfig>> {
  const body = await readJson(request);
  onlyFields(body, ['latencyMs', 'failureRate', 'jobRatePerSecond', 'initechSize']);
  return {
    latencyMs: numberField(body, 'latencyMs', 0, 10_000),
    failureRate: numberField(body, 'failureRate', 0, 1),
    jobRatePerSecond: numberField(body, 'jobRatePerSecond', 1, 1e9),
    initechSize: numberField(body, 'initechSize', 1, 1_000_000),
  };
}

type Resolver = (request: Request) => Response | Promise<Response>;

/**
 * Mock-only controls for end-to-end runs and benchmarks, never part of the real API: answered
 * only in demo mode (the in-browser mock always; the HTTP server with MOCK_DEMO=1), else 404 like
 * any unknown address. Live codes and the outbox must never be reachable on a shared server.
 */
function control(resolver: Resolver) {
  return async ({ request }: { request: Request }): Promise<Response> => {
    try {
      if (!deployment.demo)
        throw notFound('Dev controls (/__mock/*) answer only when the mock runs in demo mode.');
      return await resolver(request);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error);
      throw error;
    }
  };
}

export const mockControls = [
  // Every API request keeps the outbox bounded too, whoever wrote into it.
  rawHttp.all('*/api/*', () => {
    trimOutbox();
    return undefined;
  }),
  rawHttp.post(
    '*/__mock/reset',
    control(async (request) => {
      resetDemoData(await readReset(request));
      return HttpResponse.json({ ok: true, now: clock.now() });
    }),
  ),
  rawHttp.post(
    '*/__mock/config',
    control(async (request) => HttpResponse.json(updateConfig(await readConfig(request)))),
  ),
  rawHttp.post(
    '*/__mock/clock',
    control(async (request) => {
      const { real, set, advance } = await readClock(request);
      if (real) clock.useRealTime();
      if (set !== undefined) clock.set(set);
      if (advance !== undefined) clock.advance(advance);
      return HttpResponse.json({ now: clock.now() });
    }),
  ),
  rawHttp.get(
    '*/__mock/outbox',
    // `items`: the last e-mails (bounded); `delivered`: how many of each kind were ever sent.
    control(() => HttpResponse.json({ items: outbox(), delivered: db.mailCounts })),
  ),
  rawHttp.get(
    '*/__mock/codes',
    control(() => HttpResponse.json({ items: liveCodes() })),
  ),
  rawHttp.get(
    '*/__mock/state',
    control(() => HttpResponse.json({ sessions: db.sessions.size, outbox: db.outbox.length })),
  ),
  rawHttp.all(
    '*/__mock/*',
    control((request) => {
      throw notFound(`There is no dev control ${new URL(request.url).pathname}.`);
    }),
  ),
];
