// The write reference of P4 (docs/performance.md: "the same rows written by hand-written SQL in one transaction"): the
// rows the product wrote for an ingested order, read back after our run, written again as copies with fresh ids and
// fresh unique values, one order per transaction: ids leased, the stock rows it reserves locked in a fixed order, and
// one INSERT statement (one CTE per table) that also reserves the stock, over a `pg` pool at the same concurrency.
// What it leaves out is what is not a row: the graphile-worker job (added and deleted) and the HTTP dispatch.
import pg from 'pg';

/** The tables an ingested order writes, parents first; every one of them carries `order_id`. */
const FAMILY = [
  'orders',
  'order_lines',
  'sub_orders',
  'sub_order_warehouses',
  'payments',
  'payment_logs',
  'gift_card_usages',
  'points_usages',
  'interceptions',
  'order_events',
  'outbound_messages',
];
/** Columns that point at a copied row, and the table of that row. */
const POINTERS = {
  order_id: 'orders',
  sub_order_id: 'sub_orders',
  payment_id: 'payments',
};
/** Sub-order statuses that hold stock at their warehouse (as the split reserves it). */
const HOLDING = ['CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED'];
/** Deadlock and serialization failure: retried. */
const RETRIED = new Set(['40P01', '40001']);

/** Reads the rows of the orders `orderIds` as families: `[{ table: rows[] }]`. */
export async function captureFamilies(db, orderIds) {
  const families = [];
  for (const id of orderIds) {
    const { rows } = await db.query(
      FAMILY.map(
        (table, i) =>
          `SELECT ${i} AS t, coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.id), '[]') AS rows
           FROM ${table} x WHERE ${table === 'orders' ? 'id' : 'order_id'} = $1`,
      ).join(' UNION ALL '),
      [id],
    );
    families.push(Object.fromEntries(rows.map((r) => [FAMILY[r.t], r.rows])));
  }
  return families;
}

/** The insertable columns of each family table (identity ids included: written with OVERRIDING SYSTEM VALUE). */
async function columnsOf(db) {
  const { rows } = await db.query(
    `SELECT table_name AS t, array_agg(column_name::text ORDER BY ordinal_position) AS columns
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = ANY($1) AND is_generated = 'NEVER'
     GROUP BY 1`,
    [FAMILY],
  );
  return new Map(rows.map((r) => [r.t, r.columns]));
}

/** The one statement that writes a family: one CTE per table, and the stock the open sub-orders hold. */
function familyStatement(columns) {
  const ctes = FAMILY.map((table, i) => {
    const list = columns
      .get(table)
      .map((c) => `"${c}"`)
      .join(', ');
    return `w${i} AS (INSERT INTO ${table} (${list}) OVERRIDING SYSTEM VALUE
      SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $${i + 1}::jsonb))`;
  });
  const stock = FAMILY.length + 1;
  return `WITH ${ctes.join(',\n')}
    UPDATE stock SET reserved = stock.reserved + h.quantity,
      on_hand = greatest(stock.on_hand, stock.reserved + h.quantity)
    FROM jsonb_to_recordset($${stock}::jsonb) AS h(warehouse_id bigint, sku text, quantity int)
    WHERE stock.warehouse_id = h.warehouse_id AND stock.sku = h.sku`;
}

const pad = (n, width) => String(n).padStart(width, '0');

/**
 * A copy of `family` with ids from `ids` (per table, in row order) and unique values made from `n`: order and
 * sub-order numbers (16 characters, as the column is), external id, payment serials, outbound event ids.
 */
function stamp(family, n, ids) {
  const remap = {};
  for (const table of FAMILY) {
    const map = new Map();
    family[table].forEach((row, i) => map.set(String(row.id), ids[table][i]));
    remap[table] = map;
  }
  const copy = {};
  for (const table of FAMILY) {
    copy[table] = family[table].map((row, i) => {
      const out = { ...row, id: ids[table][i] };
      for (const [column, target] of Object.entries(POINTERS)) {
        if (out[column] != null) out[column] = remap[target].get(String(out[column])) ?? out[column];
      }
      if (table === 'orders') {
        out.number = `R${pad(n, 15)}`;
        out.external_id = `${row.external_id}-r${n}`;
      } else if (table === 'sub_orders') out.number = `S${pad(n * 10 + i, 15)}`;
      else if (table === 'payments' && row.transaction_no) out.transaction_no = `${row.transaction_no}-r${n}`;
      else if (table === 'outbound_messages')
        out.event_id = `${pad(n.toString(16), 8)}-0000-4000-9000-${pad(i.toString(16), 12)}`;
      return out;
    });
  }
  return copy;
}

