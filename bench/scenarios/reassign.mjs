// P7: bulk reassign 10,000 sub-orders (before picking) to another warehouse with one bulkReassignWarehouse call (its
// input limit is 10,000), then check stock is exact: each warehouse/sku reserved = what its open sub-orders hold.
// Reference: the same row changes for another 10,000 sub-orders by hand-written SQL in one transaction.
// Both change the persistent data set (the moved sub-orders stay moved), so each run picks sub-orders afresh.
import { request } from 'node:http';
import pg from 'pg';
import { WAREHOUSE_CAPABILITIES } from '@oms/schema';
import { settleOutbox } from '../lib/dataset.mjs';
import { signIn } from './reads.mjs';

const COUNT = Number(process.env.BENCH_REASSIGN ?? 10_000);
const HOLDING = ['CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED'];
/** Sub-orders before picking: the ones a reassignment may move. */
const OPEN = ['CREATED', 'DISPATCHED', 'ACCEPTED'];

/** Warehouse/sku pairs whose reserved differs from the sum over sub-orders holding stock there. */
export async function stockMismatches(db) {
  const { rows } = await db.query(
    `WITH held AS (
       SELECT s.warehouse_id, l.sku, sum(l.quantity)::int AS quantity
       FROM sub_orders s JOIN order_lines l ON l.sub_order_id = s.id
       WHERE s.status = ANY($1) AND s.warehouse_id IS NOT NULL AND s.merchant_id IS NULL GROUP BY 1, 2)
     SELECT count(*)::int AS n FROM stock st FULL JOIN held h ON h.warehouse_id = st.warehouse_id AND h.sku = st.sku
     WHERE coalesce(st.reserved, 0) <> coalesce(h.quantity, 0)`,
    [HOLDING],
  );
  return rows[0].n;
}

const REFERENCE = [
  `CREATE TEMP TABLE moving ON COMMIT DROP AS
   SELECT s.id, s.order_id, s.shard, s.status AS old_status, s.warehouse_id AS old_warehouse, o.number AS order_number,
          s.number AS sub_number
   FROM sub_orders s JOIN orders o ON o.id = s.order_id WHERE s.id = ANY($1::bigint[])`,
  `SELECT 1 FROM sub_orders WHERE id IN (SELECT id FROM moving) ORDER BY id FOR UPDATE`,
  `UPDATE sub_orders s SET warehouse_id = $1, status = 'CREATED', version = s.version + 1, out_of_stock = false,
     dispatch_state = 'NONE', late_minutes = NULL, updated_at = now()
   FROM moving m WHERE s.id = m.id`,
  `WITH need AS (
     SELECT m.old_warehouse AS warehouse_id, l.sku, -sum(l.quantity)::int AS delta
     FROM moving m JOIN order_lines l ON l.sub_order_id = m.id GROUP BY 1, 2
     UNION ALL
     SELECT $1::bigint, l.sku, sum(l.quantity)::int FROM moving m JOIN order_lines l ON l.sub_order_id = m.id GROUP BY 2),
   total AS (SELECT warehouse_id, sku, sum(delta)::int AS delta FROM need GROUP BY 1, 2)
   UPDATE stock st SET reserved = st.reserved + t.delta FROM total t
   WHERE st.warehouse_id = t.warehouse_id AND st.sku = t.sku`,
  `UPDATE sub_order_warehouses w SET released_at = now() FROM moving m
   WHERE w.sub_order_id = m.id AND w.released_at IS NULL`,
  `INSERT INTO sub_order_warehouses (sub_order_id, order_id, shard, warehouse_id, assigned_at, reason)
   SELECT id, order_id, shard, $1, now(), 'REASSIGN' FROM moving`,
  `INSERT INTO order_events (order_id, sub_order_id, shard, type, at, actor_type, actor_id, actor_name, reason, before,
     after, customer_visible)
   SELECT order_id, id, shard, 'STATUS_CHANGED', now(), 'STAFF', 'ops', 'bench', 'bench reference',
     jsonb_build_object('status', old_status), jsonb_build_object('status', 'CREATED'), true
   FROM moving WHERE old_status <> 'CREATED'
   UNION ALL
   SELECT order_id, id, shard, 'WAREHOUSE_REASSIGNED', now(), 'STAFF', 'ops', 'bench', 'bench reference', NULL,
     jsonb_build_object('to', $1::text), false FROM moving`,
  `INSERT INTO outbound_messages (event_id, sub_order_id, order_id, shard, warehouse_id, seq, type, reason)
   SELECT gen_random_uuid(), m.id, m.order_id, m.shard, x.warehouse_id,
     coalesce((SELECT max(seq) FROM outbound_messages o WHERE o.sub_order_id = m.id), 0) + x.n, x.type, x.reason
   FROM moving m CROSS JOIN LATERAL (VALUES (1, m.old_warehouse, 'CANCEL', 'REASSIGN'), (2, $1::bigint, 'DISPATCH', NULL))
     AS x(n, warehouse_id, type, reason)
   WHERE x.type = 'DISPATCH' OR m.old_status <> 'CREATED'`,
  `UPDATE orders o SET version = o.version + 1, updated_at = now() FROM (SELECT DISTINCT order_id FROM moving) m
   WHERE o.id = m.order_id`,
  `INSERT INTO audit_log (staff_id, role, action, order_number, before, after, reason)
   SELECT (SELECT id FROM staff WHERE username = 'ops'), 'OPS', 'REASSIGN_WAREHOUSE', order_number,
     jsonb_build_object('warehouse', old_warehouse), jsonb_build_object('subOrderNumber', sub_number), 'bench reference'
   FROM moving`,
];

