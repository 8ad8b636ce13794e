// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';

describe('the API contract', () => {
  it('generated types match src/api/openapi.yaml (run `npm run gen:api` after editing it)', async () => {
    const yaml = new URL('../../src/api/openapi.yaml', import.meta.url);
    const generated = astToString(await openapiTS(yaml));
    const committed = readFileSync(new URL('../../src/api/schema.d.ts', import.meta.url), 'utf8');
    const strip = (s: string) => s.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
    expect(strip(committed)).toBe(strip(generated));
  });
});
