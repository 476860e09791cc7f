// The load generator, run as its own process (node lib/load.mjs <spec.json>) so its CPU is apart from the server's:
// fixed concurrency, a warm-up whose requests are not counted, then a measured stretch. Two kinds of request:
//   graphql: POST spec.query with one of spec.variables (round robin) to spec.url/graphql with spec.headers;
//   sql:     the reference, spec.sql with one of spec.params over a `pg` pool of `concurrency` connections.
// Prints one JSON line: requests, errors, rps, p50/p99 (ms), the first error.
import { readFileSync } from 'node:fs';
import http from 'node:http';
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
  // node:http with a keep-alive agent rather than fetch: fetch's per-request cost (streams, Headers) would take CPU
  // from the server on this 2-core machine and count against ours.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(spec.url);
  send = () =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query: spec.query, variables: input() });
      const request = http.request(
        {
          agent,
          hostname,
          port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...spec.headers,
          },
        },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              if (parsed.errors) throw new Error(JSON.stringify(parsed.errors).slice(0, 500));
              if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
              resolve();
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  close = async () => agent.destroy();
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
