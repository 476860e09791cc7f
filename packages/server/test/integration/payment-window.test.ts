import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY } from '../support/orders.js';
import { seedReferenceData } from '../support/reference-data.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answerRefund, refundsOf } from '../support/refunds.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

describe('the payment window', () => {
  it('closes an order left unpaid, refunds its gift card, and refunds a payment that arrives too late', async () => {
    const input = {
      source: 'SELF_OPERATED',
      externalId: `window-${Date.now()}`,
      customer: { id: 'window-c' },
      receiver: {
        name: '钱一',
        phone: '13000000000',
        province: '天津市',
        city: '天津市',
        district: '和平区',
        address: '南京路 1 号',
      },
      lines: [{ sku: 'SKU-100011', title: '李宁 跑鞋', quantity: 1, salePriceFen: 44_900 }],
      freightFen: 0,
      giftCards: [{ cardNumber: '8800111122223333', amountFen: 4_900, balanceAfterFen: 100 }],
    };
    const created = await server.graphql<{ createOrder: { order: { number: string } } }>(
      'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } } }',
      { i: input },
      API_KEY,
    );
    const number = created.body.data!.createOrder.order.number;
    const closeExpired = () => server.services.paymentWindow.closeExpired();
    await closeExpired();
    const status = async () =>
      (await server.db.dataSource.query('SELECT status FROM orders WHERE number = $1', [number]))[0].status;
    expect(await status()).toBe('PENDING_PAYMENT');

    await server.db.dataSource.query(
      "UPDATE orders SET created_at = now() - interval '31 minutes' WHERE number = $1",
      [number],
    );
    await closeExpired();
    expect(await status()).toBe('CLOSED');
    const refunds = await server.db.dataSource.query(
      'SELECT r.method, r.amount_fen::int AS amount_fen, r.status FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1 ORDER BY r.id',
      [number],
    );
    expect(refunds).toEqual([{ method: 'GIFT_CARD', amount_fen: 4_900, status: 'PENDING' }]);
    const reversal = () =>
      server.db.dataSource.query(
        'SELECT g.amount_fen::int AS amount_fen, g.balance_after_fen::int AS balance FROM gift_card_usages g JOIN orders o ON o.id = g.order_id WHERE o.number = $1 AND g.reversal_of_id IS NOT NULL',
        [number],
      );
    // The card has its money back when the gift-card service says so, not before.
    expect(await reversal()).toEqual([]);
    const [refund] = await refundsOf(server, number);
    expect(
      (await answerRefund(server, refund!, { type: 'REFUND_SUCCEEDED', channelRefundNo: 'GC-1' })).status,
    ).toBe(200);
    expect(await reversal()).toEqual([{ amount_fen: -4_900, balance: 5_000 }]);

    const late = await server.graphql<{ recordPayment: { order: { status: string } } }>(
      'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status } } }',
      {
        i: {
          orderNumber: number,
          method: 'ALIPAY',
          amountFen: 40_000,
          transactionNo: `late-${number}`,
          status: 'SUCCEEDED',
          occurredAt: new Date().toISOString(),
        },
      },
      API_KEY,
    );
    expect(late.body.data!.recordPayment.order.status).toBe('CLOSED');
    const afterLate = await server.db.dataSource.query(
      'SELECT r.method, r.amount_fen::int AS amount_fen FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1 ORDER BY r.id',
      [number],
    );
    expect(afterLate).toEqual([
      { method: 'GIFT_CARD', amount_fen: 4_900 },
      { method: 'ALIPAY', amount_fen: 40_000 },
    ]);
  });
});
