import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * A static file server for a production build, as a CDN would serve it (SPA fallback to
 * index.html), with `/api` proxied to the mock HTTP server when `apiTarget` is given.
 * The same server serves the app and the baselines, so they load the same way.
 */
export function serveStatic({ root, port, apiTarget }) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (apiTarget && url.pathname.startsWith('/api/')) return proxy(req, res, apiTarget);
    let file = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(base, 'index.html');
    }
    const immutable = file.includes('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return listen(server, port);
}

function proxy(req, res, target) {
  const to = new URL(req.url ?? '/', target);
  const upstream = httpRequest(
    to,
    { method: req.method, headers: { ...req.headers, host: to.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
}

function listen(server, port) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${port}`, close: () => new Promise((c) => server.close(c)) }),
    );
    server.keepAliveTimeout = 1000;
  });
}

/** `npm run mock-server` as a child process with its own organization size. */
export function startMockServer({ port, initechSize, cwd }) {
  const child = spawn(join(cwd, 'node_modules/.bin/tsx'), ['src/mocks/http-server.ts'], {
    cwd,
    // MOCK_DEMO=1: the bench resets the world and sets sizes through the dev controls (/__mock/*).
    env: {
      ...process.env,
      PORT: String(port),
      INITECH_SIZE: String(initechSize),
      LATENCY_MS: '0',
      MOCK_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`mock server did not start:\n${log}`)), 60_000);
    const onData = (chunk) => {
      log += chunk;
      if (log.includes('Nimbus mock API on')) {
        clearTimeout(timer);
        done({
          url: `http://127.0.0.1:${port}`,
          pid: child.pid,
          close: () =>
            new Promise((c) => {
              if (child.exitCode !== null) return c();
              child.once('exit', () => c());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`mock server exited (${code}):\n${log}`));
    });
  });
}
