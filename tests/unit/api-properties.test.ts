// @vitest-environment node
import fc from 'fast-check';
import { getResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { handlers } from '@/mocks/routes';
import { clock, db } from '@/mocks/db';
import { resetDemoData } from '@/mocks/control';
import { OpenApiValidator } from '../contract/openapi-validator';
import { signInAs } from '../api';
import { TEST_NOW } from '../setup';

/**
 * Property-based: arbitrary bodies, query strings and headers, sent by anyone (no session or one
 * of the four roles) to every operation of the contract, through the same handlers as the app.
 * Whatever arrives: never a 5xx; a 4xx is always a problem document; a refused request changes
 * nothing (the db before and after are equal, but for the counters of refused attempts that the
 * rules themselves keep: see VOLATILE).
 */
const RUNS_PER_OPERATION = 100;
const SEED = 20261130;
const validator = new OpenApiValidator('src/api/openapi.yaml');

/**
 * State a refusal may change on purpose: wrong codes count toward the lock (mfaLock, an
 * enrollment's failures; a locked enrollment loses its secret), refused answers are remembered
 * under their Idempotency-Key (idempotency), and rate limits count attempts.
 */
const VOLATILE = new Set([
  'mfaLock',
  'failures',
  'idempotency',
  'reminderSends',
  'signInFailures',
  'clientSignInFailures',
]);

function snapshot(): string {
  return JSON.stringify(
    db,
    (key, value: unknown) => {
      if (VOLATILE.has(key)) return undefined;
      if (key === 'secret' && value === '') return undefined;
      if (value instanceof Map) return Object.fromEntries(value);
      return value;
    },
    0,
  );
}

/** Statuses seen, printed with PROPERTY_STATS=1 (to see how deep the inputs get). */
const tally = new Map<number, number>();
afterAll(() => {
  if (process.env.PROPERTY_STATS) console.log([...tally].sort((a, b) => a[0] - b[0]));
});

const ROLES = [null, 'olivia', 'adam', 'mia', 'gus'] as const;
const PARAM_NAMES = [
  'page',
  'perPage',
  'sort',
  'q',
  'mfa',
  'role',
  'status',
  'userIds',
  'filter',
  'code',
  'recoveryCode',
  'challengeId',
  'email',
  'password',
  'mfaRequired',
];
const printable = fc.string({ unit: 'binary', maxLength: 40 }).map((s) =>
  // Header values: Latin-1 without control characters (fetch refuses anything else).
  s.replace(/[^\x20-\x7e]/g, '').trim(),
);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '1', '0', '-1', '10', '25', '100', 'abc', '123456', 'name', '-name'),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...PARAM_NAMES), text, { maxKeys: 3 }),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 8 })), value, {
    maxKeys: 4,
  }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
);
const query = fc.dictionary(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string()), text, {
  maxKeys: 4,
});
const headers = fc.record(
  {
    'Idempotency-Key': fc.oneof(printable, fc.constant('contract-key-0001')),
    'If-Match': fc.oneof(printable, fc.constantFrom('*', '"v1"', 'W/"v1"')),
    // Mostly JSON, so most bodies get past the media-type check to the handlers.
    'Content-Type': fc.oneof(
      { weight: 4, arbitrary: fc.constant('application/json') },
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/problem+json',
      ),
    ),
    'X-Anything': printable,
  },
  { requiredKeys: ['Content-Type'] },
);
const slug = fc.oneof(
  { weight: 4, arbitrary: fc.constant('acme') },
  fc.constantFrom('globex', 'nope', 'ACME', 'a'.repeat(70)),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const id = fc.oneof(fc.constantFrom('job_1', 'enr_1', 'acme', 'x'), fc.string({ minLength: 1 }));

type Role = (typeof ROLES)[number];
const sessions = new Map<Role, string | null>();

/** A fresh demo world with one session per role (a reset costs more than a request). */
async function freshWorld() {
  resetDemoData();
  clock.set(TEST_NOW);
  for (const role of ROLES) {
    db.jar.sessionId = null;
    if (role) await signInAs(role);
    sessions.set(role, db.jar.sessionId);
  }
}

describe.each(validator.routes.map((r) => [r.operation.operationId, r] as const))(
  '%s with arbitrary input',
  (_name, route) => {
    it(`never a 5xx, always a problem for 4xx, no change when refused (${RUNS_PER_OPERATION} runs)`, async () => {
      await freshWorld();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROLES),
          slug,
          id,
          query,
          headers,
          body,
          async (role, orgSlug, anyId, search, sent, payload) => {
            db.jar.sessionId = sessions.get(role) ?? null;
            const path = route.template.replace(/\{(\w+)\}/g, (_m, name: string) =>
              encodeURIComponent(name === 'orgSlug' ? orgSlug : anyId),
            );
            const qs = new URLSearchParams(search).toString();
            const before = snapshot();
            const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
            const request = new Request(`http://localhost/api${path}${qs ? `?${qs}` : ''}`, {
              method: route.method,
              headers: sent,
              body:
                hasBody && payload !== undefined
                  ? typeof payload === 'string'
                    ? payload
                    : JSON.stringify(payload)
                  : undefined,
            });
            const response = await getResponse(handlers, request);
            const status = response?.status ?? 0;
            tally.set(status, (tally.get(status) ?? 0) + 1);
            const answer = (await response?.text()) ?? '';
            expect(status).toBeGreaterThanOrEqual(200);
            expect(status).toBeLessThan(500);
            if (status >= 400) {
              expect(response?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
              expect(validator.schemaErrors('Problem', JSON.parse(answer))).toEqual([]);
              expect(snapshot()).toEqual(before);
            } else if (route.method !== 'GET') {
              // It did something: the next run starts from the demo world again.
              await freshWorld();
            }
          },
        ),
        { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
      );
    }, 120_000);
  },
);
