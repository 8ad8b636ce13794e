// @vitest-environment node
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOrgKey, queryKeys } from '@/api/query-keys';

const root = fileURLToPath(new URL('../..', import.meta.url));
const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, i) => key[i] === part);

describe('the cache-key tree', () => {
  const org = queryKeys.org;
  const perOrg = [
    org.security('acme'),
    org.eventsPage('acme', 2),
    org.schedule('acme'),
    org.adoption('acme', 'Europe/Berlin'),
    org.resetRequests('acme'),
    org.summary('acme'),
    org.memberList('acme', { page: 1 }),
    org.reminderPreview('acme', null),
    org.reminderHistory('acme', 'usr_mia'),
    org.activeJobs('acme'),
    org.job('acme', 'job_1'),
  ];

  it('puts everything about one organization under its prefix, which is not the list key', () => {
    for (const key of perOrg) {
      expect(isOrgKey(key, 'acme')).toBe(true);
      expect(isOrgKey(key, 'acm')).toBe(false);
      expect(startsWith(key, queryKeys.orgList())).toBe(false);
    }
    expect(isOrgKey(queryKeys.orgList(), 'acme')).toBe(false);
  });

  it('keeps the members, their reminders and the reminder jobs in one members subtree', () => {
    for (const key of [
      org.summary('acme'),
      org.memberList('acme', {}),
      org.reminderHistory('acme', 'u'),
      org.job('acme', 'j'),
      org.activeJobs('acme'),
    ])
      expect(startsWith(key, org.members('acme'))).toBe(true);
    expect(startsWith(org.security('acme'), org.members('acme'))).toBe(false);
  });

  it("puts the person's profile, MFA, passkeys and activity under ['me'], apart from the session", () => {
    for (const key of [
      queryKeys.me.profile(),
      queryKeys.me.mfaStatus(),
      queryKeys.me.passkeys(),
      queryKeys.me.activity(),
    ]) {
      expect(startsWith(key, queryKeys.me.all())).toBe(true);
      expect(key).not.toEqual(queryKeys.me.all());
    }
    expect(startsWith(queryKeys.session(), queryKeys.me.all())).toBe(false);
  });

  it('gives every resource its own key (no two factories collide)', () => {
    const all = [
      queryKeys.session(),
      queryKeys.orgList(),
      queryKeys.me.profile(),
      queryKeys.me.mfaStatus(),
      queryKeys.me.passkeys(),
      queryKeys.me.activity(),
      ...perOrg,
    ].map((k) => JSON.stringify(k));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('no literal key arrays outside the tree (ESLint)', () => {
  it.each([
    ["useQuery({ queryKey: ['me'], queryFn: f });", 'a queryKey literal'],
    ["client.getQueryData(['orgs']);", 'a getQueryData literal'],
    ["client.setQueryData(['org', 'acme', 'security'], x);", 'a setQueryData literal'],
    ["client.invalidateQueries({ queryKey: ['org', slug] });", 'an invalidation literal'],
  ])(
    'reports %s (%s)',
    async (code) => {
      const eslint = new ESLint({ cwd: root });
      const [result] = await eslint.lintText(
        `declare const f: any, x: any, slug: string, client: any;\ndeclare function useQuery(o: unknown): void;\n${code}\n`,
        {
          filePath: 'src/features/auth/planted-key.ts',
        },
      );
      const messages = result?.messages.filter((m) => m.ruleId === 'no-restricted-syntax') ?? [];
      expect(messages.map((m) => m.message)).toEqual([
        'Query keys come from queryKeys (src/api/query-keys.ts), not array literals.',
      ]);
    },
    30_000,
  );
});
