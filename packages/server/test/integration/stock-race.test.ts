import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { createOrder, payOrder } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

const SKU = 'SKU-100008';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

const q = <T>(sql: string, parameters: unknown[] = []) =>
  server.db.dataSource.query(sql, parameters) as Promise<T[]>;

/** Per warehouse: what is reserved for the sku, and what its open sub-orders hold of it. */
const ledger = () =>
  q<{ code: string; on_hand: number; reserved: number; held: number }>(
    `SELECT w.code, st.on_hand, st.reserved,
       (SELECT coalesce(sum(l.quantity), 0)::int FROM sub_orders s JOIN order_lines l ON l.sub_order_id = s.id
        WHERE s.warehouse_id = w.id AND l.sku = $1 AND s.status = 'CREATED') AS held
     FROM stock st JOIN warehouses w ON w.id = st.warehouse_id WHERE st.sku = $1 ORDER BY w.code`,
    [SKU],
  );

describe('payments racing for the last units', () => {
  it('sells each last unit once when twelve payments race for five', async () => {
    // One free unit of the sku at each of the five warehouses.
    await q('UPDATE stock SET on_hand = reserved + 1 WHERE sku = $1', [SKU]);
    const before = await ledger();
    expect(before).toHaveLength(5);
    const orders = await Promise.all(Array.from({ length: 12 }, () => createOrder(server)));

    const paid = await Promise.all(orders.map((order) => payOrder(server, order)));

    // Every payment went through, each order split into one sub-order; five got a unit, seven wait out of stock.
    expect(paid.every((subOrders) => subOrders.length === 1)).toBe(true);
    const placed = paid.map((subOrders) => subOrders[0]!.warehouse?.code ?? null);
    expect(placed.filter((code) => code !== null).sort()).toEqual(before.map((w) => w.code));
    expect(placed.filter((code) => code === null)).toHaveLength(7);
    // Nothing oversold, nothing lost: reserved grew by exactly what the sub-orders hold, to all there is.
    const after = await ledger();
    for (const [i, row] of after.entries()) {
      expect(row.reserved - before[i]!.reserved).toBe(row.held - before[i]!.held);
      expect(row.reserved).toBe(row.on_hand);
    }
  }, 120_000);
});

describe('cancels racing to give the same skus back', () => {
  it('never deadlock: thirty concurrent cancels of orders sharing two skus all succeed, and every unit returns', async () => {
    const skus = [SKU, 'SKU-100012'];
    await q('UPDATE stock SET on_hand = reserved + 1000 WHERE sku = ANY($1)', [skus]);
    const reserved = () =>
      q<{ total: number }>('SELECT sum(reserved)::int AS total FROM stock WHERE sku = ANY($1)', [skus]);
    const before = await reserved();
    const orders = await Promise.all(
      Array.from({ length: 30 }, () =>
        createOrder(server, {
          lines: skus.map((sku) => ({ sku, title: sku, quantity: 1, salePriceFen: 1_000 })),
        }),
      ),
    );
    for (const order of orders) await payOrder(server, order);
    const held = await reserved();
    expect(held[0]!.total - before[0]!.total).toBe(60);
    const agent = await loginAs(server, 'agent', 'agent123');

    // Each cancel gives both skus back at the same warehouse rows: taken in one order, they wait, never deadlock.
    const answers = await Promise.all(
      orders.map((order) =>
        server.graphql(
          'mutation($i: CancelOrderInput!) { cancelOrder(input: $i) { order { status } } }',
          { i: { number: order.number, reason: '并发取消' } },
          agent,
        ),
      ),
    );

    expect(answers.map(({ body }) => body.errors?.[0]?.message ?? 'ok')).toEqual(orders.map(() => 'ok'));
    expect(await reserved()).toEqual(before);
  }, 120_000);
});
