// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseAccessError } from './parse-access-error';

/**
 * Each clause of "looks like an access error" on its own: a text that meets exactly one of them
 * is recognised, and the same text without it is not (so no clause can be dropped unnoticed).
 */
describe('parseAccessError: each reason to recognise a text', () => {
  it('named methods alone (Detail bullets, no Error line)', () => {
    const text = 'Detail: see below\n - Multi-factor authentication (MFA)';
    expect(parseAccessError(text)?.required).toEqual(['mfa']);
    expect(parseAccessError('Detail: see below\n - something else')).toBeNull();
  });

  it('an unreadable requirement alone (Parameters with no valid method)', () => {
    const parsed = parseAccessError('Parameters: {"amr":["not a method!"]}');
    expect(parsed).toMatchObject({ kind: 'no_access', required: [], unrecognised: 1 });
    expect(parseAccessError('Parameters: {"amr":[]}')).toBeNull();
  });

  it('"Additional authentication is required" alone', () => {
    expect(parseAccessError('Detail: Additional authentication is required')).toMatchObject({
      kind: 'no_access',
      message: null,
    });
    expect(parseAccessError('Detail: nothing is required')).toBeNull();
  });

  it('an Error line that says access is missing, without a service', () => {
    for (const message of [
      'You do not have access',
      "you don't have access here",
      'It does not have access',
      "It doesn't have access",
      'Access denied',
      'Permission denied (publickey)',
    ]) {
      expect(parseAccessError(`Error: ${message}`), message).toMatchObject({
        kind: 'no_access',
        message,
        service: null,
      });
    }
    expect(parseAccessError('Error: disk full')).toBeNull();
  });

  it('an Error line with a Service line, whatever the error says', () => {
    expect(parseAccessError('Error: disk full\nService: app-1')).toMatchObject({
      message: 'disk full',
      service: 'app-1',
    });
    expect(parseAccessError('Service: app-1')).toBeNull();
  });

  it('empty values count as missing', () => {
    expect(parseAccessError('Error:\nService: app-1')).toBeNull();
    expect(parseAccessError('Error: disk full\nService:')).toBeNull();
  });

  it('blank or whitespace-only text is not an error', () => {
    expect(parseAccessError('')).toBeNull();
    expect(parseAccessError('  \n\t ')).toBeNull();
  });
});

describe('parseAccessError: lines and fields', () => {
  it('reads field names in any case, with spaces around the colon', () => {
    const parsed = parseAccessError('ERROR :  Access denied\nservice:app-2\nUSER : Mia (usr_mia)');
    expect(parsed).toMatchObject({
      message: 'Access denied',
      service: 'app-2',
      user: { name: 'Mia', id: 'usr_mia' },
    });
  });

  it('only bullets right under Detail are methods; a plain line ends the Detail block', () => {
    const text =
      'Error: Access denied\nDetail: needs\n - MFA\nsomething else\n - SSO, provider: "acme"';
    expect(parseAccessError(text)?.required).toEqual(['mfa']);
    const other = 'Error: Access denied\nService: x\n - MFA';
    expect(parseAccessError(other)?.required).toEqual([]);
  });

  it('lists a method once even when two bullets name it', () => {
    const text = 'Error: Access denied\nDetail: needs\n - MFA\n * two-factor login\n • 2FA';
    expect(parseAccessError(text)?.required).toEqual(['mfa']);
  });

  it('reads SSO bullets with their provider, lower-cased; without a provider it is not a method', () => {
    const text = 'Detail: x\n - Single sign-on, provider: ACME.corp\n - SSO only';
    expect(parseAccessError(text)?.required).toEqual(['sso:acme.corp']);
  });

  it('prefers the exact Parameters over the Detail lines, and falls back when they are invalid', () => {
    const both = 'Parameters: {"amr":["sso:x"]}\nDetail: y\n - MFA';
    expect(parseAccessError(both)?.required).toEqual(['sso:x']);
    const broken = 'Error: Access denied\nParameters: {"amr":"mfa"}\nDetail: y\n - MFA';
    expect(parseAccessError(broken)).toMatchObject({ required: ['mfa'], unrecognised: 0 });
    const notJson = 'Error: Access denied\nParameters: {amr}\nDetail: y\n - MFA';
    expect(parseAccessError(notJson)?.required).toEqual(['mfa']);
  });

  it('strips terminal colours before reading', () => {
    const text = '\u001b[31mError: Access denied\u001b[0m\nService: \u001b[1mapp\u001b[0m';
    expect(parseAccessError(text)).toMatchObject({ message: 'Access denied', service: 'app' });
  });

  it('reads only the first 20,000 characters', () => {
    const padding = `Error: Access denied\n${' '.repeat(20_000)}\nService: late`;
    expect(parseAccessError(padding)?.service).toBeNull();
  });

  it('a user without parentheses is a name; with empty parentheses content the id is the name', () => {
    expect(parseAccessError('Error: Access denied\nUser: Mia')?.user).toEqual({
      name: 'Mia',
      id: null,
    });
    expect(parseAccessError('Error: Access denied\nUser: (usr_1)')?.user).toEqual({
      name: 'usr_1',
      id: null,
    });
    expect(parseAccessError('Error: Access denied\nUser:')?.user).toBeNull();
  });
});

