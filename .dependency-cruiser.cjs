/**
 * Import boundaries (STYLE.md) and no circles, checked by `npm run lint` and planted-violation
 * tests (tests/unit/boundaries.test.ts). Zones come from the folders: `src/features/<name>/` is
 * a feature whatever its name, so a new feature folder is covered without editing this file.
 * dependency-cruiser resolves relative, `@/` and dynamic `import()` specifiers to files, and
 * counts type-only imports too (`tsPreCompilationDeps`).
 */
const TESTS = ['\\.test\\.tsx?$', '(^|/)test-helpers\\.tsx?$', '^tests/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'feature-to-other-feature',
      comment: 'A feature never imports another feature; compose them in src/app/.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'feature-to-app',
      comment: 'A feature never imports src/app/ (the app composes features, not the reverse).',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'shared-to-feature-or-app',
      comment:
        'src/api/ and src/lib/ hold no feature knowledge: they never import features or app/.',
      severity: 'error',
      from: { path: '^src/(api|lib)/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'mocks-only-from-entry-and-tests',
      comment:
        'Only src/main.tsx (mock mode), tests and test helpers import the mock backend; production code never does.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/main\\.tsx$', '^src/mocks/', ...TESTS] },
      to: { path: '^src/mocks/' },
    },
    {
      name: 'mocks-to-app-or-feature',
      comment:
        'The mock backend is a server: it knows the contract (src/api/) and src/lib/, not the UI.',
      severity: 'error',
      from: { path: '^src/mocks/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import circles (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
