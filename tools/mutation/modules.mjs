/**
 * The security modules under mutation testing, each with the test files that exercise it.
 * Stryker mutates one module at a time and runs only these tests (vitest.mutation.config.ts).
 */
export const MUTATION_MODULES = {
  totp: {
    mutate: 'src/mocks/totp.ts',
    tests: [
      'src/mocks/auth.test.ts',
      'src/mocks/enrollment.test.ts',
      'src/mocks/security-rules/*.test.ts',
    ],
  },
  'recovery-codes': {
    mutate: 'src/mocks/seed.ts:57-69',
    tests: [
      'src/mocks/auth.test.ts',
      'src/mocks/enrollment.test.ts',
      'src/mocks/security-rules/*.test.ts',
    ],
  },
  'rate-limits': {
    mutate: 'src/mocks/sign-in-limits.ts',
    tests: [
      'src/mocks/sign-in-limits.test.ts',
      'src/mocks/auth.test.ts',
      'src/mocks/security-rules/*.test.ts',
    ],
  },
  idempotency: {
    mutate: 'src/mocks/idempotency.ts',
    tests: [
      'src/mocks/reminders.test.ts',
      'src/mocks/enrollment.test.ts',
      'src/mocks/security-rules/*.test.ts',
    ],
  },
  'org-access': {
    mutate: 'src/mocks/org-access.ts',
    tests: [
      'src/mocks/enforcement.test.ts',
      'src/mocks/members.test.ts',
      'src/mocks/security-rules/*.test.ts',
    ],
  },
  sessions: {
    mutate: 'src/mocks/http.ts',
    tests: ['src/mocks/auth.test.ts', 'src/mocks/security-rules/*.test.ts'],
  },
  'parse-access-error': {
    mutate: 'src/features/access/parse-access-error.ts',
    tests: [
      'src/features/access/parse-access-error.test.ts',
      'src/features/access/parse-access-error-clauses.test.ts',
    ],
  },
};
