// P6 micro-benchmark (docs/performance.md): order numbers per second from one process after warm-up, and zero
// duplicates across 4 processes × 1M drawing blocks from one shared sequence (the parent plays PostgreSQL's
// `nextval`, handing out disjoint blocks over IPC). Runs against the built package: `pnpm build` first.
// Prints; never fails on a timing. Exits 1 only on a duplicate or a broken child. Last line: JSON for machines.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  InMemorySequenceBlockSource,
  OrderNumberGenerator,
  parseOrderNumber,
  permutationKeyFromSecret,
} from '../dist/order-number/index.js';

const GOAL = 1_000_000;
const SECRET = 'p6-bench-secret';
const BLOCK_SIZE = 10_000;
const BATCH = 10_000;
const WARM_UP_MS = 1_000;
const MEASURE_MS = 3_000;
const PROCESSES = 4;
const PER_PROCESS = 1_000_000;

const key = permutationKeyFromSecret(SECRET);
const format = (value) => Math.round(value).toLocaleString('en-US');

/** Issues numbers in batches for `durationMs`; yields a microtask between batches so prefetched leases land. */
async function issueFor(generator, durationMs) {
  let issued = 0;
  let waits = 0;
  let sink = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < BATCH; i += 1) {
      const shard = i % 100;
      let number = generator.nextSync('ORDER', 'NORMAL', shard);
      if (number === null) {
        waits += 1;
        number = await generator.next('ORDER', 'NORMAL', shard);
      }
      sink = (sink + number.charCodeAt(15)) | 0;
    }
    issued += BATCH;
    await null;
    elapsed = performance.now() - started;
  }
  return { issued, waits, seconds: elapsed / 1000, sink };
}

async function singleProcess() {
  const generator = new OrderNumberGenerator({
    source: new InMemorySequenceBlockSource(),
    key,
    blockSize: BLOCK_SIZE,
  });
  await generator.prime();
  await issueFor(generator, WARM_UP_MS);
  const { issued, waits, seconds } = await issueFor(generator, MEASURE_MS);
  const perSecond = issued / seconds;
  console.log(
    `order numbers: ${format(perSecond)}/s (goal ≥ ${format(GOAL)}/s) — ${format(issued)} in ${seconds.toFixed(2)} s, ` +
      `${waits} waits for a lease`,
  );
  return perSecond;
}

/** A SequenceBlockSource that asks the parent process for blocks over IPC. */
class IpcBlockSource {
  #waiting = new Map();
  #nextId = 0;

  constructor() {
    process.on('message', (message) => {
      if (message?.type !== 'block') return;
      const resolve = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      resolve?.({ start: message.start, end: message.end });
    });
  }

  leaseBlock(size) {
    const id = this.#nextId;
    this.#nextId += 1;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      process.send({ type: 'lease', id, size });
    });
  }
}

/** Child: issues PER_PROCESS numbers (all the same kind, type and shard, so only the sequence keeps them apart). */
async function child() {
  const generator = new OrderNumberGenerator({ source: new IpcBlockSource(), key, blockSize: BLOCK_SIZE });
  const values = new Float64Array(PER_PROCESS);
  let waits = 0;
  const started = performance.now();
  for (let i = 0; i < PER_PROCESS; i += 1) {
    let number = generator.nextSync('ORDER', 'NORMAL', 7);
    if (number === null) {
      waits += 1;
      number = await generator.next('ORDER', 'NORMAL', 7);
    }
    values[i] = Number(number);
    // Let IPC replies (prefetched blocks) in now and then, as a server's event loop would.
    if (i % 2_000 === 1_999) await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(Buffer.from(values.buffer), () => {
    process.send({ type: 'done', perSecond: PER_PROCESS / seconds, waits }, () => process.disconnect());
  });
}

function runChild(script, blocks) {
  return new Promise((resolve, reject) => {
    const worker = fork(script, ['child'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    const chunks = [];
    let summary = null;
    worker.stdout.on('data', (chunk) => chunks.push(chunk));
    worker.on('message', (message) => {
      if (message.type === 'lease')
        worker.send({ type: 'block', id: message.id, ...blocks.lease(message.size) });
      if (message.type === 'done') summary = message;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      const bytes = Buffer.concat(chunks);
      if (code !== 0 || summary === null || bytes.length !== PER_PROCESS * 8) {
        reject(new Error(`child ${worker.pid} exited with ${code} after ${bytes.length} bytes`));
        return;
      }
      const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
      resolve({ ...summary, values });
    });
  });
}

async function multiProcess() {
  const script = fileURLToPath(import.meta.url);
  const shared = new InMemorySequenceBlockSource();
  const blocks = { leases: 0, lease: (size) => ((blocks.leases += 1), shared.leaseBlockSync(size)) };
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: PROCESSES }, () => runChild(script, blocks)));
  const seconds = (performance.now() - started) / 1000;

  const all = new Float64Array(PROCESSES * PER_PROCESS);
  results.forEach(({ values }, i) => all.set(values, i * PER_PROCESS));
  let malformed = 0;
  for (let i = 0; i < all.length; i += 997) if (!parseOrderNumber(String(all[i])).ok) malformed += 1;
  all.sort();
  let duplicates = 0;
  for (let i = 1; i < all.length; i += 1) if (all[i] === all[i - 1]) duplicates += 1;

  const rates = results.map((result) => format(result.perSecond)).join(', ');
  const waits = results.reduce((sum, result) => sum + result.waits, 0);
  console.log(
    `${PROCESSES} processes × ${format(PER_PROCESS)}: ${format(all.length)} numbers, ${duplicates} duplicates, ` +
      `${malformed} malformed in a sample; ${blocks.leases} blocks leased over IPC, ${waits} waits; ` +
      `${seconds.toFixed(2)} s wall (per process: ${rates}/s on shared cores)`,
  );
  return { total: all.length, duplicates, malformed };
}

if (process.argv[2] === 'child') {
  await child();
} else {
  const numbersPerSecond = await singleProcess();
  const { total, duplicates, malformed } = await multiProcess();
  const met = numbersPerSecond >= GOAL && duplicates === 0 && malformed === 0;
  if (duplicates > 0 || malformed > 0) process.exitCode = 1;
  console.log(
    JSON.stringify({
      scenario: 'P6',
      numbersPerSecond: Math.round(numbersPerSecond),
      goal: GOAL,
      met,
      processes: PROCESSES,
      numbersAcrossProcesses: total,
      duplicates,
      malformed,
    }),
  );
}
