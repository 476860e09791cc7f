import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { paidOrder, shippedOrder } from '../support/orders.js';
import { ORDER_DETAIL, ORDER_PAGE, QUEUE_PAGE } from '../../src/testing/index.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

const INTERCEPT = 'mutation($i: InterceptOrderInput!) { interceptOrder(input: $i) { order { held } } }';

let server: TestServer;
let agent: Record<string, string>;
let manager: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  agent = await loginAs(server, 'agent', 'agent123');
  manager = await loginAs(server, 'manager', 'manager123');
  for (let i = 0; i < 60; i++) {
    const { orderNumber } = await paidOrder(server);
    // Every other order held by hand, so the queue has more than a page of holds over many orders.
    if (i % 2 === 0) {
      const held = await server.graphql(
        INTERCEPT,
        { i: { number: orderNumber, reason: '客户要求暂停' } },
        agent,
      );
      expect(held.body.errors).toBeUndefined();
    }
  }
});
afterAll(() => server?.close());

async function statementsFor(
  query: string,
  variables: Record<string, unknown> = {},
  as: Record<string, string> = agent,
): Promise<number> {
  server.db.counter.reset();
  const { body } = await server.graphql(query, variables, as);
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
    expect(forSmall).toBeLessThanOrEqual(8);
    console.log(`order detail: ${forSmall} SQL statements (session look-up included)`);
  });

  it('a page of 50 orders costs a fixed number of statements', async () => {
    const page = await statementsFor(ORDER_PAGE);
    expect(page).toBeLessThanOrEqual(8);
    console.log(`order list page of 50: ${page} SQL statements`);
  });

  it('the interception queue costs a fixed number of statements for a page of 1 or of 50', async () => {
    const one = await statementsFor(QUEUE_PAGE.replace('first: 50', 'first: 1'), {}, manager);
    const full = await statementsFor(QUEUE_PAGE, {}, manager);
    const byRule = await statementsFor(QUEUE_PAGE, { f: { rule: 'MANUAL' } }, manager);
    expect(full).toBe(one);
    expect(byRule).toBe(one);
    expect(full).toBeLessThanOrEqual(4);
    console.log(`interception queue page of 50: ${full} SQL statements`);
  });
});
