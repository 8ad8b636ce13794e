import { describe, expect, it } from 'vitest';
import { parseAccessError } from './parse-access-error';

const ESC = '\u001b';

/**
 * Real-world pastes of the access error (issue 16, point 7): whatever surrounds it, the `amr`
 * list is read. Each case: the text, then the methods that must be read from it.
 */
const PASTES: [string, string, string[]][] = [
  [
    'one line, no "Error:"',
    'Access denied. Parameters: {"amr":["mfa","sso:acme"]}',
    ['mfa', 'sso:acme'],
  ],
  [
    'the source document, Detail bullets included',
    'Error: Access denied\nService: abcdefg123456-main-bvxea6i--app\nUser: Mia Member (usr_mia)\nParameters: {"amr":["mfa","sso:acme"]}\nDetail: Additional authentication is required:\n\t - Multi-factor authentication (MFA)\n\t - Single sign-on (SSO), provider: "acme"',
    ['mfa', 'sso:acme'],
  ],
  [
    'Detail bullets only (no Parameters line)',
    'Error: Access denied\nDetail: Additional authentication is required:\n   - Multi-factor authentication (MFA)',
    ['mfa'],
  ],
  [
    'Detail and its bullets on one line',
    'Error: Access denied Detail: Additional authentication is required: - Multi-factor authentication (MFA) - Single sign-on (SSO), provider: "acme"',
    ['mfa', 'sso:acme'],
  ],
  [
    'a shell prompt and colour codes around it',
    `mia@laptop:~/shop$ git push nimbus main\n${ESC}[1;31mError: Access denied${ESC}[0m\n${ESC}[2mService: shop-main--app${ESC}[0m\nParameters: {"amr":["mfa"]}\n${ESC}[0K`,
    ['mfa'],
  ],
  [
    "Git's remote: prefix",
    '$ git push\nremote: Error: Access denied\nremote: Service: shop-main--app\nremote: User: Mia Member (usr_mia)\nremote: Parameters: {"amr":["sso:acme"]}\nfatal: Could not read from remote repository.',
    ['sso:acme'],
  ],
  [
    'PowerShell with Windows line ends',
    'PS C:\\Users\\mia> nimbus ssh\r\nError: Access denied\r\nParameters: {"amr":["mfa"]}\r\n',
    ['mfa'],
  ],
  [
    'several lines without "Error:"',
    'Access denied\nService: shop-main--app\nUser: Mia Member (usr_mia)\nParameters: {"amr":["mfa","sso:acme"]}',
    ['mfa', 'sso:acme'],
  ],
  [
    'a log line with a time stamp',
    '2026-11-29T23:50:01Z ssh: access denied {"amr":["sso:acme"]}',
    ['sso:acme'],
  ],
  [
    'a Python dump with single quotes',
    "PermissionError: access denied, parameters={'amr': ['mfa']}",
    ['mfa'],
  ],
  ['quoted in a chat message', '> Error: Access denied\n> Parameters: {"amr":["mfa"]}', ['mfa']],
  [
    'the API problem document with text after it',
    '{"code":"additional_authentication_required","title":"Access denied","parameters":{"amr":["mfa"]}} (HTTP 403)',
    ['mfa'],
  ],
];

const paste = (i: number) => PASTES[i]?.[1] ?? '';

describe('parseAccessError reads real-world pastes', () => {
  it.each(PASTES)('%s', (_label, text, required) => {
    const parsed = parseAccessError(text);
    expect(parsed?.kind).toBe('missing_methods');
    expect(parsed?.required).toEqual(required);
  });

  it('keeps service and user when the lines have prefixes and colours', () => {
    const parsed = parseAccessError(paste(5));
    expect(parsed).toMatchObject({
      message: 'Access denied',
      service: 'shop-main--app',
      user: { name: 'Mia Member', id: 'usr_mia' },
    });
    expect(parseAccessError(paste(4))?.service).toBe('shop-main--app');
  });

  it('takes the one-line message without the JSON after it', () => {
    expect(parseAccessError(paste(0))?.message).toBe('Access denied.');
  });

  it('does not read a command typed at the prompt as the error', () => {
    expect(parseAccessError('$ echo "access denied"\nhello')).toBeNull();
  });
});
