/**
 * Answers to requests that index.html started before the app's code had loaded (the production
 * build's inline script, src/app/first-load/early-requests.ts): the app adopts them instead of asking again.
 * Each is taken once, by the first GET of the same address (query parameters in any order), and
 * only while the first page starts; later requests go to the network as usual.
 */
export const EARLY_GLOBAL = '__nimbusEarly';

/** How long after navigation an early answer may be adopted (a page opened in a background tab
 * may start much later than its HTML; an answer older than this is asked for again). */
const ADOPT_WITHIN_MS = 30_000;

declare global {
  interface Window {
    [EARLY_GLOBAL]?: Record<string, Promise<Response> | undefined>;
  }
}

/** The same address whatever the order of its query parameters. */
export function earlyKey(url: string): string {
  const parsed = new URL(url, globalThis.location?.href ?? 'http://localhost/');
  parsed.searchParams.sort();
  return parsed.href;
}

/** True when index.html started this page's requests (the app need not wait to send its own). */
export function hasEarlyAnswers(): boolean {
  return Object.keys(globalThis.window?.[EARLY_GLOBAL] ?? {}).length > 0;
}

/**
 * True when index.html asked for `url` and its answer is still to be adopted: the inline script
 * asks for an organization's lists only once it knows the person may see them, so the page need
 * not wait to know it too before adopting them.
 */
export function hasEarlyAnswer(url: string): boolean {
  const early = globalThis.window?.[EARLY_GLOBAL];
  return early !== undefined && performance.now() <= ADOPT_WITHIN_MS && earlyKey(url) in early;
}

export function takeEarlyAnswer(request: Request): Promise<Response> | undefined {
  const early = globalThis.window?.[EARLY_GLOBAL];
  if (!early || request.method !== 'GET') return undefined;
  if (performance.now() > ADOPT_WITHIN_MS) {
    delete window[EARLY_GLOBAL];
    return undefined;
  }
  const key = earlyKey(request.url);
  const answer = early[key];
  delete early[key];
  return answer;
}
