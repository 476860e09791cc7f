// P5 (first cut): Kuaidi100 pushes for shipped parcels at fixed concurrency, 30% duplicates and 10% out of order;
// each push carries one new event. Checks afterwards that no event was lost or stored twice.
import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { createPaidOrder } from '../lib/orders.mjs';
import { percentile, startProduct } from '../lib/product.mjs';

const STATES = ['1', '0', '0', '5', '3'];
const sign = (param) =>
  createHash('md5')
    .update(param + 'demo-kuaidi100-salt')
    .digest('hex')
    .toUpperCase();

export async function carrierScenario({ parcels = 300, concurrency = 16, port = 4411 } = {}) {
  const warehouse = createServer((req, res) => req.resume().on('end', () => res.end('{"ok":true}')));
  await new Promise((r) => warehouse.listen(0, '127.0.0.1', r));
  const product = await startProduct({
    port,
    env: { OMS_DEMO_WMS_URL: `http://127.0.0.1:${warehouse.address().port}/wms` },
  });
  const shipped = [];
  for (let i = 0; i < parcels; i++) {
    const { subOrders } = await createPaidOrder(product.url, `p5-${Date.now()}-${i}`, i);
    const sub = subOrders[0];
    const trackingNumber = `SF${String(100_000_000_000 + i)}`;
    const raw = JSON.stringify({
      eventId: `ship-${sub.number}`,
      subOrderNumber: sub.number,
      type: 'SHIPPED',
      occurredAt: new Date().toISOString(),
      shipments: [{ carrier: 'SF', trackingNumber }],
    });
    await fetch(`${product.url}/webhooks/wms/${sub.warehouse.code}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-oms-signature': `sha256=${createHmac('sha256', 'demo-wms-secret').update(raw).digest('hex')}`,
      },
      body: raw,
    });
    shipped.push(trackingNumber);
  }
  // The pushes: per parcel its track grows one event at a time; 30% are sent twice, 10% swapped with the next one.
  const pushes = [];
  for (const nu of shipped) {
    const track = [];
    STATES.forEach((state, step) => {
      const ftime = `2026-11-2${step} 1${step}:00:00`;
      track.unshift({ context: `步骤 ${step} ${nu}`, time: ftime, ftime, areaName: '上海市' });
      pushes.push({ nu, state, data: [...track] });
    });
  }
  const sends = [];
  for (let i = 0; i < pushes.length; i++) {
    if (Math.random() < 0.1 && i + 1 < pushes.length) [pushes[i], pushes[i + 1]] = [pushes[i + 1], pushes[i]];
    sends.push(pushes[i]);
    if (Math.random() < 0.3) sends.push(pushes[i]);
  }
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sends.length) {
        const push = sends[next++];
        const param = JSON.stringify({
          status: 'polling',
          lastResult: { com: 'shunfeng', nu: push.nu, state: push.state, data: push.data },
        });
        const t0 = performance.now();
        const response = await fetch(`${product.url}/webhooks/carriers/kuaidi100`, {
          method: 'POST',
          body: new URLSearchParams({ param, sign: sign(param) }),
        });
        if (!(await response.json()).result) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const expected = shipped.length * STATES.length;
  const db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  const { rows } = await db.query(
    "SELECT count(*)::int AS n FROM logistics_events WHERE tracking_number LIKE 'SF%'",
  );
  const stored = rows[0].n;
  await db.end();
  await product.stop();
  await new Promise((r) => warehouse.close(r));
  return {
    scenario: 'P5-carrier-pushes',
    pushes: sends.length,
    newEvents: expected,
    stored,
    lost: expected - stored,
    eventsPerSecond: Math.round(expected / seconds),
    pushesPerSecond: Math.round(sends.length / seconds),
    failures,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    goal: 3000,
    met: expected / seconds >= 3000 && stored === expected,
  };
}
