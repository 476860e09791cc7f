import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { createOrder, payOrder } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let agent: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  agent = await loginAs(server, 'agent', 'agent123');
});
afterAll(() => server?.close());

// Lines of different handling, so orders split into one to four sub-orders.
const GOODS = [
  { sku: 'SKU-100008', title: '坚果', salePriceFen: 9_990 },
  { sku: 'SKU-100012', title: '茄克', salePriceFen: 14_900 },
  { sku: 'SKU-200001', title: '牛奶', salePriceFen: 6_590, attributes: ['COLD_CHAIN'] },
  { sku: 'SKU-300002', title: '电视', salePriceFen: 279_900, attributes: ['OVERSIZE'] },
  { sku: 'SKU-400001', title: '无人机', salePriceFen: 469_900, attributes: ['PRESALE'] },
];

const order = fc.record({
  lines: fc.uniqueArray(
    fc.record({
      good: fc.integer({ min: 0, max: GOODS.length - 1 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 1, maxLength: 4, selector: (l) => l.good },
  ),
  freightFen: fc.integer({ min: 0, max: 1_500 }),
  couponPercent: fc.integer({ min: 0, max: 30 }),
  giftCardPercent: fc.integer({ min: 0, max: 40 }),
  pointsPercent: fc.integer({ min: 0, max: 20 }),
  cancelMask: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
});

type Totals = Record<string, number>;
const byMethod = (rows: { method: string; total: number }[]): Totals =>
  Object.fromEntries(rows.map((r) => [r.method, r.total]));

describe('refunds per instrument (property, over generated orders)', () => {
  it('sum exactly to the frozen shares of what was cancelled, never more than was paid, and to all of it when everything is', async () => {
    await fc.assert(
      fc.asyncProperty(order, async (spec) => {
        const lines = spec.lines.map((l) => ({ ...GOODS[l.good]!, quantity: l.quantity }));
        const goods = lines.reduce((sum, l) => sum + l.salePriceFen * l.quantity, 0);
        const coupon = Math.floor((goods * spec.couponPercent) / 100);
        const giftCard = Math.floor(((goods - coupon) * spec.giftCardPercent) / 100);
        const points = Math.floor(((goods - coupon - giftCard) * spec.pointsPercent) / 100);
        const created = await createOrder(server, {
          lines,
          freightFen: spec.freightFen,
          couponDiscountFen: coupon,
          ...(giftCard > 0
            ? { giftCards: [{ cardNumber: '8800123456781234', amountFen: giftCard, balanceAfterFen: 0 }] }
            : {}),
          ...(points > 0 ? { points: { points, valueFen: points, balanceAfter: 0 } } : {}),
        });
        const subOrders = created.amounts.payable.fen > 0 ? await payOrder(server, created) : [];
        const all = subOrders.length ? subOrders.map((s) => s.number) : [created.number];
        const chosen = all.filter((_, i) => spec.cancelMask[i]);
        for (const number of chosen) {
          const { body } = await server.graphql(
            'mutation($n: String!) { cancelOrder(input: { number: $n, reason: "property" }) { order { status } } }',
            { n: number },
            agent,
          );
          expect(body.errors).toBeUndefined();
        }
        const q = (sql: string) =>
          server.db.dataSource.query(sql, [created.number]) as Promise<{ method: string; total: number }[]>;
        const refunded = byMethod(
          await q(
            'SELECT r.method, sum(r.amount_fen)::int AS total FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1 GROUP BY 1',
          ),
        );
        const paid = byMethod(
          await q(
            "SELECT p.method, sum(p.amount_fen)::int AS total FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = $1 AND p.status IN ('SUCCEEDED', 'REFUNDING') GROUP BY 1",
          ),
        );
        const frozen = await q(`
          SELECT 'ALIPAY' AS method, sum(l.alloc_cash_fen)::int AS total FROM order_lines l JOIN sub_orders s ON s.id = l.sub_order_id JOIN orders o ON o.id = l.order_id WHERE o.number = $1 AND s.status = 'CANCELLED'
          UNION ALL SELECT 'GIFT_CARD', sum(l.alloc_gift_card_fen)::int FROM order_lines l JOIN sub_orders s ON s.id = l.sub_order_id JOIN orders o ON o.id = l.order_id WHERE o.number = $1 AND s.status = 'CANCELLED'
          UNION ALL SELECT 'POINTS', sum(l.alloc_points_fen)::int FROM order_lines l JOIN sub_orders s ON s.id = l.sub_order_id JOIN orders o ON o.id = l.order_id WHERE o.number = $1 AND s.status = 'CANCELLED'`);
        for (const method of new Set([...Object.keys(refunded), ...Object.keys(paid)])) {
          expect(refunded[method] ?? 0, method).toBeLessThanOrEqual(paid[method] ?? 0);
        }
        if (subOrders.length) {
          for (const { method, total } of frozen) expect(refunded[method] ?? 0, method).toBe(total ?? 0);
        }
        if (chosen.length === all.length) expect(refunded).toEqual(paid);
      }),
      { numRuns: Number(process.env.CI ? 60 : 30) },
    );
  }, 240_000);
});
