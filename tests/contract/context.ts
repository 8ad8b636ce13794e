import assert from 'node:assert/strict';
import { TOTP, Secret } from 'otpauth';
import type { OpenApiValidator } from './openapi-validator';

/**
 * What every scenario shares: the server's base URL, the validator that every answer goes
 * through, and the optional test controls of a demo server (`/__mock/reset`, `/__mock/clock`).
 */
export interface ContractContext {
  baseUrl: string;
  validator: OpenApiValidator;
  /** The server has the mock's test controls (reset, clock): time travel and a fresh world. */
  controls: boolean;
  /**
   * The Console's origin, as a browser would send it in `Origin` and sign it into a passkey's
   * client data (`--app-origin`; default: the base URL's own origin).
   */
  appOrigin: string;
  /** Every (operationId status) pair validated, and how many answers. */
  validated: Map<string, number>;
  failures: string[];
}

let context: ContractContext | null = null;
export const setContext = (value: ContractContext) => {
  context = value;
};
export function ctx(): ContractContext {
  if (!context) throw new Error('contract context not set');
  return context;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> & { code?: string };
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send `body` as it is (a string), not as JSON. */
  raw?: boolean;
}

/** One person at the keyboard: a cookie jar and requests whose answers are all validated. */
export class Actor {
  cookie: string | null = null;

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const c = ctx();
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined && !Object.keys(headers).some((h) => /content-type/i.test(h)))
      headers['Content-Type'] = 'application/json';
    if (this.cookie) headers.Cookie = `nimbus_session=${this.cookie}`;
    const response = await fetch(`${c.baseUrl}/api${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : options.raw
            ? String(options.body)
            : JSON.stringify(options.body),
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const match = /^nimbus_session=([^;]*)/.exec(cookie);
      if (!match) continue;
      this.cookie = match[1] && !/max-age=0/i.test(cookie) ? match[1] : null;
    }
    const text = method === 'HEAD' ? '' : await response.text();
    const result = c.validator.validate({
      method,
      path,
      status: response.status,
      headers: response.headers,
      body: text,
    });
    if (result.operationId) {
      const key = `${result.operationId} ${response.status}`;
      c.validated.set(key, (c.validated.get(key) ?? 0) + 1);
    }
    c.failures.push(...result.errors);
    assert.deepEqual(result.errors, [], 'the answer does not match the contract');
    let json: Answer['json'];
    try {
      json = text ? (JSON.parse(text) as Answer['json']) : {};
    } catch {
      json = {};
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  get = (path: string, options?: RequestOptions) => this.request('GET', path, options);
  post = (path: string, body?: unknown, options: RequestOptions = {}) =>
    this.request('POST', path, { ...options, body: body ?? options.body });
  patch = (path: string, body: unknown, options: RequestOptions = {}) =>
    this.request('PATCH', path, { ...options, body });
  delete = (path: string, options?: RequestOptions) => this.request('DELETE', path, options);
}

/** node:test options for a scenario that needs the demo server's test controls. */
export const controlsOnly = () => ({
  skip: ctx().controls ? false : 'needs the demo test controls (/__mock/reset, /__mock/clock)',
});

/** Raw call to a test control of the demo server (not part of the contract, not validated). */
export async function control(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${ctx().baseUrl}/__mock/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function serverNow(): Promise<number> {
  if (!ctx().controls) return Date.now();
  const response = await control('clock', { advance: 0 });
  return ((await response.json()) as { now: number }).now;
}

/** Move the server's clock (demo servers only; scenarios that need it are skipped otherwise). */
export async function advance(ms: number): Promise<void> {
  const response = await control('clock', { advance: ms });
  assert.equal(response.status, 200, 'the clock control refused');
}

export async function reset(): Promise<void> {
  if (!ctx().controls) return;
  const response = await control('reset');
  assert.equal(response.status, 200, 'the reset control refused');
}

/** A code the person's app shows now; each call moves on one step so no code is used twice. */
export async function totpCode(secret: string): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  if (ctx().controls) {
    await advance(30_000);
    return totp.generate({ timestamp: await serverNow() });
  }
  // A real server: wait for the next step, so the code was not used before.
  const now = Date.now();
  await new Promise((r) => setTimeout(r, 30_000 - (now % 30_000) + 200));
  return totp.generate({ timestamp: Date.now() });
}

export const OLIVIA_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const GUS_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
export const PASSWORD = 'nimbus-demo';
export const email = (name: string) => `${name}@example.com`;

/** Sign in as a demo account (with its TOTP code when it has MFA: its seeded or given secret). */
export async function signedIn(
  name: 'olivia' | 'adam' | 'mia' | 'gus',
  appSecret?: string,
): Promise<Actor> {
  const actor = new Actor();
  const first = await actor.post('/auth/sign-in', { email: email(name), password: PASSWORD });
  assert.equal(first.status, 200);
  if (first.json.status === 'mfa_required') {
    const secret = appSecret ?? (name === 'olivia' ? OLIVIA_SECRET : GUS_SECRET);
    const challenge = first.json.challenge as { id: string };
    const second = await actor.post('/auth/mfa', {
      challengeId: challenge.id,
      code: await totpCode(secret),
    });
    assert.equal(second.status, 200);
  }
  assert.ok(actor.cookie, 'signed in without a session cookie');
  return actor;
}

/** A well-formed code that is not the current one (nor, but for a 1-in-300,000 chance, a neighbour). */
export async function wrongCode(secret: string): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  const current = Number(totp.generate({ timestamp: await serverNow() }));
  return String((current + 500_000) % 1_000_000).padStart(6, '0');
}
