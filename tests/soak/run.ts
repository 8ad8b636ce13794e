/**
 * `npm run soak`: a bounded soak of the mock HTTP server on loopback. Every role at once (owner,
 * admin, member, owner of an MFA organization, and an anonymous client guessing passwords),
 * mixed reads and writes, until SOAK_SECONDS (default 120) or SOAK_REQUESTS (default 30000).
 * Prints requests, latency percentiles, status counts and the server's memory after warm-up and
 * at the end; exits 1 on any 5xx or when memory after GC grew more than the stated margin.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TOTP, Secret } from 'otpauth';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const MAX_REQUESTS = Number(process.env.SOAK_REQUESTS ?? 30_000);
const WARM_FRACTION = 0.2;
/** Allowed growth of heap and RSS (after GC) from the end of warm-up to the end. */
const MARGIN = { ratio: 0.15, bytes: 16 * 1024 * 1024 };
const root = fileURLToPath(new URL('../..', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

const port = await freePort();
const child = fork(`${root}tests/soak/server.ts`, [], {
  cwd: root,
  execArgv: ['--import', 'tsx', '--expose-gc'],
  env: { ...process.env, PORT: String(port), MOCK_DEMO: '1', INITECH_SIZE: '20000' },
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
await new Promise<void>((resolve) =>
  child.stdout?.on('data', (d: Buffer) => d.toString().includes('Nimbus mock API') && resolve()),
);
const base = `http://127.0.0.1:${port}/api`;

type Memory = NodeJS.MemoryUsage;
const memory = () =>
  new Promise<Memory>((resolve) => {
    child.once('message', (m) => resolve((m as { memory: Memory }).memory));
    child.send('memory');
  });

const latencies: number[] = [];
const statuses = new Map<number, number>();
let requests = 0;
const started = Date.now();
const deadline = started + SECONDS * 1000;
const running = () => Date.now() < deadline && requests < MAX_REQUESTS;

async function send(
  cookie: { value: string | null },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const t = performance.now();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(cookie.value ? { Cookie: `nimbus_session=${cookie.value}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  latencies.push(performance.now() - t);
  requests++;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  for (const c of response.headers.getSetCookie()) {
    const m = /^nimbus_session=([^;]*)/.exec(c);
    if (m) cookie.value = m[1] || null;
  }
  if (response.status >= 500)
    console.error(`5xx: ${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
  return { status: response.status, text, headers: response.headers };
}

const SECRETS: Record<string, string> = {
  olivia: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  gus: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
};
async function signIn(name: string, cookie: { value: string | null }) {
  const first = await send(cookie, 'POST', '/auth/sign-in', {
    email: `${name}@example.com`,
    password: 'nimbus-demo',
  });
  const json = JSON.parse(first.text) as { status?: string; challenge?: { id: string } };
  if (json.status !== 'mfa_required' || !json.challenge) return;
  // Each code once: move the mock's clock a step on, then use the code of that step.
  await fetch(`http://127.0.0.1:${port}/__mock/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advance: 30_000 }),
  });
  const now = (await (
    await fetch(`http://127.0.0.1:${port}/__mock/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advance: 0 }),
    })
  ).json()) as { now: number };
  const code = new TOTP({
    secret: Secret.fromBase32(SECRETS[name] ?? ''),
    digits: 6,
    period: 30,
  }).generate({ timestamp: now.now });
  await send(cookie, 'POST', '/auth/mfa', { challengeId: json.challenge.id, code });
}

let random = 42;
const pick = <T>(items: readonly T[]): T => {
  random = (random * 1103515245 + 12345) % 2147483648;
  return items[random % items.length] as T;
};
const SORTS = ['name', '-name', 'email', 'mfa', '-lastRemindedAt'];
const FILTERS = ['', '&mfa=disabled', '&role=admin', '&q=a', '&mfa=enabled&role=member'];

async function manager(name: 'olivia' | 'adam' | 'gus', org: string) {
  const cookie = { value: null as string | null };
  await signIn(name, cookie);
  // Globex requires single sign-on too.
  if (org === 'globex') await send(cookie, 'POST', '/auth/sso/acme', {});
  let i = 0;
  while (running()) {
    i++;
    const step = i % 10;
    if (step === 0) await send(cookie, 'GET', '/me');
    else if (step === 1) await send(cookie, 'GET', `/orgs/${org}/security`);
    else if (step === 2) await send(cookie, 'GET', `/orgs/${org}/members/summary`);
    else if (step === 3) await send(cookie, 'GET', `/orgs/${org}/security-events?perPage=10`);
    else if (step === 4) await send(cookie, 'GET', `/orgs/${org}/reminder-jobs?status=recent`);
    else if (step === 5 && i % 50 === 5)
      await send(cookie, 'GET', `/orgs/${org}/members.csv?mfa=disabled`);
    else if (step === 6 && i % 40 === 6) {
      const list = JSON.parse(
        (await send(cookie, 'GET', `/orgs/${org}/members?mfa=disabled&perPage=10`)).text,
      ) as { items?: Array<{ id: string }> };
      const ids = (list.items ?? []).slice(0, 2).map((m) => m.id);
      if (ids.length)
        await send(
          cookie,
          'POST',
          `/orgs/${org}/reminders`,
          { userIds: ids },
          { 'Idempotency-Key': `soak-${name}-${i}` },
        );
    } else if (step === 7 && name === 'olivia' && i % 30 === 7) {
      const read = await send(cookie, 'GET', `/orgs/${org}/security`);
      const current = JSON.parse(read.text) as { mfaRequired?: boolean };
      await send(
        cookie,
        'PATCH',
        `/orgs/${org}/security`,
        { mfaRequired: !current.mfaRequired },
        { 'If-Match': read.headers.get('etag') ?? '' },
      );
    } else
      await send(
        cookie,
        'GET',
        `/orgs/${org}/members?page=${1 + (i % 3)}&sort=${pick(SORTS)}${pick(FILTERS)}`,
      );
  }
}

async function member() {
  const cookie = { value: null as string | null };
  let i = 0;
  while (running()) {
    i++;
    if (!cookie.value) await signIn('mia', cookie);
    const step = i % 8;
    if (step === 0) await send(cookie, 'GET', '/orgs');
    else if (step === 1)
      await send(cookie, 'GET', '/orgs/globex/members'); // 403 access denied
    else if (step === 2)
      await send(cookie, 'GET', '/orgs/acme/members'); // 403 forbidden role
    else if (step === 3) {
      const e = await send(cookie, 'POST', '/me/mfa/totp/enrollments', {});
      const id = (JSON.parse(e.text) as { id?: string }).id;
      if (id) await send(cookie, 'DELETE', `/me/mfa/totp/enrollments/${id}`);
    } else if (step === 4) await send(cookie, 'GET', '/me/mfa');
    else if (step === 7 && i % 40 === 7)
      await send(cookie, 'DELETE', '/session'); // sign out, in again
    else await send(cookie, 'GET', '/session');
  }
}

async function stranger() {
  const cookie = { value: null as string | null };
  let i = 0;
  while (running()) {
    i++;
    if (i % 3 === 0)
      await send(cookie, 'POST', '/auth/sign-in', {
        email: `nobody${i % 7}@example.com`,
        password: 'guess',
      });
    else if (i % 3 === 1) await send(cookie, 'GET', '/orgs/acme/members');
    else await send(cookie, 'POST', '/auth/mfa', { challengeId: 'chl_x', code: '123456' });
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const atStart = await memory();
let warm: Memory | null = null;
const warmTimer = setTimeout(
  () => void memory().then((m) => (warm = m)),
  SECONDS * 1000 * WARM_FRACTION,
);
await Promise.all([
  manager('olivia', 'acme'),
  manager('adam', 'acme'),
  manager('gus', 'globex'),
  manager('olivia', 'initech'),
  member(),
  stranger(),
]);
clearTimeout(warmTimer);
const atEnd = await memory();
child.kill();
const warmed: Memory = warm ?? atStart;

const sorted = [...latencies].sort((a, b) => a - b);
const seconds = (Date.now() - started) / 1000;
const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
const grew = (key: 'heapUsed' | 'rss') =>
  atEnd[key] - warmed[key] > Math.max(MARGIN.ratio * warmed[key], MARGIN.bytes);

console.log(
  `\nSoak: ${seconds.toFixed(0)} s, 6 clients (owner ×2, admin, MFA-org owner, member, anonymous), loopback, INITECH_SIZE=20000\n`,
);
console.log('| requests | req/s | p50 | p95 | p99 | max | 5xx |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(
  `| ${requests} | ${(requests / seconds).toFixed(0)} | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 95).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${(sorted.at(-1) ?? 0).toFixed(1)} ms | ${fivexx} |`,
);
console.log(
  `\nStatuses: ${[...statuses]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s} × ${n}`)
    .join(', ')}\n`,
);
console.log('| server memory (after GC) | start | after warm-up | end | end − warm-up |');
console.log('| --- | --- | --- | --- | --- |');
for (const key of ['rss', 'heapUsed'] as const)
  console.log(
    `| ${key} | ${mb(atStart[key])} | ${mb(warmed[key])} | ${mb(atEnd[key])} | ${mb(atEnd[key] - warmed[key])} |`,
  );
console.log(
  `\nMargin: end ≤ warm-up + max(${MARGIN.ratio * 100} %, ${mb(MARGIN.bytes)}) for heap and RSS.`,
);
const failures = [
  ...(fivexx > 0 ? [`${fivexx} answers were 5xx`] : []),
  ...(grew('heapUsed') ? ['heap grew beyond the margin'] : []),
  ...(grew('rss') ? ['RSS grew beyond the margin'] : []),
];
if (failures.length > 0) {
  console.error(`\nSOAK FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\nSoak passed: no 5xx, memory flat within the margin.');
