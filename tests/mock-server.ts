import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown> & { code?: string; detail?: string };
}

export interface MockServer {
  port: number;
  send: (options: RawRequest) => Promise<RawResponse>;
  close: () => Promise<void>;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * `npm run mock-server` as a child process (the real entry, with its environment), and raw HTTP
 * requests to it through node:http, so a test can send any Host or Origin header. MSW must not be
 * listening in the calling process (it would answer these requests itself).
 */
export function startMockServer(env: Record<string, string> = {}): Promise<MockServer> {
  const child: ChildProcess = spawn(
    join(process.cwd(), 'node_modules/.bin/tsx'),
    ['src/mocks/http-server.ts'],
    {
      cwd: process.cwd(),
      // Port 0: the system picks a free port; the server prints the one it got.
      env: { ...process.env, PORT: '0', INITECH_SIZE: '100', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const found = /Nimbus mock API on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (!found) return;
      const port = Number(found[1]);
      child.stdout?.off('data', onData);
      resolve({
        port,
        send: (options) => send(port, options),
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`mock server exited (${code}):\n${log}`)));
  });
}

function send(port: number, { method = 'GET', path, headers = {}, body }: RawRequest) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers, setHost: !('Host' in headers) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json: RawResponse['json'];
          try {
            json = text ? (JSON.parse(text) as RawResponse['json']) : {};
          } catch {
            json = {};
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
