/**
 * `npm run test:contract [-- --base-url http://host:port]`: the API's behaviour tests over HTTP,
 * every answer validated against src/api/openapi.yaml (tests/contract/openapi-validator.ts).
 * Without --base-url it starts the mock server (demo mode) on a free loopback port.
 * The server must hold the demo world (README); scenarios that need the demo server's test
 * controls (`/__mock/reset`, `/__mock/clock`) are skipped against a server without them.
 * `--app-origin https://console.example`: the Console's origin that the server expects in
 * passkeys' client data (default: the base URL's origin).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { OpenApiValidator } from './openapi-validator';
import { ctx, setContext } from './context';
import { scenarios } from './scenarios';
import { KNOWN_GAPS } from './known-gaps';

const root = fileURLToPath(new URL('../..', import.meta.url));

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((a) => a.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The mock server over HTTP, demo mode (its test controls on), on a free loopback port. */
async function startMockServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/mocks/http-server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), MOCK_DEMO: '1', INITECH_SIZE: '3000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('mock server did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`mock server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Nimbus mock API on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

const given = argument('--base-url');
let server: ChildProcess | null = null;
let baseUrl = given?.replace(/\/+$/, '').replace(/\/api$/, '');
if (!baseUrl) {
  const started = await startMockServer();
  server = started.child;
  baseUrl = started.url;
}
process.on('exit', () => server?.kill());
const validator = new OpenApiValidator(`${root}src/api/openapi.yaml`);
assert.ok(validator.oneOfIsStrict(), 'the validator must fail a oneOf that matches twice');
const probe = await fetch(`${baseUrl}/__mock/reset`, { method: 'POST' }).catch(() => null);
setContext({
  baseUrl,
  validator,
  controls: probe?.status === 200,
  appOrigin: argument('--app-origin') ?? new URL(baseUrl).origin,
  validated: new Map(),
  failures: [],
});
console.log(
  `# contract: ${baseUrl} (${ctx().controls ? 'demo server with test controls' : 'no test controls'})`,
);

describe('API contract', () => {
  after(() => {
    const c = ctx();
    const documented = c.validator.documentedResponses();
    const keys = new Set(documented.map((d) => `${d.operationId} ${d.status}`));
    const seen = new Set([...c.validated.keys()].filter((k) => keys.has(k)));
    const operations = new Set([...seen].map((k) => k.split(' ')[0]));
    const answers = [...c.validated.values()].reduce((a, b) => a + b, 0);
    const missing = documented.filter((d) => !seen.has(`${d.operationId} ${d.status}`));
    console.log(
      `# contract: ${answers} answers validated; ${operations.size} of ${c.validator.routes.length} operations, ` +
        `${seen.size} of ${documented.length} documented responses (operation × status) provoked and valid`,
    );
    if (missing.length > 0) {
      console.log(
        `# not provoked: ${missing.map((m) => `${m.operationId} ${m.status}`).join(', ')}`,
      );
      // With the demo controls every documented answer can be provoked: one that is not is a
      // scenario missing for a new response (a contract change nobody checked), and fails.
      if (c.controls) process.exitCode = 1;
    }
    if (c.failures.length > 0) console.log(`# contract violations:\n${c.failures.join('\n')}`);
    const open = Object.entries(KNOWN_GAPS);
    if (open.length > 0)
      console.log(
        `# known gaps (TODO, not failing the run):\n${open.map(([k, v]) => `${k}: ${v}`).join('\n')}`,
      );
    server?.kill();
  });

  for (const [name, register] of Object.entries(scenarios)) describe(name, register);
});
