import { TOTP, Secret } from 'otpauth';
import { clock, db } from '@/mocks/db';
import { DEMO_ACCOUNTS } from '@/mocks/seed';

/** The 6-digit code an authenticator with `secret` shows at the mock's current time (+ steps). */
export function codeFor(secret: string, stepOffset = 0): string {
  return new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({
    timestamp: clock.now() + stepOffset * 30_000,
  });
}

export const OLIVIA_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const GUS_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

export function account(name: 'olivia' | 'adam' | 'mia' | 'gus') {
  const found = DEMO_ACCOUNTS.find((a) => a.id === `usr_${name}`);
  if (!found) throw new Error(name);
  return found;
}

/** Raw JSON call to the mock API through the same fetch the app uses. */
export async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`http://localhost/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return {
    status: response.status,
    headers: response.headers,
    json: json as Record<string, unknown> & { code?: string },
    text,
  };
}

/** Sign in through the API (password, then a code when the account has MFA). */
export async function signInAs(
  name: 'olivia' | 'adam' | 'mia' | 'gus',
  options: { withMfa?: boolean } = {},
) {
  const who = account(name);
  const first = await call('POST', '/auth/sign-in', { email: who.email, password: 'nimbus-demo' });
  if (first.json.status === 'mfa_required' && options.withMfa !== false) {
    const challenge = first.json.challenge as { id: string };
    const user = db.users.get(who.id);
    if (!user?.mfa?.secret) throw new Error('no mfa');
    const second = await call('POST', '/auth/mfa', {
      challengeId: challenge.id,
      code: codeFor(user.mfa.secret),
    });
    if (second.status !== 200) throw new Error(`mfa failed ${second.status}`);
    clock.advance(30_000); // the next code a test computes is a fresh one
  }
  return who;
}

/** Mia (member of Globex, which requires MFA) with MFA turned on through the API; her secret. */
export async function miaWithMfa(): Promise<string> {
  await signInAs('mia');
  const start = await call('POST', '/me/mfa/totp/enrollments');
  const secret = String(start.json.secret);
  await call('POST', `/me/mfa/totp/enrollments/${String(start.json.id)}/verify`, {
    code: codeFor(secret),
  });
  clock.advance(30_000);
  return secret;
}
