// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, hashRecoveryCode } from '../credentials';
import { newRecoveryCode, normalizeRecoveryCode } from '../recovery-codes';

describe('recovery codes', () => {
  it('are 16 lower-case base32 characters in four groups, from the first 80 bits', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    const code = formatRecoveryCode(bytes);
    expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(formatRecoveryCode(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(
      'aaaa-aaaa-aaaa-aaaa',
    );
    expect(
      formatRecoveryCode(Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 255, 255])),
    ).toBe('7777-7777-7777-7777');
    // Only the first 10 bytes count.
    expect(formatRecoveryCode(bytes)).toBe(formatRecoveryCode(bytes.slice(0, 10)));
  });

  it('match whatever the case, spaces and dashes', () => {
    expect(normalizeRecoveryCode(' ABCD-efgh ijkl\tMNOP ')).toBe('abcdefghijklmnop');
    expect(hashRecoveryCode('usr_1', 'ABCD-EFGH-IJKL-MNOP')).toBe(
      hashRecoveryCode('usr_1', 'abcdefghijklmnop'),
    );
    expect(hashRecoveryCode('usr_1', 'abcdefghijklmnop')).not.toBe(
      hashRecoveryCode('usr_2', 'abcdefghijklmnop'),
    );
  });

  it('new codes: bytes outside the 31 symbols are drawn again; exactly 16 symbols', () => {
    // A byte's low 5 bits pick a symbol; 31 (as in 31, 63, 255) has none and is skipped.
    const passes = [
      Uint8Array.from([31, 63, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
      Uint8Array.from([255, 30, 33, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]),
    ];
    const asked: number[] = [];
    const random = (n: number) => {
      asked.push(n);
      const next = passes.shift();
      if (!next) throw new Error('drew more than needed');
      return next;
    };
    expect(newRecoveryCode(random)).toBe('2345-6789-abcd-efz3');
    expect(asked).toEqual([16, 16]);
  });
});
