// P4: createOrder + recordPayment at fixed concurrency, through split, screening and the outbox to a local HTTP
// warehouse that acknowledges; measures orders/s and latency, and dispatches acknowledged end to end. Then the
// reference on the same database: copies of the rows our run wrote for a sample of its orders, written by
// hand-written SQL one order per transaction (lib/replay.mjs), for as long and at the same concurrency.
import { createServer } from 'node:http';
import pg from 'pg';
import { createPaidOrder } from '../lib/orders.mjs';
import { percentile, startProduct } from '../lib/product.mjs';
import { captureFamilies, replayFamilies } from '../lib/replay.mjs';

export async function ingestScenario({ seconds = 20, concurrency = 16, port = 4410 } = {}) {
  let acknowledged = 0;
  const warehouse = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      acknowledged++;
      res.end('{"ok":true}');
    });
  });
  await new Promise((r) => warehouse.listen(0, '127.0.0.1', r));
  const wmsUrl = `http://127.0.0.1:${warehouse.address().port}/wms`;
  const product = await startProduct({ port, env: { OMS_DEMO_WMS_URL: wmsUrl } });
  const latencies = [];
  let created = 0;
  let failures = 0;
  let sequence = 0;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (Date.now() < deadline) {
      const i = sequence++;
      const t0 = performance.now();
      try {
        await createPaidOrder(product.url, `${started}-${i}`, i);
        latencies.push(performance.now() - t0);
        created++;
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (Date.now() - started) / 1000;
  // Let the outbox drain what was paid in the window.
  const drainUntil = Date.now() + 60_000;
  while (acknowledged < created && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 200));
  const drained = (Date.now() - started) / 1000;
  const reference = await referenceRun(product.databaseUrl, { seconds, concurrency });
  await product.stop();
  await new Promise((r) => warehouse.close(r));
  const ordersPerSecond = created / elapsed;
  return {
    scenario: 'P4-ingest',
    seconds: elapsed,
    concurrency,
    orders: created,
    failures,
    ordersPerSecond: Math.round(ordersPerSecond),
    dispatchedPerSecondEndToEnd: Math.round(acknowledged / drained),
    dispatched: acknowledged,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    reference,
    goal: 500,
    met: ordersPerSecond >= 500 && ordersPerSecond >= 0.3 * reference.ordersPerSecond && failures === 0,
  };
}

/** The reference: the rows of 50 of our dispatched orders, copied for `seconds` by SQL. */
async function referenceRun(databaseUrl, { seconds, concurrency }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query(
    `SELECT o.id FROM orders o
     WHERE o.external_id LIKE 'bench-%'
       AND NOT EXISTS (SELECT 1 FROM sub_orders s WHERE s.order_id = o.id AND s.status <> 'DISPATCHED')
     ORDER BY random() LIMIT 50`,
  );
  const families = await captureFamilies(
    db,
    rows.map((r) => r.id),
  );
  await db.end();
  if (!families.length) throw new Error('P4 reference: none of our orders was dispatched to copy');
  const run = await replayFamilies({ databaseUrl, families, seconds, concurrency });
  return {
    orders: run.orders,
    failures: run.failures,
    retries: run.retries,
    rowsPerOrder: run.rowsPerOrder,
    ordersPerSecond: Math.round(run.orders / run.seconds),
    p50Ms: Math.round(percentile(run.latencies, 50)),
    p99Ms: Math.round(percentile(run.latencies, 99)),
  };
}
