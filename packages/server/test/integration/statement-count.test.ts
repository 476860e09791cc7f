import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../../src/seed/demo.js';
import { paidOrder, shippedOrder } from '../support/orders.js';
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
  for (let i = 0; i < 60; i++) await paidOrder(server);
  agent = await loginAs(server, 'agent', 'agent123');
});
afterAll(() => server?.close());

async function statementsFor(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  server.db.counter.reset();
  const { body } = await server.graphql(query, variables, agent);
  expect(body.errors).toBeUndefined();
  return server.db.counter.count;
}

const SKUS = [
  'SKU-100003',
  'SKU-100005',
  'SKU-100007',
  'SKU-100008',
  'SKU-100009',
  'SKU-100010',
  'SKU-100011',
  'SKU-100012',
];

/** A shipped one-line order with no timeline, and a shipped 40-line order with 150 timeline and 150 carrier events. */
async function smallAndLargeOrders(): Promise<[string, string]> {
  const db = server.db.dataSource;
  const small = await shippedOrder(server, [{ carrier: 'SF', trackingNumber: 'SF200000000001' }]);
  await db.query('DELETE FROM order_events WHERE order_id = (SELECT id FROM orders WHERE number = $1)', [
    small.orderNumber,
  ]);
  const lines = Array.from({ length: 40 }, (_, i) => ({
    sku: SKUS[i % SKUS.length],
    title: `商品 ${i}`,
    quantity: 1,
    salePriceFen: 1_000 + i,
  }));
  const large = await shippedOrder(server, [{ carrier: 'SF', trackingNumber: 'SF200000000002' }], { lines });
  await db.query(
    `INSERT INTO order_events (order_id, shard, type, at, actor_type, actor_id)
     SELECT o.id, o.shard, 'NOTE_ADDED', now() - g * interval '1 minute', 'SYSTEM', 'test'
     FROM orders o, generate_series(1, 150) g WHERE o.number = $1`,
    [large.orderNumber],
  );
  await db.query(
    `INSERT INTO logistics_events (shipment_id, order_id, shard, carrier_code, tracking_number, context, occurred_at)
     SELECT sh.id, sh.order_id, sh.shard, sh.carrier_code, sh.tracking_number, '运输中 ' || g, now() - g * interval '1 minute'
     FROM shipments sh, generate_series(1, 150) g WHERE sh.tracking_number = 'SF200000000002'`,
  );
  return [small.orderNumber, large.orderNumber];
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
