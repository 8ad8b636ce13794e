import { describe, expect, it } from 'vitest';
import { readCode } from './code-entry';

describe('readCode', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    [' 12 34-56 ', '123456'],
    ['123\u00a0456', '123456'],
  ])('reads the app code %j as %j', (typed, code) => {
    expect(readCode('code', typed)).toEqual({ proof: { code }, problem: null });
  });

  it.each([
    ['', 'Enter the 6-digit code from your authenticator app.'],
    [' - ', 'Enter the 6-digit code from your authenticator app.'],
    ['12345', 'The code must be exactly 6 digits; this one has 5.'],
    ['123 4567', 'The code must be exactly 6 digits; this one has 7.'],
    ['12ab56', 'The code must contain digits 0–9 only.'],
    ['１２３４５６', 'The code must contain digits 0–9 only.'],
  ])('says what is wrong with the app code %j', (typed, problem) => {
    expect(readCode('code', typed)).toEqual({ proof: null, problem });
  });

  it.each([
    ['abcd-efgh-ijkl-mnop', 'abcdefghijklmnop'],
    ['ABCD EFGH IJKL MNOP', 'abcdefghijklmnop'],
    ['  AbCd-eFgH ijkl-MNOP  ', 'abcdefghijklmnop'],
  ])('reads the recovery code %j as %j, leaving its characters to the server', (typed, code) => {
    expect(readCode('recovery', typed)).toEqual({ proof: { recoveryCode: code }, problem: null });
  });

  it('asks for a recovery code when only separators were typed', () => {
    expect(readCode('recovery', ' - ')).toEqual({
      proof: null,
      problem: 'Enter one of your recovery codes.',
    });
  });
});