describe('parseAccessError: the API problem document as JSON', () => {
  const problem = {
    code: 'additional_authentication_required',
    title: 'Access denied',
    service: 'console:acme',
    user: { id: 'usr_mia', name: 'Mia Member', email: 'mia@example.com' },
    parameters: { amr: ['mfa', 'sso:acme', 7, 'bad value!'] },
  };

  it('reads title, service, user and valid methods, counting the rest', () => {
    expect(parseAccessError(JSON.stringify(problem))).toEqual({
      kind: 'missing_methods',
      message: 'Access denied',
      service: 'console:acme',
      user: { name: 'Mia Member', id: 'usr_mia' },
      required: ['mfa', 'sso:acme'],
      unrecognised: 2,
    });
  });

  it('falls back to the e-mail for a person without a name; non-strings are dropped', () => {
    const doc = {
      ...problem,
      title: 5,
      service: null,
      user: { name: null, email: 'a@b.c', id: 9 },
    };
    expect(parseAccessError(JSON.stringify(doc))).toMatchObject({
      message: null,
      service: null,
      user: { name: 'a@b.c', id: null },
    });
    const nobody = { ...problem, user: { name: 3 } };
    expect(parseAccessError(JSON.stringify(nobody))?.user).toBeNull();
  });

  it('no methods is "no access"; another code, an array, null or broken JSON is not ours', () => {
    const none = { ...problem, parameters: { amr: 'mfa' } };
    expect(parseAccessError(JSON.stringify(none))).toMatchObject({
      kind: 'no_access',
      required: [],
      unrecognised: 0,
    });
    expect(parseAccessError(JSON.stringify({ ...problem, code: 'forbidden_role' }))).toBeNull();
    expect(parseAccessError('{"a":')).toBeNull();
    expect(parseAccessError('{}')).toBeNull();
  });
});

describe('parseAccessError: the exact shape of each pattern', () => {
  it('fields and bullets start their line; an amr value is whole', () => {
    expect(parseAccessError('Unexpected error: disk full\nService: app')).toBeNull();
    expect(parseAccessError('Detail: x\nnote - MFA')).toBeNull();
    expect(parseAccessError('Detail: x\n-MFA')?.required).toEqual(['mfa']);
    expect(parseAccessError('Parameters: {"amr":["!mfa"]}')).toMatchObject({
      required: [],
      unrecognised: 1,
    });
  });

  it('bullets before any field are not methods; a blank line does not end the Detail block', () => {
    expect(parseAccessError('- MFA\nError: Access denied')?.required).toEqual([]);
    const text = 'Detail: x\n - MFA\n\n - SSO, provider: acme';
    expect(parseAccessError(text)?.required).toEqual(['mfa', 'sso:acme']);
  });

  it('the id is in the last parentheses of the user', () => {
    expect(parseAccessError('Error: Access denied\nUser: Mia (a) (b)')?.user).toEqual({
      name: 'Mia (a)',
      id: 'b',
    });
  });

  it.each([
    ['- Multifactor authentication', 'mfa'],
    ['- Two factor', null],
    ['- Twofactor login', 'mfa'],
    ['- two-factor login', 'mfa'],
    ['- SSO, provider : acme', 'sso:acme'],
    ['- SSO provider acme', 'sso:acme'],
    ['- SSO, provider:acme', 'sso:acme'],
  ])('reads the bullet %j as %j', (bullet, amr) => {
    const parsed = parseAccessError(`Error: Access denied\nDetail: x\n${bullet}`);
    expect(parsed?.required).toEqual(amr ? [amr] : []);
  });

  it('JSON: without parameters or user, with a non-text service, after spaces, cut at 20,000', () => {
    const bare = JSON.stringify({ code: 'additional_authentication_required', service: 5 });
    expect(parseAccessError(`  ${bare}`)).toEqual({
      kind: 'no_access',
      message: null,
      service: null,
      user: null,
      required: [],
      unrecognised: 0,
    });
    const long = JSON.stringify({
      code: 'additional_authentication_required',
      pad: 'x'.repeat(20_000),
      parameters: { amr: ['mfa'] },
    });
    expect(parseAccessError(long)).toBeNull();
  });

  it('a Service line alone is not an access error', () => {
    expect(parseAccessError('Service: app-1\nUser: Mia (usr_mia)')).toBeNull();
  });
});
