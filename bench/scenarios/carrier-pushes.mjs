// P5: Kuaidi100 pushes for shipped parcels at fixed concurrency, 30% duplicates and 10% out of order; each push
// carries one new event. Checks afterwards that no event was lost or stored twice. Then the reference on the same
// database: the same kind of push sequence for as many other parcels, each push written by hand-written SQL in one
// transaction (the inbox row; the track, the parcel's node and a signed sub-order's delivery in one statement).
import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { LOGISTICS_RANK, mapKuaidi100State } from '@oms/schema';
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
  const db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  try {
    const ours = await runPushes(await shipParcels(product, db, parcels, 'SF1'), concurrency, (param) =>
      postPush(product.url, param),
    );
    const oursStored = await storedEvents(db, 'SF1');
    const pool = new pg.Pool({ connectionString: product.databaseUrl, max: concurrency });
    pool.on('error', () => {});
    const reference = await runPushes(await shipParcels(product, db, parcels, 'SF2'), concurrency, (param) =>
      writePush(pool, param),
    );
    await pool.end();
    const referenceStored = await storedEvents(db, 'SF2');
    const expected = parcels * STATES.length;
    return {
      scenario: 'P5-carrier-pushes',
      ...summary(ours, expected, oursStored),
      reference: summary(reference, expected, referenceStored),
      goal: 3000,
      met: ours.eventsPerSecond >= 3000 && oursStored === expected && ours.failures === 0,
    };
  } finally {
    await db.end();
    await product.stop();
    await new Promise((r) => warehouse.close(r));
  }
}

const summary = (run, expected, stored) => ({
  pushes: run.pushes,
  newEvents: expected,
  stored,
  lost: expected - stored,
  eventsPerSecond: Math.round(expected / run.seconds),
  pushesPerSecond: Math.round(run.pushes / run.seconds),
  failures: run.failures,
  p50Ms: Math.round(percentile(run.latencies, 50)),
  p99Ms: Math.round(percentile(run.latencies, 99)),
});

async function storedEvents(db, prefix) {
  const { rows } = await db.query(
    'SELECT count(*)::int AS n FROM logistics_events WHERE tracking_number LIKE $1',
    [`${prefix}%`],
  );
  return rows[0].n;
}

/**
 * `parcels` paid orders through the API, each reported SHIPPED by its warehouse with one waybill `<prefix>…` (the
 * warehouse read from the database: the storefront's key reads only numbers and statuses).
 */
