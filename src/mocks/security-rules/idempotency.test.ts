// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clock, db } from '../db';
import { ProblemError } from '../problems';
import { idempotent } from '../idempotency';

const DAY = 24 * 3_600_000;

function post(key: string | null, path = '/api/things', method = 'POST') {
  return new Request(`http://localhost${path}`, {
    method,
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
}

/** A handler that counts its runs and answers what it is given. */
function counter(
  make: (n: number) => Response | Promise<Response> = () => Response.json({ ok: true }),
) {
  const state = { runs: 0 };
  const run = () => {
    state.runs += 1;
    return make(state.runs);
  };
  return { state, run };
}

describe('idempotent', () => {
  it('without a key, runs every time', async () => {
    const { state, run } = counter();
    await idempotent(post(null), 'u1', {}, run);
    await idempotent(post(null), 'u1', {}, run);
    expect(state.runs).toBe(2);
    expect(db.idempotency.size).toBe(0);
  });

  it.each(['short77', 'x'.repeat(129), 'has space!', 'tab\tkey12', 'ключ-ключ-ключ'])(
    'refuses the malformed key %j without running',
    async (key) => {
      const { state, run } = counter();
      const headers = new Headers();
      // Headers refuses some of these; build the request without validation where needed.
      let request: Request;
      try {
        headers.set('Idempotency-Key', key);
        request = new Request('http://localhost/api/things', { method: 'POST', headers });
      } catch {
        return;
      }
      const response = await idempotent(request, 'u1', {}, run);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        title: 'Invalid request',
        detail: 'Idempotency-Key must be 8 to 128 printable characters.',
        code: 'invalid_idempotency_key',
        parameters: { parameter: 'Idempotency-Key' },
      });
      expect(state.runs).toBe(0);
    },
  );

  it('accepts keys of 8 and of 128 printable characters', async () => {
    const { state, run } = counter();
    expect((await idempotent(post('k'.repeat(8)), 'u1', {}, run)).status).toBe(200);
    expect((await idempotent(post('~'.repeat(128)), 'u1', {}, run)).status).toBe(200);
    expect(state.runs).toBe(2);
  });

  it('replays status, body and headers of the first answer, marked as a replay', async () => {
    const { state, run } = counter(
      (n) =>
        new Response(JSON.stringify({ n }), {
          status: 201,
          headers: {
            'Content-Type': 'application/json',
            Location: '/api/things/1',
            'X-Run': String(n),
          },
        }),
    );
    const first = await idempotent(post('key-00001'), 'u1', { a: 1 }, run);
    const again = await idempotent(post('key-00001'), 'u1', { a: 1 }, run);
    expect(state.runs).toBe(1);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ n: 1 });
    expect(again.headers.get('location')).toBe('/api/things/1');
    expect(again.headers.get('x-run')).toBe('1');
    expect(again.headers.get('content-type')).toBe('application/json');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  });

  it('the same key with another body is 422, and does not run', async () => {
    const { state, run } = counter();
    await idempotent(post('key-00002'), 'u1', { a: 1 }, run);
    const other = await idempotent(post('key-00002'), 'u1', { a: 2 }, run);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({
      code: 'idempotency_key_reused',
      title: 'Idempotency-Key reused',
      detail: 'This Idempotency-Key was already used with a different request body.',
    });
    expect(state.runs).toBe(1);
  });

  it('keys are per person, per method and per path', async () => {
    const { state, run } = counter();
    await idempotent(post('key-00003'), 'u1', {}, run);
    await idempotent(post('key-00003'), 'u2', {}, run);
    await idempotent(post('key-00003', '/api/other'), 'u1', {}, run);
    await idempotent(post('key-00003', '/api/things', 'PUT'), 'u1', {}, run);
    expect(state.runs).toBe(4);
  });

  it('remembers an answer for 24 hours, not longer', async () => {
    const { state, run } = counter((n) => Response.json({ n }));
    await idempotent(post('key-00004'), 'u1', {}, run);
    clock.advance(DAY - 1);
    expect(await (await idempotent(post('key-00004'), 'u1', {}, run)).json()).toEqual({ n: 1 });
    clock.advance(1);
    expect(await (await idempotent(post('key-00004'), 'u1', {}, run)).json()).toEqual({ n: 2 });
    expect(state.runs).toBe(2);
  });

  it('does not remember server errors or rate limits: a retry runs again', async () => {
    for (const status of [500, 503, 429]) {
      const { state, run } = counter((n) => new Response(null, { status: n === 1 ? status : 200 }));
      const key = `key-${status}-x`;
      expect((await idempotent(post(key), 'u1', {}, run)).status).toBe(status);
      expect((await idempotent(post(key), 'u1', {}, run)).status).toBe(200);
      expect(state.runs).toBe(2);
    }
  });

  it('remembers refusals (4xx), thrown as problems or answered', async () => {
    const thrown = counter(() => {
      throw new ProblemError(409, 'conflict', 'Conflict', 'No.');
    });
    const first = await idempotent(post('key-00005'), 'u1', {}, thrown.run);
    expect(first.status).toBe(409);
    expect(first.headers.get('content-type')).toBe('application/problem+json');
    const again = await idempotent(post('key-00005'), 'u1', {}, thrown.run);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'conflict' });
    expect(thrown.state.runs).toBe(1);
    // Without a key a thrown problem is answered too.
    expect((await idempotent(post(null), 'u1', {}, thrown.run)).status).toBe(409);
  });

  it('lets other errors through', async () => {
    const boom = () => {
      throw new TypeError('bug');
    };
    await expect(idempotent(post('key-00006'), 'u1', {}, boom)).rejects.toThrow('bug');
    await expect(idempotent(post(null), 'u1', {}, boom)).rejects.toThrow('bug');
  });

  it('replays a 204 without a body', async () => {
    const { run } = counter(
      () => new Response(null, { status: 204, headers: { 'X-Done': 'yes' } }),
    );
    await idempotent(post('key-00007'), 'u1', {}, run);
    const again = await idempotent(post('key-00007'), 'u1', {}, run);
    expect(again.status).toBe(204);
    expect(again.headers.get('x-done')).toBe('yes');
    expect(await again.text()).toBe('');
  });

  it('never keeps or replays an answer that holds secrets (409 instead), but keeps its refusals', async () => {
    const { state, run } = counter((n) =>
      n === 1 ? Response.json({ secret: 'S3CRET' }) : Response.json({ n }),
    );
    await idempotent(post('key-00008'), 'u1', {}, run, { secret: true });
    expect(JSON.stringify([...db.idempotency.values()])).not.toContain('S3CRET');
    const again = await idempotent(post('key-00008'), 'u1', {}, run, { secret: true });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'already_processed',
      title: 'Already done',
      detail: 'This request was already completed. Its answer held codes that are shown only once.',
    });
    expect(state.runs).toBe(1);
    const refused = counter(() => Response.json({ code: 'x' }, { status: 422 }));
    await idempotent(post('key-00009'), 'u1', {}, refused.run, { secret: true });
    const replay = await idempotent(post('key-00009'), 'u1', {}, refused.run, { secret: true });
    expect(replay.status).toBe(422);
    expect(await replay.json()).toEqual({ code: 'x' });
  });

  it('a double submit waits for the first and replays it', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { state, run } = counter(async (n) => {
      await gate;
      return Response.json({ n });
    });
    const a = idempotent(post('key-00010'), 'u1', {}, run);
    const b = idempotent(post('key-00010'), 'u1', {}, run);
    release();
    const [first, second] = await Promise.all([a, b]);
    expect(state.runs).toBe(1);
    expect(await first.json()).toEqual({ n: 1 });
    expect(await second.json()).toEqual({ n: 1 });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    // A failed first run does not block the retry.
    const failing = counter((n) => {
      if (n === 1) return Promise.reject(new Error('down'));
      return Response.json({ n });
    });
    const c = idempotent(post('key-00011'), 'u1', {}, failing.run);
    const d = idempotent(post('key-00011'), 'u1', {}, failing.run);
    await expect(c).rejects.toThrow('down');
    expect((await d).status).toBe(200);
  });
});
