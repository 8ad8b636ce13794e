// @vitest-environment node
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries of STYLE.md hold because `npm run lint` runs dependency-cruiser with
 * `.dependency-cruiser.cjs`. Here a copy of `src/` gets one planted file per kind of violation
 * (including a brand-new feature folder the config has never heard of), the project's own config
 * checks the copy, and every planted violation must be reported, and nothing else.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Plant {
  kind: string;
  file: string;
  source: string;
  /** The rule that must report it, and the module it must name as the import's target. */
  rule: string;
  to: string;
}

const PLANTS: Plant[] = [
  {
    kind: 'a relative import of another feature',
    file: 'src/features/auth/planted-relative.ts',
    source: "export { stepUpSession } from '../access/api';\n",
    rule: 'feature-to-other-feature',
    to: 'src/features/access/api.ts',
  },
  {
    kind: 'an @/ import of another feature',
    file: 'src/features/org-security/planted-alias.ts',
    source: "export { memberListQuery } from '@/features/member-security/api';\n",
    rule: 'feature-to-other-feature',
    to: 'src/features/member-security/api.ts',
  },
  {
    kind: 'a type-only import of another feature',
    file: 'src/features/access/planted-type.ts',
    source: "import type { CurrentUser } from '../auth/api';\nexport type Me = CurrentUser;\n",
    rule: 'feature-to-other-feature',
    to: 'src/features/auth/api.ts',
  },
  {
    kind: 'a dynamic import() of another feature',
    file: 'src/features/access/planted-dynamic.ts',
    source: "export const load = () => import('@/features/mfa-enrollment/mfa-security');\n",
    rule: 'feature-to-other-feature',
    to: 'src/features/mfa-enrollment/mfa-security.tsx',
  },
  {
    kind: 'a dynamic import() of mocks/ from app/',
    file: 'src/app/planted-mocks.ts',
    source: "export const load = () => import('../mocks/db');\n",
    rule: 'mocks-only-from-entry-and-tests',
    to: 'src/mocks/db.ts',
  },
  {
    kind: 'a feature importing mocks/',
    file: 'src/features/member-security/planted-mocks.ts',
    source: "export { db } from '@/mocks/db';\n",
    rule: 'mocks-only-from-entry-and-tests',
    to: 'src/mocks/db.ts',
  },
  {
    kind: 'lib/ importing a feature',
    file: 'src/lib/planted-feature.ts',
    source: "export { signIn } from '@/features/auth/api';\n",
    rule: 'shared-to-feature-or-app',
    to: 'src/features/auth/api.ts',
  },
  {
    kind: 'api/ importing a feature (relative)',
    file: 'src/api/planted-feature.ts',
    source: "export { orgSecurityQuery } from '../features/org-security/api';\n",
    rule: 'shared-to-feature-or-app',
    to: 'src/features/org-security/api.ts',
  },
  {
    kind: 'lib/ importing app/',
    file: 'src/lib/planted-app.ts',
    source: "export { theme } from '../app/theme';\n",
    rule: 'shared-to-feature-or-app',
    to: 'src/app/theme.ts',
  },
  {
    kind: 'a feature importing app/',
    file: 'src/features/org-security/planted-app.ts',
    source: "export { theme } from '@/app/theme';\n",
    rule: 'feature-to-app',
    to: 'src/app/theme.ts',
  },
  {
    kind: 'the mock backend importing a feature',
    file: 'src/mocks/planted-feature.ts',
    source: "export { signIn } from '../features/auth/api';\n",
    rule: 'mocks-to-app-or-feature',
    to: 'src/features/auth/api.ts',
  },
  {
    kind: 'a brand-new feature folder importing another feature',
    file: 'src/features/brand-new/widget.ts',
    source: "export { signIn } from '../auth/api';\n",
    rule: 'feature-to-other-feature',
    to: 'src/features/auth/api.ts',
  },
  {
    kind: 'a brand-new feature folder importing app/',
    file: 'src/features/brand-new/uses-app.ts',
    source: "export { theme } from '@/app/theme';\n",
    rule: 'feature-to-app',
    to: 'src/app/theme.ts',
  },
  {
    kind: 'a brand-new feature folder importing mocks/ with import()',
    file: 'src/features/brand-new/uses-mocks.ts',
    source: "export const load = () => import('../../mocks/seed');\n",
    rule: 'mocks-only-from-entry-and-tests',
    to: 'src/mocks/seed.ts',
  },
  {
    kind: 'another feature importing the brand-new one',
    file: 'src/features/access/uses-brand-new.ts',
    source: "export { signIn } from '@/features/brand-new/widget';\n",
    rule: 'feature-to-other-feature',
    to: 'src/features/brand-new/widget.ts',
  },
  {
    kind: "a feature's sub-folder importing another feature",
    file: 'src/features/access/troubleshoot/planted-other.ts',
    source: "export { signIn } from '../../auth/api';\n",
    rule: 'feature-to-other-feature',
    to: 'src/features/auth/api.ts',
  },
  {
    kind: "a feature's sub-folder importing app/",
    file: 'src/features/org-security/enforcement/planted-app.ts',
    source: "export { theme } from '../../../app/theme';\n",
    rule: 'feature-to-app',
    to: 'src/app/theme.ts',
  },
  {
    kind: 'an import circle (one side type-only)',
    file: 'src/lib/planted-circle-a.ts',
    source: "import type { B } from './planted-circle-b';\nexport type A = { b?: B };\n",
    rule: 'no-circular',
    to: 'src/lib/planted-circle-b.ts',
  },
];

