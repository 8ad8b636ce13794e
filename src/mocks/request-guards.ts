import { http as rawHttp } from 'msw';
import { ProblemError, problemResponse } from './http';

/**
 * Checks every request to the mock API (and its dev controls) passes before any route handler, in
 * the browser mock, the Node tests and the HTTP server alike. Being one layer, they also cover
 * routes added later. Each returns a problem, or nothing to let the request through.
 */

/** The largest request body read: a reminder to 10,000 people by id is about 200 kB. */
export const MAX_BODY_BYTES = 512 * 1024;

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

async function check(request: Request): Promise<Response | undefined> {
  try {
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
