import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { handlers } from './routes';
import { ProblemError } from './problems';
import { transport } from './sessions';
import { MAX_BODY_BYTES, payloadTooLarge } from './request-guards';
import { updateConfig } from './control';
import { startJobPump } from './job-pump';
import { deployment } from './deployment';
import { startSchedulerTimer } from './scheduler-runner';

/**
 * The mock backend over real HTTP (e2e runs and benchmarks): `npm run mock-server`.
 * PORT (default 4010), INITECH_SIZE (default 100000), LATENCY_MS, PUBLIC_URL (the Console's
 * address for links in e-mails, default http://localhost:4173), MOCK_DEMO=1 (serve the dev controls
 * /__mock/*; without it they answer 404).
 */
transport.mode = 'cookie';
const port = Number(process.env.PORT ?? 4010);
// The Console's public address, for links in e-mails (default: `npm run preview`).
deployment.publicUrl = new URL(process.env.PUBLIC_URL ?? 'http://localhost:4173').origin;
// Dev controls (/__mock/*: live codes, the outbox, reset, clock) only when asked for.
deployment.demo = process.env.MOCK_DEMO === '1';
updateConfig({
  initechSize: process.env.INITECH_SIZE ? Number(process.env.INITECH_SIZE) : undefined,
  latencyMs: process.env.LATENCY_MS ? Number(process.env.LATENCY_MS) : undefined,
});

class TooLarge extends Error {}

/** The body, read only up to the limit: a larger one is refused without holding it in memory. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume(); // discarded as it arrives, never held
      return reject(new TooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      const wasWithin = size <= MAX_BODY_BYTES;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (wasWithin) {
        chunks.length = 0; // over the limit: what was kept is dropped, the rest is discarded
        reject(new TooLarge());
      }
    });
    req.on('end', () => size <= MAX_BODY_BYTES && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

class BadHost extends Error {}

/** A host name or IPv4 / [IPv6] address with an optional port; anything else is a 400. */
const HOST = /^([a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

async function toRequest(req: IncomingMessage): Promise<Request> {
  // Host only routes the request here; links in e-mails come from PUBLIC_URL (deployment.ts).
  const host = req.headers.host ?? 'localhost';
  if (!HOST.test(host) || !(req.url ?? '/').startsWith('/')) throw new BadHost();
  const body = await readBody(req);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && body.length > 0;
  return new Request(`http://${host}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

/** Answer a problem document straight from the server (no handler ran). */
function sendProblem(res: ServerResponse, problem: ProblemError, close = false): void {
  const headers: Record<string, string> = {
    'Content-Type': 'application/problem+json',
    ...problem.headers,
  };
  if (close) headers.Connection = 'close';
  res.writeHead(problem.status, headers);
  const body = {
    type: `https://docs.nimbus.example/problems/${problem.code.replace(/_/g, '-')}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    detail: problem.detail,
    ...problem.extra,
  };
  res.end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  try {
    let request: Request;
    try {
      request = await toRequest(req);
    } catch (error) {
      // The rest of a body over the limit is not read: the connection closes after the answer.
      if (error instanceof BadHost || error instanceof TypeError) {
        const bad = new ProblemError(
          400,
          'invalid_request',
          'Invalid request',
          'The Host header or the request target is malformed.',
          { parameters: { parameter: 'Host' } },
        );
        return sendProblem(res, bad, true);
      }
      // The rest of the body is discarded as it arrives (closing at once would reset the
      // connection before the client could read the answer); Node's requestTimeout bounds it.
      if (error instanceof TooLarge) return sendProblem(res, payloadTooLarge());
      throw error;
    }
    const response = await getResponse(handlers, request);
    if (!response) {
      const path = new URL(request.url).pathname;
      return sendProblem(
        res,
        new ProblemError(404, 'not_found', 'Not found', `There is nothing at ${path}.`),
      );
    }
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    res.writeHead(response.status, headers);
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    }
    res.end();
  } catch (error) {
    console.error(error);
    if (res.headersSent) return void res.end();
    sendProblem(
      res,
      new ProblemError(500, 'server_error', 'Server error', 'The mock server failed to answer.'),
    );
  }
}

// Reminder jobs send in the background, a few hundred e-mails a step, not in the polls.
startJobPump();
startSchedulerTimer();

const httpServer = createServer((req, res) => void handle(req, res));
httpServer.listen(port, '127.0.0.1', () => {
  const address = httpServer.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Nimbus mock API on http://127.0.0.1:${actual}/api`);
  console.log(
    deployment.demo ? 'Demo mode: dev controls on /__mock/*' : 'Dev controls off (MOCK_DEMO=1)',
  );
});
