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

  it("index.html preloads each pre-rendered page's code, every file of it there", () => {
    const index = files.find((f) => f.path === 'index.html')?.text ?? '';
    const listed = /files = (\{.*?\}), started/.exec(index)?.[1];
    const pages = JSON.parse(listed ?? '{}') as Record<string, string[]>;
    const chunk = (name: string) => new RegExp(`^/assets/${name}-[\\w-]+\\.js$`);
    expect(pages['org-security']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(chunk('org-security')),
        expect.stringMatching(chunk('member-security')),
      ]),
    );
    expect(pages['profile-security']).toEqual(
      expect.arrayContaining([expect.stringMatching(chunk('profile-security'))]),
    );
    // The CSS its chunks import (Vite's loader would otherwise ask for it only then, and wait),
    // and not the entry's, which index.html links already.
    expect(pages['org-security']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/assets\/member-security-[\w-]+\.css$/)]),
    );
    const linked = [...index.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const href of linked) expect(Object.values(pages).flat()).not.toContain(href);
    for (const file of Object.values(pages).flat()) {
      expect(files.map((f) => `/${f.path}`)).toContain(file);
    }
    // The entry's own chunk is not preloaded again.
    const entry = /<link rel="modulepreload" crossorigin href="([^"]+)">/.exec(index)?.[1];
    expect(entry).toBeDefined();
    expect(Object.values(pages).flat()).not.toContain(entry);
  });
});
