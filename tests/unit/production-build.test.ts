// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

/** Every file of a production build (mocks off, the default for `npm run build`). */
const outDir = mkdtempSync(join(tmpdir(), 'nimbus-prod-'));
const files: { path: string; text: string }[] = [];

function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push({ path: path.slice(outDir.length + 1), text: readFileSync(path, 'utf8') });
  }
}

beforeAll(async () => {
  await build({ mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  walk(outDir);
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production build', () => {
  it('ships no MSW worker or mock backend code', () => {
    expect(files.map((f) => f.path)).not.toContain('mockServiceWorker.js');
    for (const f of files) {
      for (const marker of [
        'mockServiceWorker',
        'setupWorker',
        'nimbus-mock-backend',
        '__mock/',
        'Development tools',
        'Dev tools',
      ]) {
        expect(f.text.includes(marker), `${marker} in ${f.path}`).toBe(false);
      }
    }
  });

  it('contains no demo secret, password or recovery code', () => {
    for (const f of files) {
      for (const secret of [
        'JBSWY3DPEHPK3PXP',
        'KRSXG5CTMVRXEZLU',
        'nimbus-demo',
        'olivia@example.com',
      ]) {
        expect(f.text.includes(secret), `${secret} in ${f.path}`).toBe(false);
      }
    }
  });

  it('still contains the app itself', () => {
    expect(files.some((f) => f.path.endsWith('.js') && f.text.includes('Verify & save'))).toBe(
      true,
    );
  });
});

describe('page preloading (vite/page-preload.ts)', () => {
  const html = () => files.find((f) => f.path === 'index.html')?.text ?? '';
  /** The inline script's table: [pattern, chunk URLs][] */
  const table = (): [string, string[]][] => {
    const match = /\}\)\((\[\[.*\]\])\)<\/script>/.exec(html());
    return match ? JSON.parse(match[1] ?? '[]') : [];
  };

  it('preloads the chunks of the page at the address, before the entry runs', () => {
    const at = (path: string) => table().find(([pattern]) => new RegExp(pattern).test(path))?.[1];
    const profile = at('/profile/security');
    expect(profile?.some((u) => /\/assets\/profile-security-[\w-]+\.js$/.test(u))).toBe(true);
    expect(at('/orgs/acme/settings/security')?.some((u) => u.includes('/org-security-'))).toBe(
      true,
    );
    expect(at('/sign-in')?.some((u) => u.includes('/sign-in-'))).toBe(true);
    expect(at('/')).toEqual(profile);
    expect(at('/orgs/acme/settings/security/extra')).toBeUndefined();
    // Every URL is a file of the build; none of the entry's own chunks is listed twice.
    const names = new Set(files.map((f) => `/${f.path}`));
    for (const [, urls] of table()) for (const url of urls) expect(names.has(url), url).toBe(true);
    expect(html().indexOf('modulepreload')).toBeLessThan(html().indexOf('type="module"'));
  });

  it('covers every code-split page of the router', () => {
    const router = readFileSync(join(__dirname, '../../src/app/router.tsx'), 'utf8');
    const pages = [...router.matchAll(/import\('\.\/routes\/([\w-]+)'\)/g)].map((m) => m[1]);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of new Set(pages))
      expect(table().some(([, urls]) => urls.some((u) => u.includes(`/${page}-`)))).toBe(true);
  });
});