/** What the family's open sub-orders reserve, per warehouse and SKU. */
function reservations(family) {
  const held = new Map();
  for (const sub of family.sub_orders) {
    if (!HOLDING.includes(sub.status) || sub.warehouse_id == null || sub.merchant_id) continue;
    for (const line of family.order_lines) {
      if (String(line.sub_order_id) !== String(sub.id)) continue;
      const key = `${sub.warehouse_id}|${line.sku}`;
      held.set(key, (held.get(key) ?? 0) + line.quantity);
    }
  }
  return [...held].map(([key, quantity]) => {
    const [warehouse_id, sku] = key.split('|');
    return { warehouse_id: Number(warehouse_id), sku, quantity };
  });
}

/**
 * Writes copies of `families` (round robin) for `seconds` at `concurrency`, each in its own transaction: ids leased
 * from the tables' own sequences in one statement, then the family statement. Returns orders/s and latencies.
 */
export async function replayFamilies({ databaseUrl, families, seconds, concurrency = 16 }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  pool.on('error', () => {});
  const columns = await columnsOf(pool);
  const statement = familyStatement(columns);
  const leaseSql = `SELECT ${FAMILY.map(
    (t, i) =>
      `array(SELECT nextval(pg_get_serial_sequence('${t}', 'id')) FROM generate_series(1, $${i + 1}::int))::text[] AS "${t}"`,
  ).join(', ')}`;
  const stock = families.map(reservations);
  const latencies = [];
  let written = 0;
  let failures = 0;
  let retries = 0;
  let next = 0;
  const writeCopy = async (client, family, n, reserved) => {
    await client.query('BEGIN');
    const [ids] = (
      await client.query(
        leaseSql,
        FAMILY.map((t) => family[t].length),
      )
    ).rows;
    // The stock rows first, in one order for every writer (as the product locks them), so writers queue on the
    // hot SKUs instead of deadlocking.
    if (reserved.length)
      await client.query(
        `SELECT 1 FROM stock st JOIN jsonb_to_recordset($1::jsonb) AS h(warehouse_id bigint, sku text)
           ON st.warehouse_id = h.warehouse_id AND st.sku = h.sku
         ORDER BY st.warehouse_id, st.sku FOR UPDATE OF st`,
        [JSON.stringify(reserved)],
      );
    const copy = stamp(family, n, ids);
    await client.query(statement, [...FAMILY.map((t) => JSON.stringify(copy[t])), JSON.stringify(reserved)]);
    await client.query('COMMIT');
  };
  // Copy numbers start past anything an earlier run on this database used.
  const firstCopy = Date.now() % 1_000_000_000;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          const k = next++;
          const family = families[k % families.length];
          const t0 = performance.now();
          // A deadlock on the stock rows (two orders reserving the same SKUs in another order) is retried, as the
          // product retries a lost race; anything else counts as a failure.
          for (let attempt = 1; ; attempt++) {
            try {
              await writeCopy(client, family, firstCopy + k, stock[k % families.length]);
              latencies.push(performance.now() - t0);
              written++;
              break;
            } catch (error) {
              await client.query('ROLLBACK').catch(() => {});
              if (RETRIED.has(error.code) && attempt < 5) {
                retries++;
                continue;
              }
              if (failures++ === 0) console.error('  reference write failed:', error.message);
              break;
            }
          }
        }
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  return { orders: written, failures, retries, seconds: elapsed, latencies, rowsPerOrder: rowsPer(families) };
}

const rowsPer = (families) =>
  Math.round(
    (families.reduce((s, f) => s + FAMILY.reduce((n, t) => n + f[t].length, 0), 0) / families.length) * 10,
  ) / 10;
