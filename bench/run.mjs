// pnpm bench: runs each scenario that exists so far, prints one table, and writes bench/results/latest.json (and a
// dated copy). BENCH_SECONDS shortens or lengthens the load scenarios.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestScenario } from './scenarios/ingest.mjs';
import { carrierScenario } from './scenarios/carrier-pushes.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);

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

console.log('P6: order numbers…');
const p6 = orderNumbers();
console.log(`P4: ingest for ${seconds} s at concurrency 16…`);
const p4 = await ingestScenario({ seconds });
console.log('P5: carrier pushes (30% duplicates, 10% out of order)…');
const p5 = await carrierScenario({ parcels: Number(process.env.BENCH_PARCELS ?? 300) });

const results = { at: new Date().toISOString(), node: process.version, scenarios: [p6, p4, p5] };
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const json = JSON.stringify(results, null, 2) + '\n';
writeFileSync(new URL('latest.json', dir), json);
writeFileSync(new URL(`${results.at.slice(0, 10)}.json`, dir), json);

console.log('\n| scenario | ours | goal | met | notes |');
console.log('| --- | --- | --- | --- | --- |');
console.log(
  `| P6 order numbers/s | ${p6.numbersPerSecond.toLocaleString('en')} | ≥ 1,000,000 | ${p6.met ? 'yes' : 'no'} | ${p6.duplicates} duplicates across ${p6.processes} × 1M |`,
);
console.log(
  `| P4 ingest orders/s (create + pay) | ${p4.ordersPerSecond} | ≥ 500 | ${p4.met ? 'yes' : 'no'} | ${p4.dispatched}/${p4.orders} dispatched end to end (${p4.dispatchedPerSecondEndToEnd}/s), p50 ${p4.p50Ms} ms, p99 ${p4.p99Ms} ms, ${p4.failures} failures |`,
);
