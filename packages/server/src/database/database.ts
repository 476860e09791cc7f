import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { createDataSource, type DataSourceOptions } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateQueue } from './queue.js';

/** The product's database: an open, migrated data source and how to close it (and the embedded server). */
export interface Database {
  readonly dataSource: DataSource;
  readonly url: string;
  readonly embedded: boolean;
  readonly close: () => Promise<void>;
}

const DATABASE_NAME = 'oms';

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Opens the database the configuration names: `DATABASE_URL` when set, else an embedded PostgreSQL under
 * `OMS_DATA_DIR`. Applies pending migrations before returning.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>,
  log: (line: string) => void,
  options: DataSourceOptions = {},
): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const server = await startEmbeddedPostgres(config.dataDir, log, config.embeddedPgPort);
    stopEmbedded = server.stop;
    await ensureDatabase(server.url('postgres'), DATABASE_NAME);
    url = server.url(DATABASE_NAME);
  }
  const dataSource = createDataSource(url, options);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await migrateQueue(url);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stopEmbedded?.();
    throw error;
  }
  return {
    dataSource,
    url,
    embedded: stopEmbedded !== undefined,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await stopEmbedded?.();
    },
  };
}
