// One lint setup for the whole repository. Import boundaries (conventions.md) are checked here:
// schema imports nothing of the others and does no I/O; nobody reaches into another package's src/; the server never
// imports the demo (packages/demo builds on the server).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const otherPackagesInternals = {
  group: [
    '@oms/*/src',
    '@oms/*/src/**',
    '**/schema/src/**',
    '**/server/src/**',
    '**/admin-web/src/**',
    '**/demo/src/**',
  ],
  message: 'Import another package by its name and public entry, never its src/ internals.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/coverage/**',
      'packages/admin-web/src/gql/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { patterns: [otherPackagesInternals] }],
    },
  },
  {
    files: ['packages/schema/src/**/*.ts'],
    ignores: ['packages/schema/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            otherPackagesInternals,
            { group: ['@oms/*'], message: 'packages/schema depends on no other package of the project.' },
            {
              group: ['node:*', 'fs', 'net', 'http', 'https', 'child_process', 'pg', 'typeorm'],
              message: 'packages/schema is pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            otherPackagesInternals,
            {
              group: ['@oms/demo', '@oms/demo/**', '**/demo', '**/demo/**'],
              message:
                'The server never imports the demo: packages/demo builds on the server, not the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/admin-web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            otherPackagesInternals,
            {
              group: ['@oms/server', '@oms/server/**'],
              message: 'The console knows the server only through the GraphQL schema.',
            },
          ],
        },
      ],
    },
  },
);
