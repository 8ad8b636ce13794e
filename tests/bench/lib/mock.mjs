import { percentile, median } from './stats.mjs';

/** The list requests the User security settings page makes: pages, sorts, searches, filters. */
const QUERIES = [
  'page=1&perPage=25&sort=name',
  'page=1&perPage=25&sort=-name',
  'page=1&perPage=25&sort=mfa',
  'page=1&perPage=25&sort=-lastRemindedAt',
  'page=1&perPage=25&sort=email&mfa=disabled',
  'page=1&perPage=25&sort=name&q=fischer',
  'page=1&perPage=25&sort=name&q=usr_none_matches',
  'page=2&perPage=25&sort=name',
  'page=2000&perPage=25&sort=-email',
  'page=10&perPage=100&sort=role',
];

/**
 * Median and p95 of one list request at the mock server itself (over loopback HTTP, with the
 * session cookie), so the UI figures can be told apart from the server's.
 */
export async function measureMockList({ mockUrl, storageState, orgSlug, rounds = 10 }) {
  const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const get = async (query) => {
    const started = performance.now();
    const response = await fetch(`${mockUrl}/api/orgs/${orgSlug}/members?${query}`, {
      headers: { cookie },
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`members?${query}: ${response.status}`);
    return performance.now() - started;
  };
  const first = await get(QUERIES[0]); // may build the member index
  for (const q of QUERIES) await get(q); // warm-up
  const times = [];
  for (let r = 0; r < rounds; r++) for (const q of QUERIES) times.push(await get(q));
  return { first, median: median(times), p95: percentile(times, 95), requests: times.length };
}
