import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { createDataSource } from '../../src/database/data-source.js';
import { findFreePort } from '../../src/database/free-port.js';
import {
  TEMPLATE_DATABASE,
  databaseUrl,
  outputContains,
  spawnScript,
  TEST_SECRETS,
  type ProductProcess,
} from '../../src/testing/index.js';
import { seedReferenceData } from './reference-data.js';

export { outputContains, type ProductProcess };

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * Starts the server's built `dist/<entry>` (main.js, worker-main.js) with the tests' secrets and `env` on top of this
 * process's environment, as production starts it: outside demo mode, every secret given.
 */
export function spawnProduct(entry: string, env: Record<string, string>): ProductProcess {
  return spawnScript(`${DIST}${entry}`, { ...TEST_SECRETS, ...env });
}

/** The API server (dist/main.js) on a free port, once /readyz answers 200. */
export async function startProductServer(
  env: Record<string, string>,
): Promise<ProductProcess & { url: string }> {
  const port = await findFreePort();
  const product = spawnProduct('main.js', { PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (product.child.exitCode !== null) throw new Error(`the server exited:\n${product.output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      await product.stop('SIGKILL');
      throw new Error(`the server did not become ready:\n${product.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return Object.assign(product, { url });
}

/**
 * A database of the test's own for a product process: cloned from the migrated template, seeded with the reference
 * data (staff, the tests' API key, warehouses) through a data source that is closed again, so every other connection
 * to it is the product's. `probe` is the test's one connection for checks.
 */
export interface ProductDatabase {
  readonly url: string;
  readonly name: string;
  readonly probe: pg.Client;
  /** Connections to this database other than `probe` (the product's pool and worker). */
  readonly otherConnections: () => Promise<number>;
  readonly drop: () => Promise<void>;
}

export async function createProductDatabase(): Promise<ProductDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `oms_proc_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = databaseUrl(adminUrl, name);
  const seeding = createDataSource(url);
  await seeding.initialize();
  await seedReferenceData(seeding);
  await seeding.destroy();
  const probe = new pg.Client({ connectionString: url, application_name: 'oms-test-probe' });
  await probe.connect();
  probe.on('error', () => {});
  return {
    url,
    name,
    probe,
    otherConnections: async () =>
      (
        await probe.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )
      ).rows[0]!.n,
    drop: async () => {
      await probe.end().catch(() => {});
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
