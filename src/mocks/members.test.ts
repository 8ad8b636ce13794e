import { describe, expect, it } from 'vitest';
import { call, signInAs } from '../../tests/api';
import { db } from './db';
import { csvCell } from './member-csv';

interface MemberJson {
  id: string;
  name: string | null;
  email: string;
  role: string;
  mfaEnabled: boolean;
  lastRemindedAt: string | null;
}
const items = (json: Record<string, unknown>) => json.items as MemberJson[];
const label = (m: MemberJson) => (m.name ?? m.email).normalize('NFKC').toLowerCase();

describe('member summary API', () => {
  it('counts who has MFA in Acme Corp, and who lacks it by role', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members/summary');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total: 48, mfaEnabled: 29, withoutMfa: 19 });
    const byRole = res.json.withoutMfaByRole as Record<'owner' | 'admin' | 'member', number>;
    expect(byRole.owner + byRole.admin + byRole.member).toBe(19);
  });

  it('counts Initech’s 100,000 members', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/initech/members/summary');
    expect(res.json.total).toBe(100_000);
    expect(res.json.mfaEnabled as number).toBeGreaterThan(69_000);
    expect(res.json.mfaEnabled as number).toBeLessThan(71_000);
  });

  it('follows a change of someone’s MFA without a stale cached count', async () => {
    await signInAs('olivia');
    await call('GET', '/orgs/acme/members/summary');
    const adam = db.users.get('usr_adam');
    if (!adam) throw new Error('seed');
    adam.mfa = { secret: 'X', enabledAt: 0, lastUsedStep: 0, recoveryCodeHashes: [] };
    expect((await call('GET', '/orgs/acme/members/summary')).json.mfaEnabled).toBe(30);
  });

  it('refuses a plain member with 403 forbidden_role', async () => {
    await signInAs('mia');
    const res = await call('GET', '/orgs/acme/members/summary');
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden_role');
  });
});

describe('member list API', () => {
  it('answers the first page of 25, sorted by name, with the total', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total: 48, page: 1, perPage: 25 });
    const list = items(res.json);
    expect(list).toHaveLength(25);
    const names = list.map(label);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('returns the rest on the last page and nothing past it', async () => {
    await signInAs('olivia');
    expect(items((await call('GET', '/orgs/acme/members?page=2')).json)).toHaveLength(23);
    const past = await call('GET', '/orgs/acme/members?page=3');
    expect(past.status).toBe(200);
    expect(past.json).toMatchObject({ total: 48, items: [] });
  });

  it('searches name or e-mail, case-insensitively', async () => {
    await signInAs('olivia');
    const byName = items((await call('GET', '/orgs/acme/members?q=MIA%20mem')).json);
    expect(byName.map((m) => m.email)).toEqual(['mia@example.com']);
    const byEmail = items((await call('GET', '/orgs/acme/members?q=adam%40example')).json);
    expect(byEmail.map((m) => m.name)).toEqual(['Adam Admin']);
  });

  it('filters by MFA status and role together', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members?mfa=disabled&role=admin&perPage=100');
    const list = items(res.json);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((m) => !m.mfaEnabled && m.role === 'admin')).toBe(true);
    expect(res.json.total).toBe(list.length);
  });

  it('sorts by role (owners first) and descending by e-mail', async () => {
    await signInAs('olivia');
    const byRole = items((await call('GET', '/orgs/acme/members?sort=role&perPage=100')).json);
    expect(byRole[0]?.role).toBe('owner');
    expect(byRole.at(-1)?.role).toBe('member');
    const byEmail = items((await call('GET', '/orgs/acme/members?sort=-email&perPage=100')).json);
    const emails = byEmail.map((m) => m.email.toLowerCase());
    expect(emails).toEqual([...emails].sort().reverse());
  });

  it('sorts by last reminded, most recent first, never-reminded last', async () => {
    await signInAs('olivia');
    const list = items((await call('GET', '/orgs/acme/members?sort=-lastRemindedAt')).json);
    expect(list[0]?.lastRemindedAt).not.toBeNull();
    expect(list[1]?.lastRemindedAt).toBeNull();
  });

  it('shows seeded awkward names exactly as stored, as data', async () => {
    await signInAs('olivia');
    const list = items((await call('GET', '/orgs/acme/members?perPage=100')).json);
    expect(list.some((m) => m.name?.includes('<'))).toBe(true);
    expect(list.some((m) => m.name === null)).toBe(true);
  });

  it.each([
    ['page=-1', 'page'],
    ['page=0', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['perPage=100000', 'perPage'],
    ['perPage=7', 'perPage'],
    ['sort=password', 'sort'],
    ['mfa=maybe', 'mfa'],
    ['role=superuser', 'role'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['page=1&page=2', 'page'],
  ])('rejects %s with 400 naming the parameter', async (query, parameter) => {
    await signInAs('olivia');
    const res = await call('GET', `/orgs/acme/members?${query}`);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'invalid_parameter', parameters: { parameter } });
  });

  it('refuses a plain member with 403 forbidden_role', async () => {
    await signInAs('mia');
    const res = await call('GET', '/orgs/acme/members');
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden_role');
  });

  it('answers 404 for an organization the person does not belong to', async () => {
    await signInAs('adam');
    expect((await call('GET', '/orgs/initech/members')).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await call('GET', '/orgs/acme/members')).status).toBe(401);
  });

  it('pages through Initech’s 100,000 with filter and sort on the server', async () => {
    await signInAs('olivia');
    const res = await call(
      'GET',
      '/orgs/initech/members?mfa=disabled&sort=-name&page=400&perPage=50',
    );
    expect(res.status).toBe(200);
    const list = items(res.json);
    expect(list).toHaveLength(50);
    expect(list.every((m) => !m.mfaEnabled)).toBe(true);
    expect(res.json.total as number).toBeGreaterThan(29_000);
  });
});

describe('member CSV export', () => {
  it('escapes formulas, commas, quotes and line breaks for spreadsheets', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('exports the current filter with a header row and one line per match', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members.csv?mfa=disabled');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/csv');
    expect(res.headers.get('Content-Disposition')).toContain('acme-members.csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('name,email,role,mfa_enabled,last_reminded_at,methods');
    expect(lines.filter((l) => l.includes(',false,'))).toHaveLength(19);
  });

  it('makes a seeded name that starts a formula inert', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members.csv');
    expect(res.text).not.toMatch(/(^|\r\n|,)[=+@]/);
  });

  it('streams all 100,000 Initech members in chunks', async () => {
    await signInAs('olivia');
    const response = await fetch('http://localhost/api/orgs/initech/members.csv');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(10);
    expect(text.trimEnd().split('\r\n')).toHaveLength(100_001);
  });

  it('validates the filter like the list', async () => {
    await signInAs('olivia');
    const res = await call('GET', '/orgs/acme/members.csv?role=root');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ parameters: { parameter: 'role' } });
  });

  it('refuses a plain member', async () => {
    await signInAs('mia');
    expect((await call('GET', '/orgs/acme/members.csv')).status).toBe(403);
  });
});
