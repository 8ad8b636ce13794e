/**
 * The security modules under mutation testing, each with the test files that exercise it:
 * `tests` were there before mutation testing, `added` were written to kill its mutants
 * (`--baseline` leaves them out, to measure the score before them). Stryker mutates one module
 * at a time and runs only these tests (vitest.mutation.config.ts) in `environment`, with the
 * project's test setup unless `setup: false`.
 */
const RULES = 'src/mocks/security-rules/*.test.ts';

export const MUTATION_MODULES = {
  totp: {
    mutate: 'src/mocks/totp.ts',
    tests: ['src/mocks/auth.test.ts', 'src/mocks/enrollment.test.ts'],
    added: [RULES],
  },
  'recovery-codes': {
    mutate: ['src/mocks/recovery-codes.ts', 'src/mocks/credentials.ts'],
    tests: [
      'src/mocks/auth.test.ts',
      'src/mocks/enrollment.test.ts',
      'src/mocks/recovery-codes.test.ts',
    ],
    added: [RULES],
  },
  'rate-limits': {
    mutate: 'src/mocks/sign-in-limits.ts',
    tests: ['src/mocks/sign-in-limits.test.ts', 'src/mocks/auth.test.ts'],
    added: [RULES],
  },
  idempotency: {
    mutate: 'src/mocks/idempotency.ts',
    tests: ['src/mocks/reminders.test.ts', 'src/mocks/enrollment.test.ts'],
    added: [RULES],
    environment: 'jsdom',
  },
  'org-access': {
    mutate: 'src/mocks/org-access.ts',
    tests: ['src/mocks/enforcement.test.ts', 'src/mocks/members.test.ts'],
    added: [RULES],
  },
  sessions: {
    mutate: ['src/mocks/sessions.ts', 'src/mocks/body.ts', 'src/mocks/problems.ts'],
    tests: ['src/mocks/auth.test.ts', 'src/mocks/abuse.test.ts', 'src/mocks/csrf.test.ts'],
    added: [RULES],
  },
  // The client's member list view in the URL (sort, paging, filters): a wrong fallback shows the
  // wrong people or sends parameters the server refuses.
  'view-params': {
    mutate: 'src/features/member-security/table/view-params.ts',
    tests: [
      'src/features/member-security/table/view-params.test.ts',
      'src/features/member-security/table/member-list.test.tsx',
    ],
    added: ['src/features/member-security/table/view-params-url.test.tsx'],
    environment: 'jsdom',
  },
  'parse-access-error': {
    mutate: [
      'src/features/access/troubleshoot/parse-access-error.ts',
      'src/features/access/troubleshoot/paste-noise.ts',
    ],
    tests: [
      'src/features/access/troubleshoot/parse-access-error.test.ts',
      'src/features/access/troubleshoot/parse-access-error.pastes.test.ts',
    ],
    added: [
      'src/features/access/troubleshoot/parse-access-error-clauses.test.ts',
      'src/features/access/troubleshoot/parse-access-error-noise.test.ts',
    ],
    // Pure functions: no mock backend to set up per run.
    setup: false,
  },
};
