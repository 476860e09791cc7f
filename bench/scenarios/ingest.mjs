// P4 (first cut): createOrder + recordPayment at fixed concurrency, through split, screening and the outbox to a
// local HTTP warehouse that acknowledges; measures orders/s end to end (acknowledged dispatches) and latency.
import { createServer } from 'node:http';
import { createPaidOrder } from '../lib/orders.mjs';
import { percentile, startProduct } from '../lib/product.mjs';

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
  await product.stop();
  await new Promise((r) => warehouse.close(r));
  return {
    scenario: 'P4-ingest',
    seconds: elapsed,
    concurrency,
    orders: created,
    failures,
    ordersPerSecond: Math.round(created / elapsed),
    dispatchedPerSecondEndToEnd: Math.round(acknowledged / drained),
    dispatched: acknowledged,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    goal: 500,
    met: created / elapsed >= 500,
  };
}
