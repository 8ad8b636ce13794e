import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Actor, ctx, reset } from '../context';

const SAMPLE: Record<string, string> = {
  orgSlug: 'acme',
  jobId: 'job_nope',
  enrollmentId: 'enr_nope',
  provider: 'acme',
};
// Sign-in steps need no session (a passkey sign-in has no password step either).
const PUBLIC = new Set([
  'signIn',
  'completeMfaChallenge',
  'signOut',
  'startPasskeySignIn',
  'signInWithPasskey',
]);

export function refusalScenarios() {
  before(reset);

  it('every operation that needs a session answers 401 without one', async () => {
    const anonymous = new Actor();
    for (const route of ctx().validator.routes) {
      if (PUBLIC.has(route.operation.operationId)) continue;
      const path = route.template.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? 'x');
      const write = route.method !== 'GET' && route.method !== 'DELETE';
      const answer = await anonymous.request(route.method, path, {
        body: write ? {} : undefined,
        headers: { 'Idempotency-Key': 'contract-anonymous-1', 'If-Match': '"x"' },
      });
      assert.equal(answer.status, 401, `${route.method} ${path}`);
    }
  });
}
