import { http as rawHttp } from 'msw';
import { limits } from '@/api/contract-values';
import { deployment } from './deployment';
import { ProblemError, problemResponse } from './problems';

/**
 * Checks every request to the mock API (and its dev controls) passes before any route handler, in
 * the browser mock, the Node tests and the HTTP server alike. Being one layer, they also cover
 * routes added later. Each returns a problem, or nothing to let the request through.
 */

/** The largest request body read: a reminder to 10,000 people by id is about 200 kB. */
export const MAX_BODY_BYTES = limits.requestBodyMaxBytes;

export const payloadTooLarge = () =>
  new ProblemError(
    413,
    'payload_too_large',
    'Request too large',
    `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    { parameters: { parameter: 'body', maxBytes: MAX_BODY_BYTES } },
  );

async function bodyTooLarge(request: Request): Promise<boolean> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > MAX_BODY_BYTES) return true;
  if (request.body === null) return false;
  // Without a length (chunked, or the browser mock) the body is measured; the HTTP server already
  // stopped reading at the limit, so this never holds more than that in memory there.
  return (await request.clone().arrayBuffer()).byteLength > MAX_BODY_BYTES;
}

/**
 * A body must be declared JSON: a cross-site HTML form can send `text/plain`,
 * `application/x-www-form-urlencoded` or `multipart/form-data` without a CORS preflight, never
 * `application/json`. An empty body needs no type.
 */
async function notJson(request: Request): Promise<boolean> {
  if (request.body === null) return false;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type ?? ''))
    return false;
  return (await request.clone().arrayBuffer()).byteLength > 0;
}

const unsupportedMediaType = () =>
  new ProblemError(
    415,
    'unsupported_media_type',
    'Unsupported media type',
    'Send the request body as JSON with Content-Type: application/json.',
    { parameters: { parameter: 'Content-Type' } },
  );

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Cross-site request forgery: a state-changing request made by a page of another site is refused,
 * whatever route it is for. The browser says where a request comes from in `Sec-Fetch-Site`
 * (every current browser) and `Origin`; neither can be set by the page. The same algorithm as Go's
 * `net/http.CrossOriginProtection`:
 * - `Sec-Fetch-Site: same-origin` or `none` passes; another value passes only when `Origin` is
 *   the Console's configured public URL (a Console on another origin than its API);
 * - without `Sec-Fetch-Site`, an `Origin` must be this server's own (its Host) or the public URL;
 * - a request with neither header is not from a browser (curl, a backend), so it passes: CSRF
 *   needs a victim's browser.
 * These headers only mean something over real HTTP (the HTTP server). In the browser mock a page
 * of another site cannot reach the mock at all, and Node tests send them only to test this.
 */
function crossSite(request: Request): boolean {
  if (SAFE_METHODS.includes(request.method)) return false;
  const origin = request.headers.get('origin');
  const trusted =
    origin !== null &&
    (origin === new URL(deployment.publicUrl).origin || origin === new URL(request.url).origin);
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return !(site === 'same-origin' || site === 'none' || trusted);
  return origin !== null && !trusted;
}

const crossSiteRequest = () =>
  new ProblemError(
    403,
    'cross_site_request',
    'Cross-site request refused',
    'This request came from a page of another site. Use the Console itself.',
    { parameters: { parameter: 'Origin' } },
  );

async function check(request: Request): Promise<Response | undefined> {
  try {
    if (crossSite(request)) throw crossSiteRequest();
    if (await bodyTooLarge(request)) throw payloadTooLarge();
    if (await notJson(request)) throw unsupportedMediaType();
  } catch (error) {
    if (error instanceof ProblemError) return problemResponse(error);
    throw error;
  }
  return undefined;
}

export const requestGuards = [
  rawHttp.all('*/api/*', ({ request }) => check(request)),
  rawHttp.all('*/__mock/*', ({ request }) => check(request)),
];
