import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, StatementCounter } from '../database/data-source.js';
import { TEMPLATE_DATABASE, databaseUrl } from './urls.js';

/** A fresh, migrated database of this test file's own, with a statement counter. */
export interface TestDatabase {
  readonly dataSource: DataSource;
  readonly url: string;
  readonly counter: StatementCounter;
  readonly drop: () => Promise<void>;
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Clones the migrated template (setupTestPostgres) on the server behind `adminUrl` into a new database (a fraction of
 * a second) and opens it.
 */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `oms_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = databaseUrl(adminUrl, name);
  const counter = new StatementCounter();
  const dataSource = createDataSource(url, { counter });
  await dataSource.initialize();
  return {
    dataSource,
    url,
    counter,
    drop: async () => {
      await dataSource.destroy();
      await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
