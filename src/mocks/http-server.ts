import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { handlers } from './handlers';
import { transport } from './http';
import { updateConfig } from './control';
import { startJobPump } from './job-pump';
import { startSchedulerTimer } from './scheduler';

/**
 * The mock backend over real HTTP (e2e runs and benchmarks): `npm run mock-server`.
 * PORT (default 4010), INITECH_SIZE (default 100000), LATENCY_MS.
 */
transport.mode = 'cookie';
const port = Number(process.env.PORT ?? 4010);
updateConfig({
  initechSize: process.env.INITECH_SIZE ? Number(process.env.INITECH_SIZE) : undefined,
  latencyMs: process.env.LATENCY_MS ? Number(process.env.LATENCY_MS) : undefined,
});

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  try {
    const response = await getResponse(handlers, await toRequest(req));
    if (!response) {
      res.writeHead(404, { 'Content-Type': 'application/problem+json' });
      res.end(
        JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }),
      );
      return;
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
    res.writeHead(500, { 'Content-Type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'about:blank',
        title: 'Server error',
        status: 500,
        code: 'server_error',
      }),
    );
  }
}

// Reminder jobs send in the background, a few hundred e-mails a step, not in the polls.
startJobPump();
startSchedulerTimer();

createServer((req, res) => void handle(req, res)).listen(port, '127.0.0.1', () => {
  console.log(`Nimbus mock API on http://127.0.0.1:${port}/api`);
});
