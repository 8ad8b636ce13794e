import { parameters } from '@/api/contract-values';
import { clock, db, type IdempotencyRecord } from './db';
import { ProblemError, problemResponse } from './problems';
import { sha256Hex } from './sha256';

const TTL_MS = 24 * 3_600_000;
/** The contract's Idempotency-Key: this many printable ASCII characters. */
const KEY = parameters.IdempotencyKey.schema;
const KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{${KEY.minLength},${KEY.maxLength}}$`);
/** Marks a remembered answer whose body was not kept because it held secrets. */
const REDACTED = 'x-mock-redacted';

export interface IdempotencyOptions {
  /**
   * The answer carries secrets or codes that are shown once (TOTP secret, recovery codes).
   * Its body is then not kept: the store is persisted, and a secret must never be returned
   * twice. A replay of such a request answers 409 instead of the first answer.
   */
  secret?: boolean;
}

/**
 * Run a state-changing request at most once per `Idempotency-Key` (PRODUCT §4): the same key
 * and body replays the first answer, the same key with another body is 422. Without the header
 * the request simply runs. ProblemErrors thrown by `run` are answered (and remembered) here.
 *
 * `run` answers with a body typed by the contract (`response(201).json(…)` in a handler), and
 * its type is what this returns. The other answers given here are a replay of the bytes of such
 * an answer and problem documents (typed as the contract's Problem in ./problems), so they are
 * given that type too: see `asAnswer`.
 */
export async function idempotent<R extends Response>(
  request: Request,
  actorId: string,
  body: unknown,
  run: () => Promise<R> | R,
  options: IdempotencyOptions = {},
): Promise<R> {
  return asAnswer<R>(await idempotentAnswer(request, actorId, body, run, options));
}

/** The one place where a replay or a problem document is given the type of `run`'s answer. */
const asAnswer = <R extends Response>(response: Response) => response as R;

async function idempotentAnswer(
  request: Request,
  actorId: string,
  body: unknown,
  run: () => Promise<Response> | Response,
  options: IdempotencyOptions,
): Promise<Response> {
  const key = request.headers.get('Idempotency-Key');
  if (key === null) return answer(run);
  if (!KEY_PATTERN.test(key)) {
    return problemResponse(
      new ProblemError(
        400,
        'invalid_idempotency_key',
        'Invalid request',
        `Idempotency-Key must be ${KEY.minLength} to ${KEY.maxLength} printable characters.`,
        { parameters: { parameter: 'Idempotency-Key' } },
      ),
    );
  }
  const { pathname } = new URL(request.url);
  const storeKey = `${actorId} ${request.method} ${pathname} ${key}`;
  const fingerprint = sha256Hex(canonicalJson(body ?? null));
  // A double submit arrives while the first is still running: wait for it, then replay it.
  const running = inFlight.get(storeKey);
  if (running) await running.catch(() => undefined);
  const now = clock.now();
  const previous = db.idempotency.get(storeKey);
  if (previous && now - previous.at < TTL_MS) return replay(previous, fingerprint);

  const pending = remember(storeKey, actorId, fingerprint, now, run, options);
  inFlight.set(storeKey, pending);
  try {
    return await pending;
  } finally {
    if (inFlight.get(storeKey) === pending) inFlight.delete(storeKey);
  }
}

const inFlight = new Map<string, Promise<Response>>();

/** JSON with every object's keys sorted: the same value in another key order is the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function remember(
  storeKey: string,
  actorId: string,
  fingerprint: string,
  now: number,
  run: () => Promise<Response> | Response,
  options: IdempotencyOptions,
): Promise<Response> {
  const response = await answer(run);
  // Server faults and rate limits are not remembered: the request did not run, so a retry
  // with the same key must be able to run it later.
  if (response.status < 500 && response.status !== 429) {
    const kept = !options.secret || response.status >= 300;
    db.idempotency.set(storeKey, {
      key: storeKey,
      actorId,
      fingerprint,
      status: response.status,
      body: kept ? await response.clone().text() : '',
      headers: kept ? [...response.headers.entries()] : [[REDACTED, '1']],
      at: now,
    });
  }
  return response;
}

async function answer(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProblemError) return problemResponse(error);
    throw error;
  }
}

function replay(record: IdempotencyRecord, fingerprint: string): Response {
  if (record.fingerprint !== fingerprint) {
    return problemResponse(
      new ProblemError(
        422,
        'idempotency_key_reused',
        'Idempotency-Key reused',
        'This Idempotency-Key was already used with a different request body.',
      ),
    );
  }
  if (record.headers.some(([name]) => name === REDACTED)) {
    return problemResponse(
      new ProblemError(
        409,
        'already_processed',
        'Already done',
        'This request was already completed. Its answer held codes that are shown only once.',
      ),
    );
  }
  const headers = new Headers(record.headers);
  headers.set('Idempotent-Replayed', 'true');
  return new Response(record.status === 204 ? null : record.body, {
    status: record.status,
    headers,
  });
}
