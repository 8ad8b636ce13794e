import { renderToStaticMarkup } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { ColorSchemeScript } from '@mantine/core';
import { parameters } from '@/api/contract-values';
import { earlyRequestsScript } from './early-requests';
import { controlName, HANDOFF_GLOBAL, PRERENDERED_NODE } from './handoff';
import { AppRoot } from './mount';
import { createAppRouter, preloadPages } from '../router';

/**
 * Build-time pre-rendering (the production build's `nimbus:prerender` plugin runs this in Node).
 *
 * The first page used to stay blank until the JS had run, rendered and laid out (about 1 s with
 * the CPU throttled 4×). Now index.html carries, per page below, the HTML of its first render as
 * React would produce it before anything is loaded: the console's frame, the headings, the static
 * text and the skeletons. Nothing personal is in it (no session, no names, no data): the same HTML
 * serves everyone. An inline script puts the one matching the address into #root before the first
 * paint, and the app renders over it once the page's code and data are in (mount.tsx).
 *
 * `:orgSlug` is rendered as SLUG_PLACEHOLDER and filled in by the inline script, in text and
 * attributes, through the DOM (never as HTML), and only for a slug of [a-z0-9-].
 */
export const SLUG_PLACEHOLDER = 'org-slug-placeholder';

/** The contract's `orgSlug` (its pattern without the anchors): the only slugs filled in. */
const SLUG = parameters.OrgSlug.schema.pattern.replace(/^\^|\$$/g, '');

/**
 * `code`: the modules (and, through the build's chunk graph, everything they import) that the
 * page renders on a first visit, loaded one after the other without this list (the entry imports
 * the page, the page its lazy sections). The inline script preloads them all with the entry, so
 * the page's code is in when the entry has run, not a round trip per level later. (The build
 * fails if one of them is not a chunk of its own.) Not its dialogs: they load once the data is
 * on screen, and count in the first page's JS if they come before.
 */
export const PRERENDERED_PAGES = [
  {
    id: 'profile-security',
    path: '/profile/security',
    code: ['src/app/routes/profile-security.tsx'],
  },
  {
    id: 'org-security',
    path: '/orgs/:orgSlug/settings/security',
    code: ['src/app/routes/org-security.tsx', 'src/features/member-security/member-security.tsx'],
  },
] as const;

/** Per page id, the JS files to preload with the entry. */
export type PageFiles = Record<string, string[]>;

/** The HTML of the page's first render, at `path` with `:orgSlug` as the placeholder. */
export async function prerenderPage(path: string): Promise<string> {
  await preloadPages(); // lazy pages render complete, as they do after mount.tsx waits for them
  const app = createAppRouter({ serverPath: path.replace(':orgSlug', SLUG_PLACEHOLDER) });
  const { prelude } = await prerender(
    <AppRoot app={app} />,
    // One piece of HTML: no boundary streamed later with a script (the template's never run).
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  return new Response(prelude).text();
}

/** The inline script that starts the page's first requests (early-requests.ts), for this build's API. */
export function earlyScript(): string {
  return earlyRequestsScript(`${(import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '')}/api`);
}

/** Mantine's own script that sets the colour scheme before the first paint (light, dark, auto). */
export function colorSchemeScript(): string {
  return renderToStaticMarkup(<ColorSchemeScript defaultColorScheme="auto" />);
}

/**
 * The inline script: the template whose route matches the address (no query string: those pages
 * can render differently, e.g. "Set up MFA to continue") goes into #root, with the organization's
 * slug filled in as text and attribute values, never parsed as HTML.
 *
 * It also starts the app's `entry` module (downloading since <head>, a modulepreload). With a
 * pre-rendered page, only after the next frame: otherwise the JS, ready as soon as the CSS is,
 * often ran first and kept the page off screen for its ~300 ms of evaluation (4x CPU throttling).
 */
export function pickPageScript(entry = '', files: PageFiles = {}): string {
  const routes = PRERENDERED_PAGES.map((page) => [
    page.id,
    `^${page.path.replace(':orgSlug', `(${SLUG})`)}$`,
  ]);
  return `(function () {
  var routes = ${JSON.stringify(routes)}, placeholder = ${JSON.stringify(SLUG_PLACEHOLDER)};
  var marker = ${JSON.stringify(PRERENDERED_NODE)}, handoff = ${JSON.stringify(HANDOFF_GLOBAL)};
  var controlName = ${controlName.toString()};
  var entry = ${JSON.stringify(entry)}, files = ${JSON.stringify(files)}, started = false, picked = null;
  function start() {
    if (started || !entry) return;
    started = true;
    var code = (picked && files[picked]) || [];
    for (var k = 0; k < code.length; k++) {
      var link = document.createElement("link");
      if (code[k].slice(-4) === ".css") link.rel = "stylesheet";
      else {
        link.rel = "modulepreload";
        link.crossOrigin = "";
      }
      link.setAttribute("href", code[k]); // as Vite's loader looks for it: link[href="/assets/…"]
      document.head.appendChild(link);
    }
    var script = document.createElement("script");
    script.type = "module";
    script.crossOrigin = "";
    script.src = entry;
    document.head.appendChild(script);
  }
  if (pick()) {
    if (document.visibilityState === "hidden") start(); // no frames in a background tab
    else requestAnimationFrame(function () { setTimeout(start, 0); });
    document.addEventListener("visibilitychange", start);
  } else start();

  function pick() {
    var root = document.getElementById("root");
    if (!root || location.search) return false;
    for (var i = 0; i < routes.length; i++) {
      var match = new RegExp(routes[i][1]).exec(location.pathname);
      var template = match && document.getElementById("prerender-" + routes[i][0]);
      if (!template) continue;
      var page = template.content.cloneNode(true), slug = match[1];
      if (slug) {
        var walker = document.createTreeWalker(page, 5);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.nodeType === 3) node.data = node.data.split(placeholder).join(slug);
          else for (var j = 0; j < node.attributes.length; j++) {
            var attribute = node.attributes[j];
            attribute.value = attribute.value.split(placeholder).join(slug);
          }
        }
      }
      for (var child = page.firstElementChild; child; child = child.nextElementSibling) {
        child.setAttribute(marker, "");
      }
      root.appendChild(page);
      root.setAttribute("data-prerendered", routes[i][0]);
      // Until the app has rendered over it, what the person does here is written down, and the
      // app does it again (handoff.ts).
      var early = (window[handoff] = { values: {} });
      function control(event, selector) {
        var target = event.target instanceof Element ? event.target.closest(selector) : null;
        return target && target.closest("[" + marker + "]") ? target : null;
      }
      root.addEventListener("click", function (event) {
        var button = control(event, "button");
        if (button) early.click = controlName(button);
      }, true);
      root.addEventListener("input", function (event) {
        var field = control(event, "input, textarea");
        if (field) early.values[controlName(field)] = field.value;
      }, true);
      root.addEventListener("focusin", function (event) {
        var focused = control(event, "button, input, textarea, select");
        if (focused) early.focus = controlName(focused);
      }, true);
      picked = routes[i][0];
      return true;
    }
    return false;
  }
})();`;
}
