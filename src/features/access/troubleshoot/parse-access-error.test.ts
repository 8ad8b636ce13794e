import { describe, expect, it } from 'vitest';
import { describeMethod } from '../methods';
import { parseAccessError } from './parse-access-error';

// The two examples of the source document (seed/mfa.md), with a real user filled in.
const NO_ACCESS_EXAMPLE = `Error: The service doesn't exist or you do not have access to it.
Service: abcdefg123456-main-bvxea6i--app
User: Mia Member (usr_mia)`;

const ACCESS_DENIED_EXAMPLE = `Error: Access denied
Service: abcdefg123456-main-bvxea6i--app
User: Mia Member (usr_mia)
Parameters: {"amr":["mfa","sso:acme"]}
Detail: Additional authentication is required:
\t - Multi-factor authentication (MFA)
\t - Single sign-on (SSO), provider: "acme"`;

describe('parseAccessError', () => {
  it('reads service, user and both required methods from the access-denied example', () => {
    expect(parseAccessError(ACCESS_DENIED_EXAMPLE)).toEqual({
      kind: 'missing_methods',
      message: 'Access denied',
      service: 'abcdefg123456-main-bvxea6i--app',
      user: { name: 'Mia Member', id: 'usr_mia' },
      required: ['mfa', 'sso:acme'],
      unrecognised: 0,
    });
  });

  it('recognises the first example as an access problem without named methods', () => {
    expect(parseAccessError(NO_ACCESS_EXAMPLE)).toEqual({
      kind: 'no_access',
      message: "The service doesn't exist or you do not have access to it.",
      service: 'abcdefg123456-main-bvxea6i--app',
      user: { name: 'Mia Member', id: 'usr_mia' },
      required: [],
      unrecognised: 0,
    });
  });

  it('falls back to the Detail lines when Parameters is missing or broken', () => {
    const broken = ACCESS_DENIED_EXAMPLE.replace('{"amr":["mfa","sso:acme"]}', '{"amr":[');
    expect(parseAccessError(broken)?.required).toEqual(['mfa', 'sso:acme']);
    const without = ACCESS_DENIED_EXAMPLE.split('\n')
      .filter((l) => !l.startsWith('Parameters'))
      .join('\n');
    expect(parseAccessError(without)?.required).toEqual(['mfa', 'sso:acme']);
  });

  it('copes with a shell prompt, Windows line ends, colours and indentation around the error', () => {
    const pasted = `$ ssh abcdefg123456-main-bvxea6i--app@ssh.example\r\n  \u001b[31mError: Access denied\u001b[0m\r\n  Service: svc-1\r\n  User: Mia Member (usr_mia)\r\n  Parameters: {"amr":["mfa"]}\r\nConnection closed.`;
    expect(parseAccessError(pasted)).toMatchObject({
      kind: 'missing_methods',
      service: 'svc-1',
      required: ['mfa'],
    });
  });

  it('reads the API problem document pasted as JSON', () => {
    const json = JSON.stringify({
      title: 'Access denied',
      code: 'additional_authentication_required',
      parameters: { amr: ['mfa'] },
      service: 'console:acme',
      user: { id: 'usr_mia', name: 'Mia Member', email: 'mia@example.com' },
    });
    expect(parseAccessError(json)).toMatchObject({
      kind: 'missing_methods',
      service: 'console:acme',
      user: { name: 'Mia Member', id: 'usr_mia' },
      required: ['mfa'],
    });
  });

  it('keeps a user without an id in parentheses as a name only', () => {
    const text = 'Error: Access denied\nUser: mia@example.com\nParameters: {"amr":["mfa"]}';
    expect(parseAccessError(text)?.user).toEqual({ name: 'mia@example.com', id: null });
  });

  it('drops amr values that are not method names', () => {
    const text = 'Error: Access denied\nParameters: {"amr":["mfa","<img src=x>",42]}';
    expect(parseAccessError(text)?.required).toEqual(['mfa']);
  });

  it.each([
    ['empty text', ''],
    ['blank lines', '  \n\n '],
    ['a stack trace', 'TypeError: x is undefined\n    at foo (app.js:1:2)'],
    ['prose', 'Hello, I cannot log in, please help'],
    ['a different CLI error', 'Error: network timeout after 30s'],
    ['unrelated JSON', '{"status":"ok"}'],
    ['broken JSON', '{"code":'],
  ])('returns null for %s', (_label, text) => {
    expect(parseAccessError(text)).toBeNull();
  });
});

describe('describeMethod', () => {
  it('names MFA and SSO the way the source does', () => {
    expect(describeMethod('mfa').label).toBe('Multi-factor authentication (MFA)');
    expect(describeMethod('sso:acme')).toEqual({
      kind: 'sso',
      amr: 'sso:acme',
      provider: 'acme',
      label: 'Single sign-on (SSO), provider: acme',
    });
  });

  it('counts a requirement it cannot read instead of dropping it silently', () => {
    const parsed = parseAccessError(
      'Error: Access denied\nService: app\nUser: Mia (u1)\nParameters: {"amr":["mfa","sso:evil<b>x</b>"]}',
    );
    expect(parsed?.required).toEqual(['mfa']);
    expect(parsed?.unrecognised).toBe(1);
  });
});
