import type { EntityManager } from 'typeorm';
import { blacklistEntry } from '@oms/server';
import type { BlacklistDraft } from './context.js';
import type { OrderDraft } from './model.js';
import { draftsOf, valuesOf, type TableName } from './rows.js';

/**
 * The columns (with their types) of every table the seed writes, in foreign-key order: a table only points at
 * earlier ones. Each row's value of a column is its draft's camelCase property of the same name (see rows.ts).
 */
export const TABLES: readonly (readonly [TableName, string])[] = [
  [
    'orders',
    `id bigint, number text, shard smallint, source text, external_id text, type text, channel text,
    status text, version integer, owner_id text, customer_id text, customer_nickname text,
    customer_registered_at timestamptz, receiver_name text, receiver_phone text, receiver_phone_index text,
    receiver_province text, receiver_city text, receiver_district text, receiver_address text,
    receiver_address_key text,
    delivery_preference text, invoice jsonb, remark text, promotions jsonb, ext jsonb, goods_fen bigint,
    freight_fen bigint, coupon_discount_fen bigint, promotion_discount_fen bigint, gift_card_fen bigint,
    points_fen bigint, payable_fen bigint, held boolean, created_at timestamptz, paid_at timestamptz,
    updated_at timestamptz`,
  ],
  [
    'sub_orders',
    `id bigint, number text, order_id bigint, shard smallint, status text, version integer,
    warehouse_id bigint, merchant_id text, dispatch_state text, held boolean, out_of_stock boolean,
    cancel_requested_at timestamptz, late_minutes integer, goods_fen bigint, freight_fen bigint,
    coupon_discount_fen bigint, promotion_discount_fen bigint, gift_card_fen bigint, points_fen bigint,
    payable_fen bigint, created_at timestamptz, updated_at timestamptz, dispatched_at timestamptz,
    shipped_at timestamptz, finished_at timestamptz`,
  ],
  [
    'order_lines',
    `id bigint, order_id bigint, sub_order_id bigint, shard smallint, line_no integer, line_ref text,
    sku text, title text, quantity integer, list_price_fen bigint, sale_price_fen bigint, line_amount_fen bigint,
    attributes text[], merchant_id text, promotion_ids text[], gift_for text, split_group text,
    alloc_freight_fen bigint, alloc_coupon_fen bigint, alloc_promotion_fen bigint, alloc_gift_card_fen bigint,
    alloc_gift_cards jsonb, alloc_points_fen bigint, alloc_cash_fen bigint`,
  ],
  [
    'sub_order_warehouses',
    `id bigint, sub_order_id bigint, order_id bigint, shard smallint, warehouse_id bigint,
    assigned_at timestamptz, released_at timestamptz, reason text`,
  ],
  [
    'payments',
    `id bigint, order_id bigint, shard smallint, method text, amount_fen bigint, status text,
    transaction_no text, paid_at timestamptz, created_at timestamptz`,
  ],
  [
    'payment_logs',
    `id bigint, payment_id bigint, order_id bigint, shard smallint, status text, at timestamptz,
    reference text`,
  ],
  [
    'gift_card_usages',
    `id bigint, order_id bigint, shard smallint, card_number text, amount_fen bigint,
    balance_after_fen bigint, at timestamptz, reversal_of_id bigint`,
  ],
  [
    'points_usages',
    `id bigint, order_id bigint, shard smallint, points integer, value_fen bigint,
    balance_after integer, at timestamptz, reversal_of_id bigint`,
  ],
  [
    'refunds',
    `id bigint, order_id bigint, sub_order_id bigint, shard smallint, payment_id bigint, method text,
    amount_fen bigint, status text, reason text, attempt integer, event_id uuid, delivery_state text,
    delivery_attempts integer, channel_refund_no text, failure_reason text, settled_offline boolean,
    card_number text, points integer, created_at timestamptz, settled_at timestamptz`,
  ],
  [
    'shipments',
    `id bigint, sub_order_id bigint, order_id bigint, shard smallint, carrier_code text,
    tracking_number text, node text, last_normal_node text, shipped_at timestamptz`,
  ],
  [
    'logistics_events',
    `id bigint, shipment_id bigint, order_id bigint, shard smallint, carrier_code text,
    tracking_number text, raw_state text, node text, context text, area_name text, occurred_at timestamptz,
    customer_visible boolean, received_at timestamptz`,
  ],
  [
    'interceptions',
    `id bigint, order_id bigint, sub_order_id bigint, shard smallint, rule text, reason text,
    evidence jsonb, status text, raised_by text, raised_at timestamptz, expires_at timestamptz, decided_by text,
    decided_at timestamptz, note text, amount_fen bigint`,
  ],
  [
    'order_events',
    `id bigint, order_id bigint, sub_order_id bigint, shard smallint, type text, at timestamptz,
    actor_type text, actor_id text, actor_name text, reason text, before jsonb, after jsonb,
    customer_visible boolean`,
  ],
  [
    'outbound_messages',
    `id bigint, event_id uuid, sub_order_id bigint, order_id bigint, shard smallint,
    warehouse_id bigint, seq integer, type text, reason text, status text, attempts integer, last_error text,
    created_at timestamptz, sent_at timestamptz`,
  ],
];

