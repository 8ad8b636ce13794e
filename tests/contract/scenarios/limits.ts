import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Actor, ctx, reset } from '../context';

const SAMPLE: Record<string, string> = {
  orgSlug: 'acme',
  jobId: 'job_nope',
  enrollmentId: 'enr_nope',
  provider: 'acme',
};

/** Operations that take a request body: the ones the limits apply to. */
function writes() {
  return ctx()
    .validator.routes.filter((r) => r.method !== 'GET')
    .map((r) => ({
      method: r.method,
      path: r.template.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? 'x'),
    }));
}

export function limitScenarios() {
  before(reset);

  it('a body that is not declared JSON is refused (415) by every operation', async () => {
    const anonymous = new Actor();
    for (const { method, path } of writes()) {
      const answer = await anonymous.request(method, path, {
        body: '{"email":"mia@example.com","password":"nimbus-demo"}',
        raw: true,
        headers: { 'Content-Type': 'text/plain' },
      });
      assert.equal(answer.status, 415, `${method} ${path}`);
    }
  });

  it('a body over the size limit is refused (413) by every operation', async () => {
    const anonymous = new Actor();
    const huge = JSON.stringify({ email: 'mia@example.com', password: 'x'.repeat(600 * 1024) });
    for (const { method, path } of writes()) {
      const answer = await anonymous.request(method, path, { body: huge, raw: true });
      assert.equal(answer.status, 413, `${method} ${path}`);
    }
  });

  it('a state-changing request from another site is refused (403) by every operation', async () => {
    const anonymous = new Actor();
    for (const { method, path } of writes()) {
      const answer = await anonymous.request(method, path, {
        body: {},
        headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(answer.json.code, 'cross_site_request');
    }
  });

  it('a field longer than its maxLength is a 400 problem', async () => {
    const answer = await new Actor().post('/auth/sign-in', {
      email: 'mia@example.com',
      password: 'x'.repeat(1000),
    });
    assert.equal(answer.status, 400);
  });
}