/** The other side of the planted circle (dependency-cruiser reports a circle once). */
const CIRCLE_B = {
  file: 'src/lib/planted-circle-b.ts',
  source: "import { type A } from './planted-circle-a';\nexport type B = { a?: A };\n",
};

/** What a legitimate module imports; none of these may be reported. */
const ALLOWED: Omit<Plant, 'rule' | 'to' | 'kind'>[] = [
  // A brand-new feature's own files, lib/ and api/ are fine.
  {
    file: 'src/features/brand-new/ok.ts',
    source:
      "export { signIn as again } from './widget';\nexport { BRAND } from '@/lib/brand';\nexport { api } from '@/api/client';\n",
  },
  // A feature's sub-folder is the same feature: its root and its other sub-folders are fine.
  {
    file: 'src/features/org-security/events/planted-ok.ts',
    source:
      "export { orgSecurityQuery } from '../api';\nexport { scheduleQuery as again } from '@/features/org-security/schedule/api';\n",
  },
  // A brand-new feature's test may use the mock backend.
  {
    file: 'src/features/brand-new/ok.test.ts',
    source: "export { db } from '@/mocks/db';\n",
  },
];

const exec = promisify(execFile);

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let copy = '';
let violations: Violation[] = [];

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'boundaries-'));
  cpSync(join(root, 'src'), join(copy, 'src'), { recursive: true });
  cpSync(join(root, 'tsconfig.json'), join(copy, 'tsconfig.json'));
  for (const { file, source } of [...PLANTS, CIRCLE_B, ...ALLOWED]) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    writeFileSync(join(copy, file), source);
  }
  const cli = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const config = join(root, '.dependency-cruiser.cjs');
  // Exit code 1 means "violations found": the JSON on stdout is the answer either way.
  const { stdout } = await exec(
    process.execPath,
    [cli, 'src', '--config', config, '--output-type', 'json'],
    { cwd: copy, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => {
    if (!error.stdout) throw error;
    return { stdout: error.stdout };
  });
  violations = JSON.parse(stdout).summary.violations;
}, 60_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('import boundaries (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it.each(PLANTS.map((plant) => [plant.kind, plant] as const))(
    'reports %s',
    (_, { file, rule, to }) => {
      expect(violations).toContainEqual(
        expect.objectContaining({ from: file, to, rule: expect.objectContaining({ name: rule }) }),
      );
    },
  );

  it('reports nothing else: the real tree, main.tsx, tests and a new feature used legitimately pass', () => {
    const planted = new Set([...PLANTS.map((plant) => plant.file), CIRCLE_B.file]);
    const unexpected = violations.filter((v) => !planted.has(v.from));
    expect(unexpected).toEqual([]);
  });
});
