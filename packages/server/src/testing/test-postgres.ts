import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type {} from 'vitest';
import { createDataSource } from '../database/data-source.js';
import { ensureDatabase } from '../database/database.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { migrateQueue } from '../database/queue.js';
import { TEMPLATE_DATABASE, adminUrlFor, databaseUrl } from './urls.js';

declare module 'vitest' {
  /** What setupTestPostgres hands every test file: `inject('adminUrl')`. */
  export interface ProvidedContext {
    adminUrl: string;
  }
}

/** What a Vitest global setup gets to hand values to the test files. */
export interface TestProjectLike {
  provide(key: 'adminUrl', value: string): void;
}

/**
 * A Vitest global setup: one PostgreSQL for the whole run, the machine's when DATABASE_URL is set (as CI's second
 * pass does), else an embedded one in a temporary directory. Migrations run once into a template database that every
 * test database is cloned from (createTestDatabase). Provides the server's admin URL as `adminUrl`; returns the
 * teardown.
 */
export async function setupTestPostgres(project: TestProjectLike): Promise<() => Promise<void>> {
  let stop = async () => {};
  let adminUrl = process.env.DATABASE_URL ? adminUrlFor(process.env.DATABASE_URL) : undefined;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'oms-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: dir });
    adminUrl = server.url('postgres');
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
  const template = createDataSource(databaseUrl(adminUrl, TEMPLATE_DATABASE));
  await template.initialize();
  await template.runMigrations({ transaction: 'each' });
  await template.destroy();
  await migrateQueue(databaseUrl(adminUrl, TEMPLATE_DATABASE));
  project.provide('adminUrl', adminUrl);
  return stop;
}
