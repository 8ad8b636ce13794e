// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  booleanField,
  MAX_STRING_LENGTH,
  readJson,
  rejectUnknownFields,
  stringField,
} from '../body';
import { refusal, refusalOf } from './refusal';

const body = (text: string) =>
  new Request('http://localhost/api/x', { method: 'POST', body: text });
const MAX_JSON_CHARS = 512 * 1024;
/** A JSON object body of exactly `length` characters. */
const jsonOf = (length: number) => `{"a":"${'x'.repeat(length - 8)}"}`;

describe('readJson', () => {
  it.each([
    ['', 'The request body is empty; send a JSON object.'],
    ['   ', 'The request body is empty; send a JSON object.'],
    ['\n\t', 'The request body is empty; send a JSON object.'],
    ['{"a":', 'The request body is not valid JSON.'],
    ['[1]', 'The request body must be a JSON object.'],
    ['null', 'The request body must be a JSON object.'],
    ['"text"', 'The request body must be a JSON object.'],
    ['5', 'The request body must be a JSON object.'],
  ])('refuses %j: %s', async (text, detail) => {
    const p = await refusalOf(readJson(body(text)));
    expect(p).toMatchObject({
      status: 400,
      code: 'invalid_json',
      title: 'Invalid request',
      detail,
    });
    expect(p.extra).toEqual({ parameters: { parameter: 'body' } });
  });

  it('returns the object', async () => {
    expect(await readJson(body(' {"a":1} '))).toEqual({ a: 1 });
  });

  it('a body that cannot be read (already read) is a 400, not a crash', async () => {
    const request = body('{"a":1}');
    await request.text();
    const p = await refusalOf(readJson(request));
    expect(p).toMatchObject({
      status: 400,
      code: 'invalid_json',
      title: 'Invalid request',
      detail: 'The request body could not be read.',
    });
    expect(p.extra).toEqual({ parameters: { parameter: 'body' } });
  });

  it('reads a body of exactly 512 KiB characters and refuses one more with 413', async () => {
    const longest = jsonOf(MAX_JSON_CHARS);
    expect(longest).toHaveLength(MAX_JSON_CHARS);
    expect(await readJson(body(longest))).toEqual({ a: 'x'.repeat(MAX_JSON_CHARS - 8) });
    const p = await refusalOf(readJson(body(jsonOf(MAX_JSON_CHARS + 1))));
    expect(p).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      title: 'Request too large',
      detail: 'The request body is too large.',
    });
  });
});

describe('fields', () => {
  it('stringField: required, optional, wrong type', () => {
    expect(stringField({ a: 'x' }, 'a')).toBe('x');
    expect(stringField({}, 'a', false)).toBeUndefined();
    expect(stringField({ a: null }, 'a', false)).toBeUndefined();
    for (const value of [undefined, null]) {
      const p = refusal(() => stringField({ a: value }, 'a'));
      expect(p).toMatchObject({
        status: 400,
        code: 'missing_field',
        title: 'Invalid request',
        detail: '"a" is required.',
      });
      expect(p.extra).toEqual({
        parameters: { parameter: 'a' },
        errors: [{ field: 'a', message: 'Required.' }],
      });
    }
    const typed = refusal(() => stringField({ a: 1 }, 'a', false));
    expect(typed).toMatchObject({
      status: 400,
      code: 'invalid_type',
      title: 'Invalid request',
      detail: '"a" must be a string.',
    });
    expect(typed.extra).toEqual({
      parameters: { parameter: 'a' },
      errors: [{ field: 'a', message: 'Must be a string.' }],
    });
  });

  it('stringField: at most 400 characters unless the schema says less, counted exactly', () => {
    expect(MAX_STRING_LENGTH).toBe(400);
    expect(stringField({ a: 'x'.repeat(400) }, 'a')).toHaveLength(400);
    expect(stringField({ a: 'x'.repeat(64) }, 'a', true, 64)).toHaveLength(64);
    for (const [length, max] of [
      [401, 400],
      [65, 64],
    ] as const) {
      const p = refusal(() => stringField({ a: 'x'.repeat(length) }, 'a', true, max));
      expect(p).toMatchObject({
        status: 400,
        code: 'too_long',
        title: 'Invalid request',
        detail: '"a" is too long.',
      });
      expect(p.extra).toEqual({
        parameters: { parameter: 'a', maxLength: max },
        errors: [{ field: 'a', message: `At most ${max} characters.` }],
      });
    }
  });

  it('booleanField: absent or null is false, a boolean is itself, anything else a 400', () => {
    expect(booleanField({}, 'b')).toBe(false);
    expect(booleanField({ b: null }, 'b')).toBe(false);
    expect(booleanField({ b: true }, 'b')).toBe(true);
    expect(booleanField({ b: false }, 'b')).toBe(false);
    for (const value of ['true', 1, 0, '', {}]) {
      const p = refusal(() => booleanField({ b: value }, 'b'));
      expect(p).toMatchObject({
        status: 400,
        code: 'invalid_type',
        title: 'Invalid request',
        detail: '"b" must be true or false.',
      });
      expect(p.extra).toEqual({
        parameters: { parameter: 'b' },
        errors: [{ field: 'b', message: 'Must be a boolean.' }],
      });
    }
  });

  it('rejectUnknownFields names the first unknown field', () => {
    expect(() => rejectUnknownFields({ a: 1 }, ['a', 'b'])).not.toThrow();
    const p = refusal(() => rejectUnknownFields({ a: 1, z: 2 }, ['a']));
    expect(p).toMatchObject({ status: 400, code: 'unknown_field', detail: 'Unknown field "z".' });
    expect(p.extra).toEqual({ parameters: { parameter: 'z' } });
  });
});
