// The load generator, run as its own process (node lib/load.mjs <spec.json>) so its CPU is apart from the server's:
// fixed concurrency, a warm-up whose requests are not counted, then a measured stretch. Two kinds of request:
//   graphql: POST spec.query with one of spec.variables (round robin) to spec.url/graphql with spec.headers;
//   sql:     the reference, spec.sql with one of spec.params over a `pg` pool of `concurrency` connections.
// Prints one JSON line: requests, errors, rps, p50/p99 (ms), the first error.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const concurrency = spec.concurrency ?? 16;
const inputs = spec.kind === 'sql' ? spec.params : spec.variables;
let next = 0;
const input = () => inputs[next++ % inputs.length];

let send;
let close = async () => {};
if (spec.kind === 'sql') {
  const pool = new pg.Pool({ connectionString: spec.databaseUrl, max: concurrency });
  send = async () => {
    const { rows } = await pool.query(spec.sql, input());
    if (spec.expectRows && rows.length === 0) throw new Error('no rows');
  };
  close = () => pool.end();
} else {
  const headers = { 'content-type': 'application/json', ...spec.headers };
  send = async () => {
    const response = await fetch(`${spec.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: spec.query, variables: input() }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
}

async function stretch(seconds, record) {
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await send();
          if (record) latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= String(error.message ?? error);
        }
      }
    }),
  );
  return { latencies, errors, firstError, seconds: (performance.now() - started) / 1000 };
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

await stretch(spec.warmupSeconds ?? 3, false);
process.stdout.write('{"phase":"measuring"}\n');
const { latencies, errors, firstError, seconds } = await stretch(spec.seconds ?? 10, true);
await close();
latencies.sort((a, b) => a - b);
const round = (n) => Math.round(n * 10) / 10;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    errors,
    firstError,
    seconds: round(seconds),
    rps: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  }) + '\n',
);
