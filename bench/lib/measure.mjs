// Runs one load (lib/load.mjs in its own process) against the product or PostgreSQL, and measures around it: CPU of
// server / PostgreSQL / load generator, PostgreSQL transactions per request, and the server's RSS when asked.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMeter } from './cpu.mjs';

const LOAD = fileURLToPath(new URL('./load.mjs', import.meta.url));
const specDir = mkdtempSync(join(tmpdir(), 'oms-bench-load-'));
let specs = 0;

export const seconds = () => Number(process.env.BENCH_SECONDS ?? 20);

/** VmRSS of a process in MB, or null when it is gone. */
export function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return Math.round(Number(line.split(/\s+/)[1]) / 1024);
  } catch {
    return null;
  }
}

async function transactions(db) {
  const { rows } = await db.query(
    'SELECT (xact_commit + xact_rollback)::bigint AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0].n);
}

/**
 * `spec` as lib/load.mjs reads it. `env`: { product, postmaster, db } (db: a pg client for the counters).
 * With `rss: true`, samples the server's VmRSS every 200 ms while measuring.
 */
export async function runLoad(spec, { product, postmaster, db }, { rss = false } = {}) {
  const file = join(specDir, `spec-${specs++}.json`);
  writeFileSync(
    file,
    JSON.stringify({ concurrency: 16, warmupSeconds: 3, seconds: Math.max(3, seconds() / 2), ...spec }),
  );
  const child = spawn(process.execPath, [LOAD, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let meter;
  let xacts0 = 0;
  const samples = [];
  let timer;
  let buffered = '';
  let result;
  await new Promise((resolve, reject) => {
    child.stdout.on('data', async (d) => {
      buffered += d;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (line.phase === 'measuring') {
          meter = cpuMeter({ serverPid: product?.pid, postmaster });
          if (db) xacts0 = await transactions(db).catch(() => 0);
          if (rss && product)
            timer = setInterval(() => {
              const mb = rssMb(product.pid);
              if (mb) samples.push(mb);
            }, 200);
        } else result = line;
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`load generator exited ${code}`))));
  });
  clearInterval(timer);
  const cpu = meter?.stop();
  if (db && result?.requests) {
    // Statistics reach pg_stat_database within a second of each transaction.
    await new Promise((r) => setTimeout(r, 1100));
    const perRequest = ((await transactions(db)) - xacts0) / result.requests;
    result.pgTransactionsPerRequest = Math.round(perRequest * 10) / 10;
  }
  if (samples.length) {
    const sorted = [...samples].sort((a, b) => a - b);
    result.rssPeakMb = sorted.at(-1);
    result.rssMedianMb = sorted[Math.floor(sorted.length / 2)];
  }
  return { ...result, cpu };
}

/** The console's document for `operation` (a .graphql file of packages/admin-web) with every fragment it uses. */
export function consoleDocument(operationFile) {
  const root = fileURLToPath(new URL('../../packages/admin-web/src/', import.meta.url));
  const fragments = new Map();
  for (const file of readdirSync(root, { recursive: true })) {
    if (!file.endsWith('.graphql')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    // Split into definitions at each top-level keyword.
    for (const part of text.split(/^(?=fragment |query |mutation )/m)) {
      const m = /^fragment (\w+) on/.exec(part);
      if (m) fragments.set(m[1], part.trim());
    }
  }
  const operation = readFileSync(join(root, operationFile), 'utf8').trim();
  const used = new Set();
  const visit = (text) => {
    for (const [, name] of text.matchAll(/\.\.\.(\w+)/g)) {
      if (used.has(name) || !fragments.has(name)) continue;
      used.add(name);
      visit(fragments.get(name));
    }
  };
  visit(operation);
  return [operation, ...[...used].map((n) => fragments.get(n))].join('\n\n');
}
