// pnpm bench: runs each scenario that exists so far and writes bench/results/latest.json (and a dated copy).
// So far: P6, order-number issuance from one process and uniqueness across four (packages/schema).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../packages/schema/scripts/bench-order-numbers.mjs', import.meta.url));
const run = spawnSync(process.execPath, [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(run.stdout);
if (run.status !== 0) process.exit(run.status ?? 1);
const p6 = JSON.parse(run.stdout.trim().split('\n').at(-1));

const results = { at: new Date().toISOString(), node: process.version, scenarios: [p6] };
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('latest.json', dir), JSON.stringify(results, null, 2) + '\n');
writeFileSync(new URL(`${results.at.slice(0, 10)}.json`, dir), JSON.stringify(results, null, 2) + '\n');
console.log('\nscenario | ours | goal | met');
console.log(
  `P6 order numbers/s | ${p6.numbersPerSecond.toLocaleString('en')} | ≥ ${p6.goal.toLocaleString('en')} | ${p6.met ? 'yes' : 'NO'}`,
);
console.log(
  `P6 duplicates across ${p6.processes} processes × 1M | ${p6.duplicates} | 0 | ${p6.duplicates === 0 ? 'yes' : 'NO'}`,
);
