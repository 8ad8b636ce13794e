import { describe, expect, it } from 'vitest';
import { parseAccessError } from './parse-access-error';

/**
 * What the troubleshooter strips around a pasted access error (prompts, prefixes, control
 * sequences) and how it reads the parts, case by case: each case would be read wrongly if one
 * piece of a pattern were missing.
 */
const ESC = '\u001b';
const BEL = '\u0007';
const message = (text: string) => parseAccessError(text)?.message;
const required = (text: string) => parseAccessError(text)?.required;
const LINE = 'Access denied: additional authentication is required';

describe('typed commands are not part of the error', () => {
  it.each([
    ['a path prompt', 'mia@laptop:~/app$ grep "access denied" log.txt'],
    ['a path prompt with a space', 'mia@laptop:~/app $ grep "access denied" log.txt'],
    ['a root prompt without a path', 'root@db1# grep "access denied" log.txt'],
    ['a dotted user and host', 'mia.m@ci-runner.acme.example:/srv% grep "access denied" x'],
    ['a bare $', '$ grep "access denied" log.txt'],
    ['PowerShell', 'PS C:\\Users\\mia> Select-String "access denied" log.txt'],
  ])('%s', (_, prompt) => {
    expect(message(`${prompt}\n${LINE}`)).toBe(LINE);
  });

  it('an indented prompt after other output', () => {
    expect(message(`Pushing to nimbus\n    $ grep "access denied" log.txt\n${LINE}`)).toBe(LINE);
  });

  it('a prompt-like part inside a line is text', () => {
    expect(message('Error: Access denied for mia@acme.example # ticket 4711')).toBe(
      'Access denied for mia@acme.example # ticket 4711',
    );
  });
});

describe('prefixes around copied lines are stripped, with or without a space after them', () => {
  it.each([
    'remote: Error: Access denied',
    'remote:Error: Access denied',
    '> Error: Access denied',
    '>Error: Access denied',
    '| Error: Access denied',
    '|Error: Access denied',
    '2026-11-30 12:00:01 Error: Access denied',
    '2026-11-30T12:00:01.250Z Error: Access denied',
    '[2026-11-30T12:00:01Z] Error: Access denied',
    '[2026-11-30T12:00:01Z]Error: Access denied',
    '[error] Error: Access denied',
    '[warn]Error: Access denied',
    'remote: > [err] Error: Access denied',
  ])('%j', (line) => {
    expect(message(line)).toBe('Access denied');
  });

  it.each(['remote:', '>', '|', '[2026-11-30T12:00:01Z]', '[error]'])(
    'a field right after %j is read as that field',
    (prefix) => {
      const text = `${prefix}Error: Access denied\n${prefix}Service: shop-main--app`;
      expect(parseAccessError(text)).toMatchObject({
        message: 'Access denied',
        service: 'shop-main--app',
      });
    },
  );

  it('only at the start of a line', () => {
    expect(message('Error: Access denied -> ask an admin | or a bot')).toBe(
      'Access denied -> ask an admin | or a bot',
    );
  });

  it('a terminal title sequence (OSC … BEL) goes whole', () => {
    expect(message(`${ESC}]0;mia@laptop: ~/app${BEL}Error: Access denied`)).toBe('Access denied');
  });
});

describe('fields and lists', () => {
  it('a field written with a space before its colon is split off a line', () => {
    expect(parseAccessError('Access denied. Service : shop-main--app')).toMatchObject({
      message: 'Access denied.',
      service: 'shop-main--app',
    });
  });

  it('amr in a log line, with spaces, quotes or none, and on the line after the message', () => {
    expect(required('Access denied amr = [mfa, sso:acme]')).toEqual(['mfa', 'sso:acme']);
    expect(required(`Access denied amr=[mfa, 'sso:acme', "hwk"]`)).toEqual([
      'mfa',
      'sso:acme',
      'hwk',
    ]);
    expect(required('Error: Access denied\namr=[mfa,sso:acme]')).toEqual(['mfa', 'sso:acme']);
  });

  it('a loose list: an empty item is nothing, a value with a quote inside is counted', () => {
    expect(parseAccessError('Access denied amr=[mfa, sso:acme, ]')).toMatchObject({
      required: ['mfa', 'sso:acme'],
      unrecognised: 0,
    });
    expect(parseAccessError(`Access denied amr=[mfa, sso:ac'me, "hwk"]`)).toMatchObject({
      required: ['mfa', 'hwk'],
      unrecognised: 1,
    });
  });

  it("a Python dump's list is read as JSON: a value that is no method is counted, not read", () => {
    expect(parseAccessError(`Access denied {'amr': ['mfa', 2]}`)).toMatchObject({
      required: ['mfa'],
      unrecognised: 1,
    });
  });

  it('a passkey requirement in the Detail bullets', () => {
    expect(
      required(
        'Error: Access denied\nDetail: Additional authentication is required:\n - A passkey or security key',
      ),
    ).toEqual(['hwk']);
  });

  it('the message is the line that says access was denied, not the lines after it', () => {
    expect(message(`${LINE}\nPlease contact your administrator.`)).toBe(LINE);
    expect(message('Access denied\nPermission denied (publickey).')).toBe('Access denied');
    expect(message('Access denied {"amr":["mfa"]}')).toBe('Access denied');
    expect(message('Access denied{"amr":["mfa"]}')).toBe('Access denied');
  });

  it('"additional authentication is required" alone is an access error', () => {
    expect(parseAccessError('Additional authentication is required')).toMatchObject({
      kind: 'no_access',
      message: 'Additional authentication is required',
    });
  });
});

describe('JSON', () => {
  it('an access problem document is read from its fields', () => {
    const doc = {
      type: 'https://docs.nimbus.example/problems/additional-authentication-required',
      title: 'Access denied',
      status: 403,
      code: 'additional_authentication_required',
      service: 'console:acme',
      user: { id: 'usr_mia', name: 'Mia Member', email: 'mia@example.com' },
      parameters: { amr: ['mfa', 'sso:acme'] },
    };
    expect(parseAccessError(JSON.stringify(doc))).toEqual({
      kind: 'missing_methods',
      message: 'Access denied',
      service: 'console:acme',
      user: { name: 'Mia Member', id: 'usr_mia' },
      required: ['mfa', 'sso:acme'],
      unrecognised: 0,
    });
  });

  it('JSON that is no problem document: read loosely when it has amr, else not an error', () => {
    expect(parseAccessError('{"error":"access denied","amr":["mfa"]}')?.required).toEqual(['mfa']);
    expect(parseAccessError('{"message":"additional authentication is required"}')).toBeNull();
    expect(parseAccessError('{"code":"forbidden_role","amr":["mfa"]}')).toBeNull();
  });

  it('a problem document cut short is read loosely, without a message', () => {
    expect(parseAccessError('{"title":"Access denied","parameters":{"amr":["mfa"]')).toMatchObject({
      message: null,
      required: ['mfa'],
    });
  });

  it('other errors are not access errors', () => {
    expect(parseAccessError('Error: disk full')).toBeNull();
    expect(parseAccessError('Everything up-to-date')).toBeNull();
  });
});