const CHUNK = 4_000;

/** `[name, type]` of each column of a spec. */
export function columnsOf(spec: string): [string, string][] {
  return spec.split(',').map((c) => {
    const [name, ...type] = c.trim().split(/\s+/);
    return [name!, type.join(' ')];
  });
}

/**
 * Inserts rows with one statement per few thousand: the rows travel as one JSON parameter and come back as a record
 * set (jsonb_to_recordset), which keeps a 5,000-order seed to a few dozen statements. A key left out reads as NULL.
 * Ids are the seed's own (leased from the identity sequence), hence OVERRIDING SYSTEM VALUE.
 */
async function insertRows(
  manager: EntityManager,
  table: string,
  spec: string,
  rows: readonly Record<string, unknown>[],
  ownIds = true,
): Promise<void> {
  const columns = columnsOf(spec);
  const list = columns.map(([name]) => `"${name}"`).join(', ');
  const typed = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO ${table} (${list}) ${ownIds ? 'OVERRIDING SYSTEM VALUE' : ''}
       SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${typed}) ${ownIds ? '' : 'ON CONFLICT DO NOTHING'}`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

/** `n` fresh ids of `table`'s identity column, so rows can point at each other before they are written. */
async function leaseIds(manager: EntityManager, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)`,
    [table, n],
  );
  return rows.map((r) => Number(r.id));
}

/** Writes a batch of orders with everything under them, in the caller's transaction. */
export async function writeOrders(manager: EntityManager, orders: readonly OrderDraft[]): Promise<void> {
  const drafts = orders.map(draftsOf);
  for (const [table] of TABLES) {
    const rows = drafts.flatMap((d) => d[table]);
    const ids = await leaseIds(manager, table, rows.length);
    rows.forEach((row, i) => (row.id = ids[i]));
  }
  const values = orders.map(valuesOf);
  for (const [table, spec] of TABLES) {
    const columns = columnsOf(spec).map(([name]) => name);
    await insertRows(
      manager,
      table,
      spec,
      values.flatMap((v) => v[table].map((row) => snakeCase(row, columns))),
    );
  }
}

/** The row as the table spells it: each column from the camelCase property of the same name, nulls left out. */
function snakeCase(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = row[column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())];
    if (value !== null && value !== undefined) out[column] = value;
  }
  return out;
}

/**
 * Blacklist entries for BLACKLIST stories, stored as the risk-rules service stores a manager's (a phone or address
 * as its blind index with a masked display); a repeat of one already listed is left alone.
 */
export async function writeBlacklist(
  manager: EntityManager,
  entries: readonly BlacklistDraft[],
): Promise<void> {
  const rows = entries.map((e) =>
    snakeCase({ ...e, ...blacklistEntry(e.kind, e.value), createdBy: 'manager' }, [
      'kind',
      'value',
      'display',
      'note',
      'created_at',
      'created_by',
    ]),
  );
  await insertRows(
    manager,
    'blacklist',
    'kind text, value text, display text, note text, created_at timestamptz, created_by text',
    rows,
    false,
  );
}
