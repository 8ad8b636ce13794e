import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, ResolvedConfig, Rollup } from 'vite';
import { unstyledClasses } from './mantine-css-plugin.ts';

type PrerenderModule = typeof import('../src/app/first-load/prerender.tsx');

const ENTRY = 'src/app/first-load/prerender.tsx';

/**
 * Production builds only (mocks off): after the client build, build src/app/first-load/prerender.tsx for
 * Node with the same config, render each page of PRERENDERED_PAGES in its "nothing loaded yet"
 * state, and write it into index.html as a <template>, with the inline script that puts the one
 * matching the address into #root before the first paint. The app renders over it (src/app/first-load/mount.tsx).
 */
export function prerender(): Plugin {
  let config: ResolvedConfig;
  let bundle: Rollup.OutputBundle = {};
  return {
    name: 'nimbus:prerender',
    apply: (userConfig, env) => env.command === 'build' && !userConfig.build?.ssr,
    configResolved(resolved) {
      config = resolved;
    },
    // The bundle as written (after Vite has dropped the chunks that were only CSS).
    writeBundle(_options, output) {
      bundle = output;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const ssrDir = join(config.root, 'node_modules/.cache/nimbus-prerender');
      const { build } = await import('vite');
      await build({
        configFile: config.configFile,
        root: config.root,
        mode: config.mode,
        logLevel: 'warn',
        build: { ssr: ENTRY, outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
      });
      try {
        const ssrEntry = pathToFileURL(join(ssrDir, 'prerender.js')).href;
        const mod = (await import(`${ssrEntry}?build=${Date.now()}`)) as PrerenderModule;
        const templates: string[] = [];
        for (const page of mod.PRERENDERED_PAGES) {
          const markup = await mod.prerenderPage(page.path);
          // A template's scripts never run: a boundary React left pending or streams later, or
          // any script, would stay hidden or broken in the page.
          if (/<script|<!--\$[?!]/.test(markup)) {
            throw new Error(`pre-render of ${page.path} is not one complete piece of HTML`);
          }
          templates.push(`<template id="prerender-${page.id}">${markup}</template>`);
        }
        const file = join(outDir, 'index.html');
        const index = readFileSync(file, 'utf8');
        const root = '<div id="root"></div>';
        // The entry is started by the inline script (see pickPageScript); here it only downloads.
        const entryTag = /<script type="module" crossorigin src="([^"]+)"><\/script>/;
        const entry = entryTag.exec(index)?.[1];
        if (!entry || !index.includes(root) || !index.includes('<head>')) {
          throw new Error(`${file} has no ${root}, <head> or module entry`);
        }
        const html = index
          // First in <head>: a script after the stylesheet would wait for it.
          .replace(
            '<head>',
            `<head>\n    <script>${mod.earlyScript()}</script>\n    ${mod.colorSchemeScript()}`,
          )
          .replace(entryTag, `<link rel="modulepreload" crossorigin href="${entry}">`)
          .replace(
            root,
            `${root}\n    ${templates.join('\n    ')}\n    <script>${mod.pickPageScript(entry, pageFiles(config, bundle, mod.PRERENDERED_PAGES))}</script>`,
          );
        // Mantine's styles come per component: the entry's must cover what these pages show.
        const linked = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)];
        const css = linked.map(([, href]) => readFileSync(join(outDir, href ?? ''), 'utf8'));
        const unstyled = unstyledClasses(templates.join(''), css.join('\n'));
        if (unstyled.length > 0) {
          throw new Error(
            `the pre-rendered pages use Mantine classes that index.html's CSS does not define ` +
              `(${unstyled.join(', ')}): import their components' styles in src/app/app.tsx`,
          );
        }
        writeFileSync(file, html);
        const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
        config.logger.info(
          `pre-rendered ${mod.PRERENDERED_PAGES.map((page) => page.path).join(', ')} into ` +
            `index.html: ${kB(Buffer.byteLength(html))} │ gzip: ${kB(gzipSync(html).length)}`,
        );
      } finally {
        rmSync(ssrDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Each pre-rendered page's files as the browser asks for them (`base`-relative URLs): the CSS of
 * its chunks, then the chunks (its `code` modules and what they import), less what the entry
 * already loads. The CSS too: Vite's loader asks for a chunk's CSS only when the entry imports
 * it, and waits for it before the import resolves (it was the last thing the first render
 * waited for, 150-250 ms after the JS). A stylesheet already in the page is not asked for again.
 */
function pageFiles(
  config: ResolvedConfig,
  bundle: Rollup.OutputBundle,
  pages: PrerenderModule['PRERENDERED_PAGES'],
): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (roots: Rollup.OutputChunk[]) => {
    const seen = new Set<string>();
    const visit = (chunk: Rollup.OutputChunk) => {
      if (seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const file of chunk.imports) {
        const child = byFile.get(file);
        if (child) visit(child);
      }
    };
    roots.forEach(visit);
    return seen;
  };
  const entry = closure(chunks.filter((c) => c.isEntry));
  return Object.fromEntries(
    pages.map((page) => {
      const roots = page.code.map((module) => {
        const id = resolve(config.root, module);
        const chunk = chunks.find((c) => c.facadeModuleId === id);
        if (!chunk) throw new Error(`${module} (code of ${page.path}) is not a chunk of its own`);
        return chunk;
      });
      const files = [...closure(roots)].filter((file) => !entry.has(file));
      const cssOf = (files: Iterable<string>) =>
        new Set(
          [...files].flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]),
        );
      const entryCss = cssOf(entry);
      const css = [...cssOf(files)].filter((file) => !entryCss.has(file));
      return [page.id, [...css, ...files].map((file) => `${config.base}${file}`)];
    }),
  );
}
