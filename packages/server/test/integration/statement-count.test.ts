import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../../src/seed/demo.js';
import { seedDemoOrders } from '../../src/seed/orders/seed-orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

/** Every field of the order page: what an agent's look-up costs. */
const ORDER_DETAIL = `query($n: String!) { order(number: $n) {
  number status source type createdAt paidAt version held customerStatus
  customer { id nickname accountAgeDays } receiver { name phone province city district address }
  invoice { type title } amounts { goods { fen } freight { fen } payable { fen } }
  lines { sku title quantity salePrice { yuan } subOrderNumber allocations { couponDiscount { fen } cash { fen } } }
  subOrders { number status version held outOfStock dispatchState customerStatus
    warehouse { code name } warehouseHistory { warehouse { code } assignedAt releasedAt reason }
    lines { sku } amounts { payable { fen } }
    shipments { carrier { code name } trackingNumber node events { node context at location } }
    interceptions { rule status } allowedActions { action enabled reasonCode } }
  payments { method amount { fen } status transactionNo logs { status at reference } }
  giftCardUsages { cardNumber amount { fen } } pointsUsages { points value { fen } }
  refunds { method amount { fen } status } interceptions { rule status reason }
  timeline { id type at actor reason subOrderNumber before after }
  allowedActions { action enabled reason } } }`;

/** A page of the order list with what the list shows. */
const ORDER_PAGE = `{ orders(first: 50) { edges { node { number status held createdAt
  amounts { payable { fen } } receiver { phone } subOrders { number status warehouse { code } } } } } }`;

let server: TestServer;
let agent: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  await seedDemoOrders(server.db.dataSource, server.config, 200);
  agent = await loginAs(server, 'agent', 'agent123');
});
afterAll(() => server?.close());

async function statementsFor(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  server.db.counter.reset();
  const { body } = await server.graphql(query, variables, agent);
  expect(body.errors).toBeUndefined();
  return server.db.counter.count;
}

/** A shipped order, then grown to 40 lines, 150 timeline entries and 150 carrier events. */
async function smallAndLargeOrders(): Promise<[string, string]> {
  const db = server.db.dataSource;
  const shipped: { id: string; number: string; shipment_id: string; sub_order_id: string }[] =
    await db.query(`
    SELECT o.id, o.number, sh.id AS shipment_id, s.id AS sub_order_id FROM orders o
    JOIN sub_orders s ON s.order_id = o.id JOIN shipments sh ON sh.sub_order_id = s.id
    WHERE (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) = 1 ORDER BY o.id LIMIT 2`);
  const [small, large] = shipped;
  if (!small || !large) throw new Error('the seed needs two shipped one-line orders');
  await db.query(
    `INSERT INTO order_lines (order_id, sub_order_id, shard, line_no, line_ref, sku, title, quantity)
     SELECT $1, $2, o.shard, 100 + g, 'extra-' || g, 'SKU-100008', '三只松鼠 每日坚果', 1
     FROM orders o, generate_series(1, 39) g WHERE o.id = $1`,
    [large.id, large.sub_order_id],
  );
  await db.query(
    `INSERT INTO order_events (order_id, shard, type, at, actor_type, actor_id)
     SELECT $1, o.shard, 'NOTE_ADDED', now() - g * interval '1 minute', 'SYSTEM', 'test' FROM orders o, generate_series(1, 150) g
     WHERE o.id = $1`,
    [large.id],
  );
  await db.query(
    `INSERT INTO logistics_events (shipment_id, order_id, shard, carrier_code, tracking_number, context, occurred_at)
     SELECT sh.id, sh.order_id, sh.shard, sh.carrier_code, sh.tracking_number, '运输中 ' || g, now() - g * interval '1 minute'
     FROM shipments sh, generate_series(1, 150) g WHERE sh.id = $1`,
    [large.shipment_id],
  );
  await db.query(`DELETE FROM order_events WHERE order_id = $1`, [small.id]);
  return [small.number, large.number];
}

describe('no N+1', () => {
  it('the order page costs the same few statements for 1 line and 0 events as for 40 lines and 150 events', async () => {
    const [small, large] = await smallAndLargeOrders();
    const forSmall = await statementsFor(ORDER_DETAIL, { n: small });
    const forLarge = await statementsFor(ORDER_DETAIL, { n: large });
    expect(forLarge).toBe(forSmall);
    expect(forSmall).toBeLessThanOrEqual(16);
    console.log(`order detail: ${forSmall} SQL statements (session look-up included)`);
  });

  it('a page of 50 orders costs a fixed number of statements', async () => {
    const page = await statementsFor(ORDER_PAGE);
    expect(page).toBeLessThanOrEqual(8);
    console.log(`order list page of 50: ${page} SQL statements`);
  });
});
