// pnpm bench: builds (or reuses) the data set of BENCH_ORDERS orders (default 1,000,000), runs every scenario of
// docs/performance.md beside its reference, prints one table and writes bench/results/latest.json (and a dated copy).
// BENCH_SECONDS sets the length of each load (half of it measured per side, after a 3 s warm-up); BENCH_ONLY=P1,P3
// runs only those scenarios (development).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ingestScenario } from './scenarios/ingest.mjs';
import { carrierScenario } from './scenarios/carrier-pushes.mjs';
import { lookupScenario, queueScenario, listScenario } from './scenarios/reads.mjs';
import { reassignScenario } from './scenarios/reassign.mjs';
import { consoleScenario } from './scenarios/console.mjs';
import { refundScenario } from './scenarios/refunds.mjs';
import { openDataset } from './lib/dataset.mjs';
import { postmasterPid } from './lib/cpu.mjs';
import { seconds } from './lib/measure.mjs';
import { buildTable } from './lib/table.mjs';

const orders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const wanted = (id) => !only || only.has(id);

function orderNumbers() {
  const script = fileURLToPath(
    new URL('../packages/schema/scripts/bench-order-numbers.mjs', import.meta.url),
  );
  const run = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) process.exit(run.status ?? 1);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const results = { at: new Date().toISOString(), node: process.version, orders, scenarios: {} };
const r = results.scenarios;
/** Runs one scenario; a failure is recorded (and shown in the table) instead of ending the bench. */
async function attempt(id, run) {
  try {
    r[id] = await run();
  } catch (error) {
    console.error(`${id} failed:`, error);
    r[id] = { failed: String(error.message ?? error).slice(0, 300) };
  }
}
const onData = ['P1', 'P2', 'P3', 'P7', 'P8', 'P9'].some(wanted);
if (onData) {
  const { product, dataset, pgDir } = await openDataset({
    orders,
    port: Number(process.env.BENCH_PORT ?? 4420),
  });
  results.dataset = dataset;
  const db = new pg.Client({ connectionString: product.databaseUrl });
  db.on('error', () => {});
  await db.connect();
  const env = { product, db, postmaster: postmasterPid(pgDir) };
  try {
    if (wanted('P1') || wanted('P9')) {
      console.log(`P1/P9: agent lookup at concurrency 16 (${seconds()} s), server RSS sampled…`);
      await attempt('P1', () => lookupScenario(env));
    }
    if (wanted('P2')) {
      console.log('P2: interception queue…');
      await attempt('P2', () => queueScenario(env));
    }
    if (wanted('P3')) {
      console.log('P3: order list, page 1 vs page 2,000…');
      await attempt('P3', () => listScenario(env));
    }
    if (wanted('P8')) {
      console.log('P8: console initial JS and order-detail ready in Chromium…');
      await attempt('P8', () => consoleScenario(env));
    }
    if (wanted('P7')) {
      console.log('P7: bulk reassign 10,000 sub-orders…');
      await attempt('P7', () => reassignScenario(env));
    }
  } finally {
    await db.end();
    await product.stop();
  }
}
if (wanted('P6')) {
  console.log('P6: order numbers…');
  r.P6 = orderNumbers();
}
if (wanted('P4')) {
  console.log(`P4: ingest for ${seconds()} s at concurrency 16…`);
  await attempt('P4', () => ingestScenario({ seconds: seconds() }));
}
if (wanted('P5')) {
  console.log('P5: carrier pushes (30% duplicates, 10% out of order)…');
  await attempt('P5', () => carrierScenario({ parcels: Number(process.env.BENCH_PARCELS ?? 300) }));
}

if (wanted('P12')) {
  console.log('P12: refunds settled end to end (cancel → outbox → channel → webhook)…');
  await attempt('P12', () => refundScenario({ orders: Number(process.env.BENCH_REFUND_ORDERS ?? 600) }));
}

results.table = buildTable(results);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const json = JSON.stringify(results, null, 2) + '\n';
writeFileSync(new URL('latest.json', dir), json);
writeFileSync(new URL(`${results.at.slice(0, 19).replaceAll(':', '-')}.json`, dir), json);

const line = (cells) => `| ${cells.join(' | ')} |`;
const header = [
  'scenario',
  'ours',
  'reference',
  'ratio',
  'p50/p99 ms (ref)',
  'RSS MB',
  'goal',
  'met',
  'notes',
];
console.log(
  `\n${orders.toLocaleString('en')} orders${results.dataset ? ` (data set ${results.dataset.reused ? 'reused' : `built in ${results.dataset.buildSeconds} s`})` : ''}\n`,
);
console.log(line(header));
console.log(line(header.map(() => '---')));
for (const row of results.table) console.log(line(header.map((_, i) => row[i] ?? '')));
