import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { createDataSource } from '../../src/database/data-source.js';
import { findFreePort } from '../../src/database/free-port.js';
import { seedReferenceData } from './reference-data.js';
import { TEMPLATE_DATABASE, databaseUrl } from './urls.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A built entry point (main.js, worker-main.js, start.js) running as a child process, as it runs in production. */
export interface ProductProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Its exit code (or the signal's name) once it exits. */
  readonly exited: Promise<number | string>;
  /** Sends `signal` (unless it is gone already) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

const running = new Set<ChildProcess>();
// A test that fails half-way must not leave its children behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `dist/<entry>` with `env` on top of this process's environment. */
export function spawnProduct(entry: string, env: Record<string, string>): ProductProcess {
  const script = `${DIST}${entry}`;
  if (!existsSync(script))
    throw new Error(`${script} is missing: run pnpm --filter @oms/schema --filter @oms/server build`);
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
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

/** Waits until `text` appears in the process's output. */
export async function outputContains(product: ProductProcess, text: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!product.output().includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" never appeared:\n${product.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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
