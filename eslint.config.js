import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';

// Import boundaries (STYLE.md) and import circles are checked by dependency-cruiser
// (.dependency-cruiser.cjs, run by `npm run lint`): its zones come from the folders, and it sees
// relative, `@/`, type-only and dynamic imports. tests/unit/boundaries.test.ts plants violations.

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
  {
    files: ['src/**/*.tsx', 'tests/**/*.tsx'],
    ...jsxA11y.configs.recommended,
    // Mantine components render these elements, and `component="…"` changes the element, so
    // the rules check them as the DOM they become.
    settings: {
      'jsx-a11y-x': {
        polymorphicPropName: 'component',
        components: {
          ActionIcon: 'button',
          Anchor: 'a',
          Button: 'button',
          CloseButton: 'button',
          Image: 'img',
          NativeSelect: 'select',
          PasswordInput: 'input',
          Textarea: 'textarea',
          TextInput: 'input',
          UnstyledButton: 'button',
        },
      },
    },
    rules: {
      ...jsxA11y.configs.recommended.rules,
      // react-router's Link (and Mantine's `component={Link}`) render `<a href>` from `to`.
      'jsx-a11y-x/anchor-is-valid': ['error', { components: ['Link'], specialLink: ['to'] }],
    },
  },
  {
    // One cache-key tree (src/api/query-keys.ts): no key array is spelled anywhere else.
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ignores: ['src/api/query-keys.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='queryKey'] > ArrayExpression",
          message: 'Query keys come from queryKeys (src/api/query-keys.ts), not array literals.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(getQueryData|setQueryData|getQueryState|removeQueries|ensureQueryData)$/] > ArrayExpression.arguments',
          message: 'Query keys come from queryKeys (src/api/query-keys.ts), not array literals.',
        },
      ],
    },
  },
  {
    files: ['tests/**', 'src/mocks/**', 'src/**/*.test.{ts,tsx}', 'src/**/test-helpers.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
);
