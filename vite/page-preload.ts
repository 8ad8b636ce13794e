import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * Code-split pages, without the waterfall on a first load: index.html gets a small inline script
 * that, while the HTML is still being parsed, adds `<link rel="modulepreload">` for the chunks of
 * the page at the current address. The browser then downloads (and compiles) them alongside the
 * entry, instead of after the entry has run and the router has asked for them.
 *
 * `pages` maps route patterns (react-router syntax, `:param` segments) to page modules.
 * Without an inline-script allowance in a Content-Security-Policy the script simply does not run,
 * and pages load as before.
 */
export function pagePreload(pages: Record<string, string>): Plugin {
  let base = '/';
  return {
    name: 'nimbus:page-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }): HtmlTagDescriptor[] | undefined {
        if (!bundle) return;
        const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        if (!entry) return;
        const withEntry = closure(bundle, entry.fileName); // preloaded by Vite already
        const routes: [string, string[]][] = [];
        for (const [pattern, module] of Object.entries(pages)) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/${module}`));
          if (!chunk) throw new Error(`page-preload: no chunk for ${module}`);
          const files = [...closure(bundle, chunk.fileName)].filter((f) => !withEntry.has(f));
          routes.push([toRegExp(pattern), files.map((f) => base + f)]);
        }
        const script = `(function(r){var p=location.pathname;for(var i=0;i<r.length;i++)if(new RegExp(r[i][0]).test(p)){r[i][1].forEach(function(h){var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)});return}})(${JSON.stringify(routes)})`;
        return [{ tag: 'script', children: script, injectTo: 'head-prepend' }];
      },
    },
  };
}

/** A chunk and every chunk it imports statically, transitively. */
function closure(bundle: OutputBundle, fileName: string, seen = new Set<string>()): Set<string> {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const dep of chunk.imports) closure(bundle, dep, seen);
  return seen;
}

/** `/orgs/:orgSlug/settings/security` → `^/orgs/[^/]+/settings/security/?$` */
export function toRegExp(pattern: string): string {
  const body = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return `^${body}/?$`;
}
