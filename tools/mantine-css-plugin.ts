import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Per-component Mantine styles (issue 17, point 5). Instead of all of `@mantine/core/styles.css`
 * (36 kB gzip) on the first page, each module of `src/` that imports Mantine components gets the
 * styles of those components, and of the components they render, imported at its top:
 *
 *   import { Button, Modal } from '@mantine/core';
 *   // becomes, in front of the module's own imports:
 *   import '@mantine/core/styles/baseline.css'; … import '@mantine/core/styles/Modal.css';
 *
 * So a chunk carries the styles of what it renders: a lazily loaded dialog brings Modal's, the
 * first page only its own. Order is Mantine's (the order of `styles.css`: baseline, variables,
 * global, then each component after the ones it builds on, UnstyledButton before Button, Input
 * before TextInput); every module asks for the full set it needs in that order, so the first
 * import of each file keeps the order across modules and chunks, and a module's own CSS comes
 * after Mantine's, as it did with `styles.css` first. An explicit `import
 * '@mantine/core/styles/X.css'` (styles that must be in the entry, for CSS that overrides them or
 * for pre-rendered HTML) gets X's dependencies in front of it the same way.
 *
 * What a component renders is read from Mantine's own ES modules: every `*.module.mjs` (its class
 * names) reachable through its imports, also across packages (@mantine/notifications → core).
 */
const GLOBAL = ['baseline', 'default-css-variables', 'global'];
const IMPORT = /(?:import|export)\s*(?:([\w$*\s{},]*?)\s*from\s*)?["']([^"']+)["']/g;
const NAMED = /import\s+(type\s+)?([\w$*\s{},]*?)\s*from\s*['"](@mantine\/[\w-]+)['"]/g;
const EXPLICIT = /import\s+['"]@mantine\/core\/styles\/(\w+)\.css['"]/g;

const names = (clause: string | undefined) =>
  (clause ?? '')
    .replace(/[{}]/g, '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => part.split(/\s+as\s+/)[0] ?? part);

export class MantineStyles {
  private readonly exports = new Map<string, Map<string, string>>();
  private readonly closures = new Map<string, Set<string>>();
  /** Component style names (`Button`) in the order of `styles.css`. */
  readonly order: string[];

  constructor(private readonly modules: string) {
    const core = join(modules, '@mantine/core');
    const all = readFileSync(join(core, 'styles.css'), 'utf8');
    const files = readdirSync(join(core, 'styles'))
      .filter((file) => file.endsWith('.css') && !file.endsWith('.layer.css'))
      .map((file) => file.slice(0, -'.css'.length));
    const at = new Map(
      files.map((name) => {
        const text = readFileSync(join(core, 'styles', `${name}.css`), 'utf8').trim();
        const index = all.indexOf(text);
        if (index < 0) throw new Error(`@mantine/core/styles/${name}.css is not in styles.css`);
        return [name, index] as const;
      }),
    );
    this.order = files.sort((a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0));
  }

  /** Exported name → its module file, from the package's esm/index.mjs. */
  private exportsOf(pkg: string): Map<string, string> {
    let map = this.exports.get(pkg);
    if (map) return map;
    map = new Map();
    const index = join(this.modules, pkg, 'esm/index.mjs');
    for (const [, clause, spec] of readFileSync(index, 'utf8').matchAll(IMPORT))
      if (spec?.startsWith('.'))
        for (const name of names(clause)) map.set(name, resolve(dirname(index), spec));
    this.exports.set(pkg, map);
    return map;
  }

  private walk(file: string, seen: Set<string>, out: Set<string>): void {
    if (seen.has(file)) return;
    seen.add(file);
    const styles = /[\\/](\w+)\.module\.mjs$/.exec(file)?.[1];
    if (styles && this.order.includes(styles)) out.add(styles);
    for (const [, clause, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!spec) continue;
      if (spec.startsWith('.')) this.walk(resolve(dirname(file), spec), seen, out);
      else if (spec.startsWith('@mantine/'))
        for (const name of names(clause)) {
          const target = this.exportsOf(spec).get(name);
          if (target) this.walk(target, seen, out);
        }
    }
  }

  /** The component styles `name` of `pkg` renders (unordered); empty for hooks and utilities. */
  stylesOf(pkg: string, name: string): Set<string> {
    const key = `${pkg}:${name}`;
    let out = this.closures.get(key);
    if (!out) {
      out = new Set();
      const file = this.exportsOf(pkg).get(name);
      if (file) this.walk(file, new Set(), out);
      this.closures.set(key, out);
    }
    return out;
  }

  /** The style files (without `.css`) a module's source asks for, in Mantine's order. */
  stylesFor(code: string): string[] {
    const wanted = new Set<string>();
    for (const [statement, type, clause, pkg] of code.matchAll(NAMED)) {
      if (type || !pkg || !existsSync(join(this.modules, pkg, 'esm/index.mjs'))) continue;
      if (/\*/.test(clause ?? ''))
        throw new Error(`${statement}: import Mantine components by name (per-component styles)`);
      for (const name of names(clause)) for (const s of this.stylesOf(pkg, name)) wanted.add(s);
    }
    for (const [, name] of code.matchAll(EXPLICIT)) {
      if (!name || GLOBAL.includes(name)) continue;
      if (!this.order.includes(name))
        throw new Error(`@mantine/core/styles/${name}.css is unknown`);
      wanted.add(name);
      for (const s of this.stylesOf('@mantine/core', name)) wanted.add(s);
    }
    if (wanted.size === 0) return [];
    return [...GLOBAL, ...this.order.filter((name) => !GLOBAL.includes(name) && wanted.has(name))];
  }
}

/**
 * Mantine classes (`m_…`) that `html` uses and `css` does not define: for the pre-rendered pages,
 * shown before any JS runs, with only the stylesheets index.html links (the entry's).
 */
export function unstyledClasses(html: string, css: string): string[] {
  const used = new Set(
    [...html.matchAll(/class="([^"]*)"/g)].flatMap(([, list]) => (list ?? '').split(/\s+/)),
  );
  const defined = new Set([...css.matchAll(/\.(m_[0-9a-f]+)(?![\w-])/g)].map(([, name]) => name));
  return [...used].filter((name) => /^m_[0-9a-f]+$/.test(name) && !defined.has(name)).sort();
}

export function mantineCss(): Plugin {
  let styles: MantineStyles;
  return {
    name: 'nimbus:mantine-css',
    enforce: 'pre',
    configResolved(config) {
      styles = new MantineStyles(join(config.root, 'node_modules'));
    },
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.tsx?$/.test(id.split('?')[0] ?? '') || !code.includes('@mantine/'))
        return null;
      const wanted = styles.stylesFor(code);
      if (wanted.length === 0) return null;
      // On the first line, so every other line keeps its number (source maps stay right).
      const imports = wanted.map((name) => `import '@mantine/core/styles/${name}.css';`).join('');
      return { code: imports + code, map: null };
    },
  };
}
