// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { canonicalJson, idempotent } from '../idempotency';

const post = (key: string) =>
  new Request('http://localhost/api/things', {
    method: 'POST',
    headers: { 'Idempotency-Key': key },
  });

describe('canonicalJson: one spelling per JSON value', () => {
  it('sorts the keys of every object, at any depth and inside arrays', () => {
    expect(canonicalJson({ b: 1, c: { z: [{ y: 1, x: 2 }], a: null }, a: 'x' })).toBe(
      '{"a":"x","b":1,"c":{"a":null,"z":[{"x":2,"y":1}]}}',
    );
    const orders = [
      { b: 1, a: 2, c: 3, aa: 4 },
      { c: 3, aa: 4, a: 2, b: 1 },
      { aa: 4, c: 3, b: 1, a: 2 },
    ];
    for (const value of orders) expect(canonicalJson(value)).toBe('{"a":2,"aa":4,"b":1,"c":3}');
  });

  it('keeps arrays in order, leaves out undefined members, and spells scalars as JSON', () => {
    expect(canonicalJson([3, 'a', [true, null]])).toBe('[3,"a",[true,null]]');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson('x"y')).toBe('"x\\"y"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ 'k"': 1 })).toBe('{"k\\"":1}');
  });
});

describe('what the store keeps', () => {
  it('replays a 204 that has no headers at all', async () => {
    const run = () => new Response(null, { status: 204 });
    await idempotent(post('key-20401'), 'u1', {}, run);
    const again = await idempotent(post('key-20401'), 'u1', {}, run);
    expect(again.status).toBe(204);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('keeps no body at all for an answer with secrets', async () => {
    const run = () => Response.json({ recoveryCodes: ['abcd-efgh-jkmn-pqrs'] });
    await idempotent(post('key-secret1'), 'u1', {}, run, { secret: true });
    const [record] = [...db.idempotency.values()];
    expect(record?.body).toBe('');
    expect(record?.status).toBe(200);
  });
});