async function shipParcels(product, db, parcels, prefix) {
  const shipped = [];
  for (let i = 0; i < parcels; i++) {
    const { subOrders } = await createPaidOrder(product.url, `p5-${prefix}-${Date.now()}-${i}`, i);
    const sub = subOrders[0];
    const { rows } = await db.query(
      'SELECT w.code FROM sub_orders s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.number = $1',
      [sub.number],
    );
    const warehouseCode = rows[0].code;
    const trackingNumber = `${prefix}${String(10_000_000_000 + i)}`;
    const raw = JSON.stringify({
      eventId: `ship-${sub.number}`,
      subOrderNumber: sub.number,
      type: 'SHIPPED',
      occurredAt: new Date().toISOString(),
      shipments: [{ carrier: 'SF', trackingNumber }],
    });
    await fetch(`${product.url}/webhooks/wms/${warehouseCode}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-oms-signature': `sha256=${createHmac('sha256', 'demo-wms-secret').update(raw).digest('hex')}`,
      },
      body: raw,
    });
    shipped.push(trackingNumber);
  }
  return shipped;
}

/** The pushes: per parcel its track grows one event at a time; 30% are sent twice, 10% swapped with the next one. */
function pushSequence(shipped) {
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
  return sends.map((push) =>
    JSON.stringify({
      status: 'polling',
      lastResult: { com: 'shunfeng', nu: push.nu, state: push.state, data: push.data },
    }),
  );
}

/** Sends the push sequence of `shipped` through `send(param)` (resolves true when accepted) at `concurrency`. */
async function runPushes(shipped, concurrency, send) {
  const sends = pushSequence(shipped);
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sends.length) {
        const param = sends[next++];
        const t0 = performance.now();
        const accepted = await send(param).catch((error) => {
          if (!failures) console.error('  push failed:', error.message);
          return false;
        });
        if (!accepted) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { pushes: sends.length, seconds: (performance.now() - started) / 1000, latencies, failures };
}

async function postPush(url, param) {
  const response = await fetch(`${url}/webhooks/carriers/kuaidi100`, {
    method: 'POST',
    body: new URLSearchParams({ param, sign: sign(param) }),
  });
  return Boolean((await response.json()).result);
}

/** The path nodes in rank order: a report moves the parcel only forward along it. */
const RANKED = Object.entries(LOGISTICS_RANK)
  .sort((a, b) => a[1] - b[1])
  .map(([node]) => node);

/** The reference write of one push: what the product writes for it, by hand-written SQL in one transaction. */
async function writePush(pool, param) {
  const { lastResult } = JSON.parse(param);
  const node = mapKuaidi100State(lastResult.state)?.node ?? null;
  const entries = lastResult.data
    .map((e) => ({ ...e, occurred_at: `${e.ftime.replace(' ', 'T')}+08:00` }))
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at))
    .map((e, i) => ({
      raw_state: i === 0 ? lastResult.state : null,
      node: i === 0 ? node : null,
      context: e.context,
      area_name: e.areaName,
      occurred_at: e.occurred_at,
      customer_visible: true,
    }));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inbox = await client.query(
      `INSERT INTO inbound_messages (source, message_key, received_at, payload, outcome)
       VALUES ('KUAIDI100', $1, now(), $2, 'RECEIVED') ON CONFLICT DO NOTHING RETURNING id`,
      [createHash('sha256').update(param).digest('hex'), param],
    );
    if (inbox.rows.length) {
      await client.query(
        `WITH sh AS (
           SELECT id, sub_order_id, order_id, shard, node FROM shipments
           WHERE carrier_code = 'SF' AND tracking_number = $1 FOR UPDATE),
         track AS (
           INSERT INTO logistics_events (shipment_id, order_id, shard, carrier_code, tracking_number, raw_state,
             node, context, area_name, occurred_at, customer_visible)
           SELECT sh.id, sh.order_id, sh.shard, 'SF', $1, e.raw_state, e.node, e.context, e.area_name,
             e.occurred_at, e.customer_visible
           FROM sh, jsonb_to_recordset($2::jsonb) AS e(raw_state text, node text, context text, area_name text,
             occurred_at timestamptz, customer_visible boolean)
           ON CONFLICT (carrier_code, tracking_number, occurred_at, md5(context)) DO NOTHING),
         moved AS (
           UPDATE shipments p SET node = $3, last_normal_node = $3 FROM sh
           WHERE p.id = sh.id AND coalesce(array_position($4::text[], sh.node), 0) < array_position($4::text[], $3)
           RETURNING p.id, sh.sub_order_id, sh.order_id, sh.shard),
         delivered AS (
           UPDATE sub_orders s SET status = 'DELIVERED', version = s.version + 1, updated_at = now(),
             finished_at = now()
           FROM moved
           WHERE $3 = 'SIGNED' AND s.id = moved.sub_order_id AND s.status = 'SHIPPED'
             AND NOT EXISTS (SELECT 1 FROM shipments o WHERE o.sub_order_id = s.id AND o.id <> moved.id
                             AND o.node IS DISTINCT FROM 'SIGNED')
           RETURNING s.id, s.order_id, s.shard),
         bumped AS (
           UPDATE orders o SET version = o.version + 1, updated_at = now() FROM delivered
           WHERE o.id = delivered.order_id)
         INSERT INTO order_events (order_id, sub_order_id, shard, type, at, actor_type, actor_id, before, after,
           customer_visible)
         SELECT order_id, id, shard, 'STATUS_CHANGED', now(), 'CARRIER', 'SF', '{"status":"SHIPPED"}',
           '{"status":"DELIVERED","allParcelsSigned":true}', true
         FROM delivered`,
        [lastResult.nu, JSON.stringify(entries), node, RANKED],
      );
    }
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
