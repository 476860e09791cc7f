import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships an ESM and a CJS build without an "exports" map: Node (and so Apollo and TypeGraphQL) loads the
// CJS one, Vite would pick the ESM one for test files, and two copies of graphql cannot share a schema. Point test
// files at the one Node loads.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each test process encrypts personal data under the tests' key (src/testing/test-secrets.ts).
    setupFiles: ['test/support/test-key.ts'],
    // Quiet: a test's expected 4xx would otherwise log; product processes the tests start set their own level.
    env: { LOG_LEVEL: 'error' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each file gets its own database cloned from a migrated template, so files can run side by side.
    maxWorkers: 2,
  },
});