export async function reassignScenario({ product, db }) {
  // The target: the warehouse holding the fewest open sub-orders (each run moves 20,000 to its target, so the
  // next run moves them on from there); candidates are open sub-orders elsewhere whose goods it can handle.
  const { rows: targets } = await db.query(
    `SELECT w.id::text, w.code, w.capabilities FROM warehouses w
     WHERE w.kind = 'WAREHOUSE' AND w.active
     ORDER BY (SELECT count(*) FROM sub_orders s WHERE s.warehouse_id = w.id AND s.status = ANY($1)), w.code
     LIMIT 1`,
    [OPEN],
  );
  const target = targets[0];
  // Earlier runs reserved the target's stock for what they moved there: replenish it, so the candidates are not
  // limited by what is left (a replenishment is an ordinary stock change; stock stays exact by the rule checked).
  await db.query(
    'UPDATE stock SET on_hand = reserved + 1000000 WHERE warehouse_id = $1 AND on_hand - reserved < 1000000',
    [target.id],
  );
  const { rows: candidates } = await db.query(
    `SELECT s.id::text, s.number FROM sub_orders s
     WHERE s.status = ANY($3) AND s.merchant_id IS NULL AND s.warehouse_id <> $1
       AND s.cancel_requested_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM order_lines l JOIN stock st ON st.sku = l.sku AND st.warehouse_id = $1
                       WHERE l.sub_order_id = s.id AND st.on_hand - st.reserved < 1000)
       AND NOT EXISTS (SELECT 1 FROM order_lines l, unnest(l.attributes) a
                       WHERE l.sub_order_id = s.id AND a = ANY($4::text[]) AND a <> ALL($5::text[]))
     ORDER BY random() LIMIT $2`,
    [target.id, COUNT * 2, OPEN, WAREHOUSE_CAPABILITIES, target.capabilities],
  );
  const half = Math.min(COUNT, Math.floor(candidates.length / 2));
  const ours = candidates.slice(0, half);
  const theirs = candidates.slice(half, half * 2);
  const mismatchesBefore = await stockMismatches(db);

  const headers = await signIn(product.url, 'ops', 'ops123');
  const started = performance.now();
  const { bulkReassignWarehouse } = await post(
    product.url,
    `mutation($i: BulkReassignWarehouseInput!) { bulkReassignWarehouse(input: $i) { results { id ok error { code message } } } }`,
    {
      i: {
        subOrderNumbers: ours.map((c) => c.number.trim()),
        warehouseCode: target.code,
        reason: 'bench P7',
      },
    },
    headers,
  );
  const oursSeconds = (performance.now() - started) / 1000;
  const failed = bulkReassignWarehouse.results.filter((r) => !r.ok);
  const mismatchesAfter = await stockMismatches(db);
  // The call is measured, not the deliveries it queued: they would load the reference and later runs (settleOutbox).
  await settleOutbox(db);

  const client = new pg.Client({ connectionString: product.databaseUrl });
  await client.connect();
  const t0 = performance.now();
  await client.query('BEGIN');
  // The first statement takes the sub-orders, the rest the target warehouse.
  for (const [i, sql] of REFERENCE.entries())
    await client.query(sql, i === 0 ? [theirs.map((c) => c.id)] : sql.includes('$1') ? [target.id] : []);
  await client.query('COMMIT');
  const referenceSeconds = (performance.now() - t0) / 1000;
  await client.end();
  const mismatchesAfterReference = await stockMismatches(db);
  await settleOutbox(db);
  // 20,000 sub-orders and their rows were just rewritten: vacuum them now, or autovacuum does it during the next run's
  // first scenario (P1 once saw PostgreSQL at 0.99 cores instead of 0.5–0.6).
  await db.query(
    'VACUUM ANALYZE sub_orders, orders, stock, sub_order_warehouses, order_events, outbound_messages, audit_log',
  );
  return {
    subOrders: ours.length,
    referenceSubOrders: theirs.length,
    calls: 1,
    target: target.code,
    seconds: Math.round(oursSeconds * 100) / 100,
    referenceSeconds: Math.round(referenceSeconds * 100) / 100,
    failed: failed.length,
    firstFailure: failed[0]?.error ?? null,
    stockMismatchesBefore: mismatchesBefore,
    stockMismatchesAfter: mismatchesAfter,
    stockMismatchesAfterReference: mismatchesAfterReference,
  };
}

/** One GraphQL POST without fetch's 300 s header timeout (a slow bulk call is a result, not an error). */
function post(url, query, variables, headers) {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(text);
            if (parsed.errors) reject(new Error(JSON.stringify(parsed.errors).slice(0, 500)));
            else resolve(parsed.data);
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
