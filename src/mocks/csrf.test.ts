import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, codeFor, OLIVIA_SECRET, signInAs } from '../../tests/api';
import { db } from './db';
import { transport } from './sessions';
import { deployment } from './deployment';

/** Every state-changing operation of the contract, with its path parameters filled in. */
function stateChangingOperations(): [string, string][] {
  const ops: [string, string][] = [];
  let path = '';
  for (const line of readFileSync('src/api/openapi.yaml', 'utf8').split('\n')) {
    const pathLine = /^ {2}(\/\S*):$/.exec(line);
    if (pathLine?.[1]) path = pathLine[1];
    const method = /^ {4}(post|put|patch|delete):$/.exec(line)?.[1];
    if (path && method) ops.push([method.toUpperCase(), path.replace(/\{[^}]+\}/g, 'acme')]);
    if (line === 'components:') break;
  }
  return ops;
}

const evil = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };

describe('cross-site request forgery (finding 5)', () => {
  it('refuses every state-changing operation of the contract from another site, and changes nothing', async () => {
    await signInAs('olivia');
    const before = JSON.stringify([...db.sessions.values(), db.outbox, db.events]);
    const ops = stateChangingOperations();
    expect(ops.length).toBeGreaterThanOrEqual(10);
    for (const [method, path] of ops) {
      for (const headers of [evil, { Origin: 'https://evil.example' }, { Origin: 'null' }]) {
        const res = await call(method, path, {}, headers);
        expect(res.json, `${method} ${path}`).toMatchObject({
          status: 403,
          code: 'cross_site_request',
        });
      }
    }
    expect(JSON.stringify([...db.sessions.values(), db.outbox, db.events])).toBe(before);
  });

  it('covers routes added later (the check runs before routing)', async () => {
    const res = await call('POST', '/me/passkeys', {}, evil);
    expect(res.json).toMatchObject({ status: 403, code: 'cross_site_request' });
    const mock = await call('POST', '/../__mock/reset', undefined, evil);
    expect(mock.status).toBe(403);
  });

  it('lets same-origin requests, the Console’s public origin and non-browser clients through', async () => {
    const body = { email: 'adam@example.com', password: 'nimbus-demo' };
    const ok: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' },
      { Origin: 'http://localhost' },
      { Origin: new URL(deployment.publicUrl).origin, 'Sec-Fetch-Site': 'same-site' },
      {},
    ];
    for (const headers of ok)
      expect((await call('POST', '/auth/sign-in', body, headers)).status).toBe(200);
    // Reading is never refused: a cross-site page cannot read the answer anyway.
    expect((await call('GET', '/session', undefined, evil)).status).toBe(200);
  });
});

describe('sessions (finding 5)', () => {
  it('sets a Secure cookie when served over HTTPS, and not over plain HTTP', async () => {
    transport.mode = 'cookie';
    try {
      const body = JSON.stringify({ email: 'adam@example.com', password: 'nimbus-demo' });
      const headers = { 'Content-Type': 'application/json' };
      const secure = await fetch('https://console.example/api/auth/sign-in', {
        method: 'POST',
        headers,
        body,
      });
      expect(secure.headers.get('Set-Cookie')).toMatch(/; HttpOnly; Secure; SameSite=Lax/);
      const plain = await fetch('http://localhost/api/auth/sign-in', {
        method: 'POST',
        headers,
        body,
      });
      expect(plain.headers.get('Set-Cookie')).not.toMatch(/Secure/);
    } finally {
      transport.mode = 'jar';
    }
  });

  it('ends the person’s other sessions when the sign-in asks for it, after the second factor', async () => {
    await signInAs('adam');
    await signInAs('adam');
    await signInAs('mia');
    const adams = () => [...db.sessions.values()].filter((x) => x.userId === 'usr_adam').length;
    expect(adams()).toBe(2);
    const res = await call('POST', '/auth/sign-in', {
      email: 'adam@example.com',
      password: 'nimbus-demo',
      signOutOtherSessions: true,
    });
    expect(res.status).toBe(200);
    expect(adams()).toBe(1);
    expect([...db.sessions.values()].some((x) => x.userId === 'usr_mia')).toBe(true);

    await signInAs('olivia');
    const first = await call('POST', '/auth/sign-in', {
      email: 'olivia@example.com',
      password: 'nimbus-demo',
      signOutOtherSessions: true,
    });
    const olivias = () => [...db.sessions.values()].filter((x) => x.userId === 'usr_olivia');
    expect(olivias()).toHaveLength(1); // nothing ends before the second factor
    const second = await call('POST', '/auth/mfa', {
      challengeId: (first.json.challenge as { id: string }).id,
      code: codeFor(OLIVIA_SECRET),
    });
    expect(second.status).toBe(200);
    expect(olivias()).toHaveLength(1);
    expect(olivias()[0]?.id).toBe(db.jar.sessionId);
  });
});
