import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import { createDataSource, type DataSourceOptions } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrateQueue } from './queue.js';
import { APP_ROLE } from './migrations/1764800000000-app-role.js';

/** The product's database: an open, migrated data source and how to close it (and the embedded server). */
export interface Database {
  readonly dataSource: DataSource;
  /** How the product connects: as the app role where there is one. */
  readonly url: string;
  /** How the migrations connected: as the tables' owner. */
  readonly ownerUrl: string;
  readonly embedded: boolean;
  /** The embedded server's data directory (where OMS_DATA_DIR, or the default, put it); undefined with DATABASE_URL. */
  readonly dataDir: string | undefined;
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

/** The password the embedded server gives the app role (like its superuser's, it only listens on loopback). */
const EMBEDDED_APP_PASSWORD = 'oms-app-embedded';

/** `url` with another user and password. */
function asUser(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Opens the database the configuration names: `DATABASE_URL` when set, else an embedded PostgreSQL under
 * `OMS_DATA_DIR`. Applies pending migrations (and the queue's) as the owner, then connects as the non-owner role
 * `oms_app` (migration 1764800000000) for everything else: the embedded server gives that role a login itself; with
 * DATABASE_URL, `OMS_APP_DATABASE_URL` says how to connect as it, and without one the product runs as DATABASE_URL's
 * user (the audit triggers still refuse changes, but that user could drop them).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'appDatabaseUrl' | 'dataDir' | 'embeddedPgPort'>,
  log: (line: string) => void,
  options: DataSourceOptions & { note?: (line: string) => void } = {},
): Promise<Database> {
  let ownerUrl = config.databaseUrl;
  let url = config.databaseUrl ? config.appDatabaseUrl : undefined;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!ownerUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log,
      note: options.note,
    });
    stopEmbedded = server.stop;
    dataDir = server.dataDir;
    await ensureDatabase(server.url('postgres'), DATABASE_NAME);
    ownerUrl = server.url(DATABASE_NAME);
  }
  const owner = createDataSource(ownerUrl, { poolSize: 1 });
  let dataSource: DataSource | undefined;
  try {
    await owner.initialize();
    await owner.runMigrations({ transaction: 'each' });
    await migrateQueue(ownerUrl);
    if (stopEmbedded) {
      const [role] = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
      if (role) {
        await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${EMBEDDED_APP_PASSWORD}'`);
        url = asUser(ownerUrl, APP_ROLE, EMBEDDED_APP_PASSWORD);
      }
    }
    await owner.destroy();
    url ??= ownerUrl;
    dataSource = createDataSource(url, { counter: options.counter, poolSize: options.poolSize });
    await dataSource.initialize();
  } catch (error) {
    if (owner.isInitialized) await owner.destroy();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await stopEmbedded?.();
    throw error;
  }
  const opened = dataSource;
  return {
    dataSource: opened,
    url,
    ownerUrl,
    embedded: stopEmbedded !== undefined,
    dataDir,
    close: async () => {
      if (opened.isInitialized) await opened.destroy();
      await stopEmbedded?.();
    },
  };
}
