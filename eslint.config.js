import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Import boundaries (STYLE.md): features never import other features or app/; api/ and lib/
// never import features; only main.tsx and tests import mocks/.
const featureNames = ['auth', 'mfa-enrollment', 'org-security', 'member-security', 'access'];
const boundary = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const noMocks = {
  group: ['@/mocks/*', '**/mocks/*'],
  message: 'Only main.tsx and tests import the mock backend.',
};
const noApp = { group: ['@/app/*'], message: 'Features and shared code never import app/.' };
const noFeatures = { group: ['@/features/*'], message: 'api/ and lib/ never import features.' };

export default tseslint.config(
  {
    ignores: [
      '.screens/**',
      'tmp-*',
      'dist',
      'dist-demo',
      'dist-e2e',
      'node_modules',
      'public',
      'src/api/schema.d.ts',
      'test-results',
      'playwright-report',
      'bench-results',
      '.stryker-tmp*/**',
      'reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  { files: ['src/app/**'], rules: boundary([noMocks]) },
  { files: ['src/api/**', 'src/lib/**'], rules: boundary([noMocks, noApp, noFeatures]) },
  ...featureNames.map((name) => ({
    files: [`src/features/${name}/**`],
    rules: boundary([
      noMocks,
      noApp,
      {
        group: featureNames.filter((n) => n !== name).map((n) => `@/features/${n}/*`),
        message: 'A feature never imports another feature; compose them in app/.',
      },
    ]),
  })),
  { files: ['src/mocks/**'], rules: boundary([noApp, noFeatures]) },
  { files: ['tests/**', 'src/mocks/**'], rules: { 'no-console': 'off' } },
  // Tests may reach into the mock backend (the db is the witness of side effects).
  { files: ['tests/**', 'src/**/*.test.{ts,tsx}', 'src/**/test-helpers.{ts,tsx}'], rules: { 'no-console': 'off', 'no-restricted-imports': 'off' } },
);
