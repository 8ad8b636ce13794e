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

describe('mock HTTP server', () => {
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

  it('refuses a 1 MiB password and e-mail before hashing', async () => {
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
