import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { API_KEY, createOrder, payOrder } from '../support/orders.js';
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
            "SELECT p.method, sum(p.amount_fen)::int AS total FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = $1 AND p.status NOT IN ('PENDING', 'FAILED') GROUP BY 1",
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

const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status subOrders { number } } } }`;

const tender = fc.record({
  order,
  /** How the cash is paid: 1–3 payments cutting the payable (‰ of it), each first PENDING or not. */
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 2 }),
  pendingFirst: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  /** A payment the order did not owe: a double charge of the last payment, or none. */
  doubleCharge: fc.boolean(),
});

describe('split tender and overpayment (property, over generated orders)', () => {
  it('records every payment, refunds what the order did not owe as OVERPAID, spreads cancel refunds over the payments, and never takes more from one than it paid', async () => {
    await fc.assert(
      fc.asyncProperty(tender, async ({ order: spec, cuts, pendingFirst, doubleCharge }) => {
        const lines = spec.lines.map((l) => ({ ...GOODS[l.good]!, quantity: l.quantity }));
        const created = await createOrder(server, { lines, freightFen: spec.freightFen });
        const payable = created.amounts.payable.fen;
        const bounds = [
          0,
          ...[...cuts].sort((a, b) => a - b).map((c) => Math.floor((payable * c) / 1000)),
          payable,
        ];
        const amounts = bounds
          .slice(1)
          .map((end, i) => end - bounds[i]!)
          .filter((a) => a > 0);
        const made: { transactionNo: string; amountFen: number }[] = [];
        const pay = async (transactionNo: string, amountFen: number, status: 'PENDING' | 'SUCCEEDED') => {
          const { body } = await server.graphql<{
            recordPayment: { order: { status: string; subOrders: { number: string }[] } };
          }>(
            PAY,
            {
              i: {
                orderNumber: created.number,
                method: made.length % 2 ? 'WECHAT_PAY' : 'ALIPAY',
                amountFen,
                transactionNo,
                status,
                occurredAt: new Date().toISOString(),
              },
            },
            API_KEY,
          );
          expect(body.errors).toBeUndefined();
          return body.data!.recordPayment.order;
        };
        let last: { status: string; subOrders: { number: string }[] } | undefined;
        for (const [i, amountFen] of amounts.entries()) {
          const transactionNo = `tender-${created.number}-${i}`;
          if (pendingFirst[i]) await pay(transactionNo, amountFen, 'PENDING');
          last = await pay(transactionNo, amountFen, 'SUCCEEDED');
          made.push({ transactionNo, amountFen });
        }
        if (doubleCharge && amounts.length) {
          const amountFen = amounts.at(-1)!;
          last = await pay(`tender-${created.number}-again`, amountFen, 'SUCCEEDED');
          made.push({ transactionNo: `tender-${created.number}-again`, amountFen });
        }
        const subOrders = last?.subOrders.map((s) => s.number) ?? [];
        for (const number of subOrders.filter((_, i) => spec.cancelMask[i])) {
          const { body } = await server.graphql(
            'mutation($n: String!) { cancelOrder(input: { number: $n, reason: "property" }) { order { status } } }',
            { n: number },
            agent,
          );
          expect(body.errors).toBeUndefined();
        }
        const q = <T>(sql: string) => server.db.dataSource.query(sql, [created.number]) as Promise<T[]>;
        const payments = await q<{ id: string; transaction_no: string; amount: number; status: string }>(
          'SELECT p.id::text, p.transaction_no, p.amount_fen::int AS amount, p.status FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = $1',
        );
        // Every payment made is recorded, succeeded (or being refunded), never refused.
        expect(payments.map((p) => p.transaction_no).sort()).toEqual(made.map((m) => m.transactionNo).sort());
        for (const payment of payments) expect(['PENDING', 'FAILED']).not.toContain(payment.status);
        const refunds = await q<{ payment_id: string; amount: number; reason: string }>(
          'SELECT r.payment_id::text, r.amount_fen::int AS amount, r.reason FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1',
        );
        for (const payment of payments) {
          const drawn = refunds.filter((r) => r.payment_id === payment.id).reduce((s, r) => s + r.amount, 0);
          expect(drawn, payment.transaction_no).toBeLessThanOrEqual(payment.amount);
        }
        const succeeded = payments.reduce((s, p) => s + p.amount, 0);
        const overpaid = refunds.filter((r) => r.reason === 'OVERPAID').reduce((s, r) => s + r.amount, 0);
        // Σ succeeded − what went back as OVERPAID = what the order owed (its cash).
        expect(succeeded - overpaid).toBe(payable);
        const [{ frozen }] = (await q<{ frozen: number }>(
          "SELECT coalesce(sum(l.alloc_cash_fen), 0)::int AS frozen FROM order_lines l JOIN sub_orders s ON s.id = l.sub_order_id JOIN orders o ON o.id = l.order_id WHERE o.number = $1 AND s.status = 'CANCELLED'",
        )) as [{ frozen: number }];
        const cancelRefunds = refunds
          .filter((r) => r.reason !== 'OVERPAID')
          .reduce((s, r) => s + r.amount, 0);
        expect(cancelRefunds).toBe(frozen);
      }),
      { numRuns: Number(process.env.CI ? 40 : 20) },
    );
  }, 240_000);
});
