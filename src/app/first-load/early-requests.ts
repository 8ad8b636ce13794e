import { EARLY_GLOBAL } from '@/api/early';

/**
 * The first requests of each pre-rendered page. They depend only on the address, the session
 * cookie and, for an organization's lists, the person's role there, so index.html can start them
 * before the app's code has loaded (about 1 s at 4× CPU throttling); the app then adopts the
 * answers (src/api/early.ts) instead of asking after its code has run, the session has answered
 * and each section has mounted. `:slug` is the organization of the address.
 *
 * `granted` go out once GET /orgs has answered that the person's session meets the
 * organization's requirements (otherwise the page shows why it is refused and asks nothing
 * more), `managers` once it has answered that they are an owner or admin there, as the page
 * itself decides (routes/org-security.tsx): for anyone else the server refuses them, and neither
 * the page nor this script asks.
 *
 * A test opens each page after this script, as an owner, a member and someone refused, and checks
 * that the app asked for exactly these and nothing twice (early-requests.test.tsx): the list
 * cannot drift from what the pages request.
 */
export const EARLY_REQUESTS = {
  profile: {
    all: ['/me', '/me/mfa', '/session', '/orgs', '/me/passkeys', '/me/security-activity?limit=10'],
    granted: [],
    managers: [],
  },
  org: {
    all: ['/orgs/:slug/security', '/orgs', '/session'],
    granted: ['/orgs/:slug/mfa-schedule'],
    managers: [
      '/orgs/:slug/members/summary',
      // The list's first page as it opens without a query string (view-params.ts defaults).
      '/orgs/:slug/members?page=1&perPage=25&sort=name',
      '/orgs/:slug/reminder-jobs?status=recent',
      '/orgs/:slug/mfa-reset-requests',
      '/orgs/:slug/security-events?page=1&perPage=10',
    ],
  },
} as const;

/**
 * The inline script for the top of <head> (production builds; in the dev server the mock's
 * service worker is not running yet at that point, so it is not used there). Only for the two
 * pre-rendered addresses without a query string (a query string changes what the page asks for
 * first, e.g. a filtered list), and only for a slug of [a-z0-9-]. Answers are adopted once; one
 * that nobody adopts is dropped.
 */
export function earlyRequestsScript(apiBase: string): string {
  return `(function () {
  if (location.search || typeof fetch !== "function") return;
  var requests = ${JSON.stringify(EARLY_REQUESTS)}, base = ${JSON.stringify(apiBase)};
  var org = /^\\/orgs\\/([a-z0-9][a-z0-9-]{0,62})\\/settings\\/security$/.exec(location.pathname);
  var page = location.pathname === "/profile/security" ? requests.profile : org ? requests.org : null;
  if (!page) return;
  var slug = org ? org[1] : "", early = (window[${JSON.stringify(EARLY_GLOBAL)}] = {});
  function start(path) {
    var url = new URL(base + path.replace(":slug", slug), location.href);
    url.searchParams.sort();
    var answer = fetch(url.href, { credentials: "include" });
    answer.catch(function () {}); // adopted, the app sees the failure; not adopted, nobody does
    return (early[url.href] = answer);
  }
  for (var i = 0; i < page.all.length; i++) {
    var answer = start(page.all[i]);
    if (page.all[i] !== "/orgs" || !org) continue;
    answer
      .then(function (response) { return response.ok ? response.clone().json() : null; })
      .then(function (orgs) {
        var items = (orgs && orgs.items) || [], mine = null;
        for (var j = 0; j < items.length; j++) if (items[j].slug === slug) mine = items[j];
        if (!mine || !mine.access || !mine.access.granted) return;
        var more = mine.role === "member" ? page.granted : page.granted.concat(page.managers);
        for (var k = 0; k < more.length; k++) start(more[k]);
      })
      .catch(function () {});
  }
})();`;
}
