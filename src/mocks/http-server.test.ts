// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from './node';
import { startMockServer, type MockServer } from '../../tests/mock-server';

/** The HTTP server itself (`npm run mock-server`): rules that only exist over real HTTP. */
let mock: MockServer;
const json = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  server.close(); // MSW in this process would answer these requests itself
  mock = await startMockServer({ MOCK_DEMO: '1', PUBLIC_URL: 'https://console.example' });
}, 30_000);
afterAll(async () => {
  await mock.close();
  server.listen({ onUnhandledRequest: 'error' });
});

/** Signs in over HTTP and returns the session cookie. */
async function cookieOf(email: string): Promise<string> {
  const res = await mock.send({
    method: 'POST',
    path: '/api/auth/sign-in',
    headers: json,
    body: JSON.stringify({ email, password: 'nimbus-demo' }),
  });
  const cookie = [res.headers['set-cookie'] ?? []].flat()[0] ?? '';
  return cookie.split(';')[0] ?? '';
}

describe('mock HTTP server', () => {
  it('writes links into e-mails from PUBLIC_URL, never from the Host header', async () => {
    const cookie = await cookieOf('adam@example.com');
    const res = await mock.send({
      method: 'POST',
      path: '/api/orgs/acme/reminders',
      headers: { ...json, cookie, Host: 'evil.example', 'Idempotency-Key': 'host-test-http' },
      body: JSON.stringify({ userIds: ['usr_mia'] }),
    });
    expect(res.status).toBe(200);
    const outbox = await mock.send({ path: '/__mock/outbox' });
    const text = JSON.stringify(outbox.json);
    expect(text).toContain('https://console.example/profile/security');
    expect(text).not.toContain('evil.example');
  });

  it('refuses a cross-site sign-out over HTTP and keeps the session; same-origin passes', async () => {
    const cookie = await cookieOf('mia@example.com');
    const host = `127.0.0.1:${mock.port}`;
    const out = (headers: Record<string, string>) =>
      mock.send({ method: 'DELETE', path: '/api/session', headers: { cookie, ...headers } });
    const refused = await out({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(refused.json).toMatchObject({ status: 403, code: 'cross_site_request' });
    expect((await mock.send({ path: '/api/session', headers: { cookie } })).status).toBe(200);
    expect((await out({ Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(
      204,
    );
    expect((await mock.send({ path: '/api/session', headers: { cookie } })).status).toBe(401);
  });

  it('serves the dev controls only when started with MOCK_DEMO=1', async () => {
    expect((await mock.send({ path: '/__mock/codes' })).status).toBe(200);
    const plain = await startMockServer({});
    try {
      for (const path of ['/__mock/codes', '/__mock/outbox', '/__mock/state']) {
        const res = await plain.send({ path });
        expect(res.json, path).toMatchObject({ status: 404, code: 'not_found' });
      }
      const reset = await plain.send({ method: 'POST', path: '/__mock/reset' });
      expect(reset.status).toBe(404);
    } finally {
      await plain.close();
    }
  }, 30_000);

  it('answers addresses outside the API with a 404 problem that has a detail', async () => {
    const res = await mock.send({ path: '/nope' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'not_found', detail: 'There is nothing at /nope.' });
    const head = await mock.send({ method: 'HEAD', path: '/api/session' });
    expect(head.status).toBe(401);
    expect(head.text).toBe('');
  });

  it('answers a malformed Host header with a 400 problem, not a 500', async () => {
    for (const Host of ['bad host', 'a/b', 'x:99999999', 'ex ample.com:80']) {
      const res = await mock.send({ path: '/api/session', headers: { Host } });
      expect(res.status, Host).toBe(400);
      expect(res.json).toMatchObject({
        code: 'invalid_request',
        parameters: { parameter: 'Host' },
      });
      expect(res.headers['content-type']).toBe('application/problem+json');
    }
  });

  it('refuses a body over 512 KiB with a 413 problem, without reading it whole', async () => {
    const res = await mock.send({
      method: 'POST',
      path: '/api/auth/sign-in',
      headers: json,
      body: JSON.stringify({ email: 'adam@example.com', password: 'x'.repeat(16 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('refuses a password over 400 characters before hashing (400 too_long)', async () => {
    const long = 'x'.repeat(401);
    const res = await mock.send({
      method: 'POST',
      path: '/api/auth/sign-in',
      headers: json,
      body: JSON.stringify({ email: 'adam@example.com', password: long }),
    });
    expect(res.json).toMatchObject({
      status: 400,
      code: 'too_long',
      parameters: { parameter: 'password' },
    });
  });
});
