// Starts the product as it runs (the built start command, embedded PostgreSQL, demo reference data without demo orders or
// simulators) in its own process, and stops it; not with NODE_ENV=production, which the product refuses in demo mode.
// The data lives in a fresh temporary directory, removed on stop, unless `dataDir` names a persistent one (the
// 1M-order data set), which is kept.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const START = fileURLToPath(new URL('../../packages/demo/dist/start.js', import.meta.url));

/** Resolves when nothing listens on `port`; throws otherwise (another run would answer in our place). */
async function assertFree(port) {
  await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`port ${port} is in use: another bench or product is running (set BENCH_PORT)`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

export async function startProduct({ port, env = {}, dataDir: persistent }) {
  const pgPort = port + 1000;
  // A product already on these ports would take our requests and, worse, the data set's COPY.
  await assertFree(port);
  await assertFree(pgPort);
  const dataDir = persistent ?? mkdtempSync(join(tmpdir(), 'oms-bench-'));
  // BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (for finding where its time goes).
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, START], {
    env: {
      ...process.env,
      PORT: String(port),
      OMS_DATA_DIR: dataDir,
      OMS_DEMO: 'on',
      OMS_SIMULATORS: 'off',
      OMS_DEMO_ORDERS: '0',
      OMS_EMBEDDED_PG_PORT: String(pgPort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave the product running when the bench itself fails.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  let output = '';
  // Keep only the tail: under load the request log would grow without bound.
  const keep = (d) => (output = (output + d).slice(-65_536));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the product did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid,
    dataDir,
    output: () => output,
    databaseUrl: `postgres://postgres:oms-embedded@127.0.0.1:${pgPort}/oms`,
    async stop() {
      process.off('exit', orphanGuard);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs one GraphQL operation; throws on errors. */
export async function graphql(url, query, variables, headers = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** p-th percentile of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
