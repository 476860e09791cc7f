import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Quiet: the product's logger in the tests' processes (the processes they start set their own level).
    env: { LOG_LEVEL: 'error' },
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Each file gets its own database cloned from a migrated template, so files can run side by side.
    maxWorkers: 2,
    // The server as it is built (decorator metadata, one copy of graphql for Apollo and TypeGraphQL), loaded by Node
    // itself rather than transformed again.
    server: { deps: { external: [/\/packages\/server\/dist\//] } },
  },
});
