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

const noDemo = {
  group: ['@oms/demo', '@oms/demo/**', '**/demo', '**/demo/**'],
  message: 'The server never imports the demo: packages/demo builds on the server, not the other way round.',
};

/**
 * `no-restricted-imports` for a file of packages/server: the package rules (no other package's src/, never the
 * demo) and these patterns. A later config's options replace an earlier one's, so every server config goes through
 * here.
 */
const restrict = (...patterns) => ['error', { patterns: [otherPackagesInternals, noDemo, ...patterns] }];

// The rooms inside packages/server (docs/architecture.md, "Rooms inside the server"): calls go one way, from the
// edges (api/, http/) and the worker (jobs/) into the use cases (services/), and from there into the domain rules,
// the database and the support modules. Each room lists the rooms it may not import; the composition roots (main.ts,
// worker-main.ts, start.ts, config.ts) may import any.
const ROOMS = {
  api: ['http', 'jobs'],
  http: ['jobs'],
  jobs: ['api', 'http'],
  services: ['api', 'http', 'jobs'],
  database: ['services', 'api', 'http', 'jobs'],
  entities: ['services', 'api', 'http', 'jobs'],
  auth: ['services', 'api', 'http', 'jobs', 'database'],
  privacy: ['services', 'api', 'http', 'jobs', 'database'],
  logging: ['services', 'api', 'http', 'jobs', 'database'],
  metrics: ['services', 'api', 'http', 'jobs', 'database'],
};
const roomRules = Object.entries(ROOMS).map(([room, forbidden]) => ({
  files: [`packages/server/src/${room}/**/*.ts`],
  rules: {
    'no-restricted-imports': restrict({
      group: forbidden.map((other) => `**/${other}/**`),
      message: `server/src/${room}/ may not import ${forbidden.map((o) => `${o}/`).join(', ')}: calls go one way (docs/architecture.md, "Rooms inside the server").`,
    }),
  },
}));

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
  { files: ['packages/server/**/*.ts'], rules: { 'no-restricted-imports': restrict() } },
  ...roomRules,
  {
    // Domain errors are the innermost room: they know nothing of the server around them.
    files: ['packages/server/src/errors/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['../**'],
        message: 'server/src/errors/ imports nothing of the server: every room may use it.',
      }),
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
