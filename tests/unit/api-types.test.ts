// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';
import { contractValuesSource, INPUT, OUTPUT } from '../../tools/gen-contract-values';

describe('the API contract', () => {
  it('generated types match src/api/openapi.yaml (run `npm run gen:api` after editing it)', async () => {
    const yaml = new URL('../../src/api/openapi.yaml', import.meta.url);
    const generated = astToString(await openapiTS(yaml));
    const committed = readFileSync(new URL('../../src/api/schema.d.ts', import.meta.url), 'utf8');
    const strip = (s: string) => s.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
    expect(strip(committed)).toBe(strip(generated));
  });

  it('generated contract values match src/api/openapi.yaml (run `npm run gen:api` after editing it)', async () => {
    const generated = await contractValuesSource(readFileSync(INPUT, 'utf8'), OUTPUT);
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generated);
  });

  it('a changed enumeration, limit or default in the contract changes the generated values', async () => {
    const yaml = readFileSync(INPUT, 'utf8');
    const edits: Array<[string, string, string]> = [
      [
        'enum: [10, 25, 50, 100], default: 25',
        'enum: [10, 25, 50, 200], default: 50',
        'enum: [10, 25, 50, 200], default: 50',
      ],
      [
        'reason: { type: string, maxLength: 500',
        'reason: { type: string, maxLength: 501',
        'reason: { maxLength: 501 }',
      ],
      ['enum: [now, 7d, 3d, 1d]', 'enum: [now, 14d, 7d, 3d, 1d]', "'14d'"],
      ['stringMaxLength: 400', 'stringMaxLength: 401', 'stringMaxLength: 401'],
    ];
    const committed = readFileSync(OUTPUT, 'utf8');
    for (const [from, to, appears] of edits) {
      expect(yaml).toContain(from);
      const stale = await contractValuesSource(yaml.replace(from, to), OUTPUT);
      expect(stale).not.toBe(committed);
      expect(stale).toContain(appears);
    }
  });
});
