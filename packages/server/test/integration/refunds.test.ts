import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/jobs/worker.js';
import { createOrder, payOrder } from '../support/orders.js';
import { TEST_PAYMENT_SECRET, seedReferenceData } from '../support/reference-data.js';
import { answerRefund, refundsOf, type RefundRow } from '../support/refunds.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

// docs/domain.md §11: a refund is done when its channel says so. Refunds leave through the outbox to a channel on a
// real port, and the channel answers through POST /webhooks/payments/:channel over real HTTP.

let server: TestServer;
let channel: TestWarehouse;
let worker: Runner;
let agent: Record<string, string>;
let ops: Record<string, string>;
let manager: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ dispatchMaxAttempts: 2 });
  await seedReferenceData(server.db.dataSource);
  channel = await startTestWarehouse(TEST_PAYMENT_SECRET);
  await server.db.dataSource.query('UPDATE payment_channels SET endpoint_url = $1', [channel.url]);
  worker = await startWorker(server.db.dataSource, server.db.url, {
    config: server.config,
    concurrency: 2,
    dispatchMaxAttempts: 2,
    deliveryTimeoutMs: 500,
  });
  agent = await loginAs(server, 'agent', 'agent123');
  ops = await loginAs(server, 'ops', 'ops123');
  manager = await loginAs(server, 'manager', 'manager123');
});
afterAll(async () => {
  await worker?.stop();
  await channel?.close();
  await server?.close();
});

const CANCEL = `mutation($n: String!) { cancelOrder(input: { number: $n, reason: "客户不要了" }) { refunds { id status } } }`;
const RETRY = `mutation($i: RetryRefundInput!) { retryRefund(input: $i) { refund { id status attempt deliveryState } } }`;
const SETTLE = `mutation($i: SettleRefundOfflineInput!) {
  settleRefundOffline(input: $i) { refund { id status channelRefundNo settledOffline settledAt } } }`;
const FAILED = `query { failedRefunds(first: 100) { edges { node { id status deliveryState orderNumber attempt
  failureReason allowedActions { action enabled } } } } }`;
const ORDER = `query($n: String!) { order(number: $n) { payments { method status logs { status reference } }
  refunds { id status attempt channelRefundNo settledAt deliveryState payment { transactionNo } }
  giftCardUsages { amount { fen } balanceAfter { fen } reversal } pointsUsages { points balanceAfter reversal }
  timeline { type after } } }`;

const skipBackOff = () =>
  server.db.dataSource.query(
    'UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL',
  );

/** A paid order with a gift card, points and cash, cancelled whole: three refunds on their way to their channels. */
async function cancelledOrder() {
  const order = await createOrder(server, {
    lines: [{ sku: 'SKU-100008', title: '坚果', quantity: 2, salePriceFen: 10_000 }],
    giftCards: [{ cardNumber: '8800111122223333', amountFen: 3_000, balanceAfterFen: 1_000 }],
    points: { points: 2_000, valueFen: 2_000, balanceAfter: 500 },
  });
  await payOrder(server, order);
  const { body } = await server.graphql<{ cancelOrder: { refunds: { id: string; status: string }[] } }>(
    CANCEL,
    { n: order.number },
    agent,
  );
  expect(body.errors).toBeUndefined();
  const refunds = await refundsOf(server, order.number);
  expect(refunds.map((r) => [r.method, r.amount_fen, r.status])).toEqual([
    ['ALIPAY', 15_000, 'PENDING'],
    ['GIFT_CARD', 3_000, 'PENDING'],
    ['POINTS', 2_000, 'PENDING'],
  ]);
  return { order, refunds };
}

const received = (refund: RefundRow) => channel.received.filter((r) => r.body.refundId === refund.id);
const orderView = async (number: string) => {
  const { body } = await server.graphql<{ order: Record<string, never> }>(ORDER, { n: number }, ops);
  return body.data!.order as unknown as {
    payments: { method: string; status: string; logs: { status: string; reference: string | null }[] }[];
    refunds: {
      id: string;
      status: string;
      attempt: number;
      channelRefundNo: string | null;
      deliveryState: string;
    }[];
    giftCardUsages: { amount: { fen: number }; balanceAfter: { fen: number }; reversal: boolean }[];
    pointsUsages: { points: number; balanceAfter: number; reversal: boolean }[];
    timeline: { type: string; after: Record<string, unknown> | null }[];
  };
};

describe('refunds settled by their channels', () => {
  it('sends each refund signed to its channel, and the answer settles it: payment REFUNDED, the card and points back', async () => {
    channel.status = 200;
    const { order, refunds } = await cancelledOrder();
    await eventually(async () => refunds.every((r) => received(r).length === 1));
    const [cash, card, points] = refunds.map((r) => received(r)[0]!);
    for (const message of [cash, card, points]) expect(message!.signatureValid).toBe(true);
    expect(cash!.body).toMatchObject({
      type: 'REFUND',
      attempt: 1,
      orderNumber: order.number,
      method: 'ALIPAY',
      amountFen: 15_000,
      transactionNo: `tx-${order.number}`,
      reason: '客户不要了',
    });
    expect(card!.body).toMatchObject({
      method: 'GIFT_CARD',
      cardNumber: '8800111122223333',
      amountFen: 3_000,
    });
    expect(points!.body).toMatchObject({ method: 'POINTS', points: 2_000, amountFen: 2_000 });
    expect(points!.body.customerId).toEqual(expect.any(String));
    await eventually(async () =>
      (await refundsOf(server, order.number)).every((r) => r.delivery_state === 'SENT'),
    );

    for (const refund of refunds)
      expect(
        (await answerRefund(server, refund, { type: 'REFUND_SUCCEEDED', channelRefundNo: `CH-${refund.id}` }))
          .json.outcome,
      ).toBe('APPLIED');
    const view = await orderView(order.number);
    expect(view.refunds.map((r) => [r.status, r.channelRefundNo])).toEqual(
      refunds.map((r) => ['SUCCEEDED', `CH-${r.id}`]),
    );
    expect(view.payments.map((p) => p.status)).toEqual(['REFUNDED', 'REFUNDED', 'REFUNDED']);
    const alipay = view.payments.find((p) => p.method === 'ALIPAY')!;
    expect(alipay.logs.map((l) => l.status)).toEqual(['SUCCEEDED', 'REFUNDING', 'REFUNDED']);
    expect(alipay.logs.at(-1)!.reference).toBe(`CH-${refunds[0]!.id}`);
    expect(view.giftCardUsages.filter((u) => u.reversal)).toEqual([
      { amount: { fen: -3_000 }, balanceAfter: { fen: 4_000 }, reversal: true },
    ]);
    expect(view.pointsUsages.filter((u) => u.reversal)).toEqual([
      { points: -2_000, balanceAfter: 2_500, reversal: true },
    ]);
    expect(view.timeline.filter((e) => e.type === 'REFUND_SUCCEEDED')).toHaveLength(3);
  });

  it('takes a failure as final for the attempt; ops send it again as the next attempt, which then succeeds', async () => {
    channel.status = 200;
    const { order, refunds } = await cancelledOrder();
    const cash = refunds[0]!;
    await eventually(async () => received(cash).length === 1);
    expect(
      (await answerRefund(server, cash, { type: 'REFUND_FAILED', reason: '账户已注销' })).json.outcome,
    ).toBe('APPLIED');
    let view = await orderView(order.number);
    expect(view.refunds[0]).toMatchObject({ status: 'FAILED', attempt: 1 });
    // The only pending refund of the payment failed: it goes back to what it was.
    expect(view.payments.find((p) => p.method === 'ALIPAY')!.status).toBe('SUCCEEDED');
    const listed = await server.graphql<{
      failedRefunds: {
        edges: { node: { id: string; failureReason: string; allowedActions: { action: string }[] } }[];
      };
    }>(FAILED, {}, ops);
    const node = listed.body.data!.failedRefunds.edges.find((e) => e.node.id === cash.id)!.node;
    expect(node.failureReason).toBe('账户已注销');
    expect(node.allowedActions.map((a) => a.action)).toEqual(['RETRY_REFUND']);

    expect(
      (await server.graphql(RETRY, { i: { refundId: cash.id, reason: '客户换了卡' } }, agent)).body
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const retried = await server.graphql<{ retryRefund: { refund: { status: string; attempt: number } } }>(
      RETRY,
      { i: { refundId: cash.id, reason: '客户换了卡' } },
      ops,
    );
    expect(retried.body.data!.retryRefund.refund).toMatchObject({ status: 'PENDING', attempt: 2 });
    await eventually(async () => received(cash).length === 2);
    const [first, second] = received(cash);
    expect(second!.body.attempt).toBe(2);
    expect(second!.body.eventId).not.toBe(first!.body.eventId);
    // A late answer for the first attempt changes nothing; the second attempt's answer settles it.
    expect((await answerRefund(server, cash, { type: 'REFUND_FAILED', attempt: 1 })).json.outcome).toBe(
      'EARLIER_ATTEMPT',
    );
    expect((await answerRefund(server, cash, { type: 'REFUND_SUCCEEDED', attempt: 2 })).json.outcome).toBe(
      'APPLIED',
    );
    view = await orderView(order.number);
    expect(view.refunds[0]).toMatchObject({ status: 'SUCCEEDED', attempt: 2 });
    const audit = await server.db.dataSource.query(
      "SELECT action, reason FROM audit_log WHERE order_number = $1 AND action = 'RETRY_REFUND'",
      [order.number],
    );
    expect(audit).toEqual([{ action: 'RETRY_REFUND', reason: '客户换了卡' }]);
  });

  it('applies an answer once: a repeated eventId, an answer after settlement, and one for an unknown refund change nothing', async () => {
    channel.status = 200;
    const { order, refunds } = await cancelledOrder();
    const card = refunds[1]!;
    const eventId = `answer-${card.id}`;
    expect((await answerRefund(server, card, { type: 'REFUND_SUCCEEDED', eventId })).json.outcome).toBe(
      'APPLIED',
    );
    expect((await answerRefund(server, card, { type: 'REFUND_SUCCEEDED', eventId })).json.outcome).toBe(
      'DUPLICATE_EVENT',
    );
    const late = await answerRefund(server, card, { type: 'REFUND_FAILED', reason: 'too late' });
    expect(late).toEqual({ status: 200, json: { ok: true, outcome: 'ALREADY_SETTLED' } });
    const view = await orderView(order.number);
    expect(view.refunds[1]).toMatchObject({ status: 'SUCCEEDED' });
    expect(view.giftCardUsages.filter((u) => u.reversal)).toHaveLength(1);
    expect(view.timeline.filter((e) => e.type === 'REFUND_ANSWER_IGNORED')).toHaveLength(1);

    const unknown = await answerRefund(
      server,
      { id: '999999999', method: 'ALIPAY' },
      { type: 'REFUND_SUCCEEDED' },
    );
    expect(unknown.status).toBe(404);
    // Another channel's refund is as unknown to this one.
    expect(
      (await answerRefund(server, { ...refunds[0]!, method: 'WECHAT_PAY' }, { type: 'REFUND_SUCCEEDED' }))
        .status,
    ).toBe(404);
    const forged = await answerRefund(
      server,
      refunds[0]!,
      { type: 'REFUND_SUCCEEDED' },
      'not-the-secret-at-all',
    );
    expect(forged.status).toBe(401);
    expect((await refundsOf(server, order.number))[0]!.status).toBe('PENDING');
  });

  it('keeps refunds waiting while their channel is down, dead-letters them, and sends each once when re-sent', async () => {
    channel.status = 503;
    const { order, refunds } = await cancelledOrder();
    const cash = refunds[0]!;
    await eventually(async () => {
      await skipBackOff();
      return (await refundsOf(server, order.number)).every((r) => r.delivery_state === 'DEAD_LETTER');
    });
    const listed = await server.graphql<{
      failedRefunds: { edges: { node: { id: string; deliveryState: string } }[] };
    }>(FAILED, {}, ops);
    expect(listed.body.data!.failedRefunds.edges.map((e) => e.node.id)).toEqual(
      expect.arrayContaining(refunds.map((r) => r.id)),
    );
    const tries = received(cash).length;
    expect(tries).toBe(2);
    const waiting = async () =>
      Number(
        /^oms_refunds_needing_attention\{state="DEAD_LETTER"\} (\d+)$/m.exec(await server.metrics())?.[1],
      );
    const deadLettered = await waiting();
    expect(deadLettered).toBeGreaterThanOrEqual(refunds.length);
    channel.status = 200;
    for (const refund of refunds) {
      const { body } = await server.graphql<{
        retryRefund: { refund: { attempt: number; deliveryState: string } };
      }>(RETRY, { i: { refundId: refund.id, reason: '渠道恢复' } }, ops);
      // The channel never took it: the same attempt goes again.
      expect(body.data!.retryRefund.refund).toMatchObject({ attempt: 1, deliveryState: 'PENDING' });
    }
    await eventually(async () =>
      (await refundsOf(server, order.number)).every((r) => r.delivery_state === 'SENT'),
    );
    const eventIds = new Set(received(cash).map((r) => r.body.eventId));
    expect(eventIds.size).toBe(1);
    expect(received(cash)).toHaveLength(tries + 1);
    expect(await waiting()).toBe(deadLettered - refunds.length);
  });

  it('lets a manager settle a failing refund offline with the transfer reference, and no one below', async () => {
    channel.status = 200;
    const { order, refunds } = await cancelledOrder();
    const cash = refunds[0]!;
    await answerRefund(server, cash, { type: 'REFUND_FAILED', reason: '银行卡已注销' });
    const input = { refundId: cash.id, reference: 'BT20261207-0001', reason: '线下银行转账' };
    expect((await server.graphql(SETTLE, { i: input }, ops)).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const { body } = await server.graphql<{
      settleRefundOffline: { refund: { status: string; channelRefundNo: string; settledOffline: boolean } };
    }>(SETTLE, { i: input }, manager);
    expect(body.data!.settleRefundOffline.refund).toMatchObject({
      status: 'SUCCEEDED',
      channelRefundNo: 'BT20261207-0001',
      settledOffline: true,
    });
    // Settled is settled: a retry now is refused naming the state.
    const again = await server.graphql(RETRY, { i: { refundId: cash.id, reason: 'again' } }, ops);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentState: 'SUCCEEDED',
    });
    const view = await orderView(order.number);
    expect(view.payments.find((p) => p.method === 'ALIPAY')!.status).toBe('REFUNDED');
  });

  it('settles a retry and a duplicate answer arriving together exactly once', async () => {
    channel.status = 200;
    const { order, refunds } = await cancelledOrder();
    const cash = refunds[0]!;
    const eventId = `race-${cash.id}`;
    await answerRefund(server, cash, { type: 'REFUND_FAILED', eventId, reason: 'first' });
    const [retried, duplicate] = await Promise.all([
      server.graphql<{ retryRefund: { refund: { attempt: number } } }>(
        RETRY,
        { i: { refundId: cash.id, reason: 'race' } },
        ops,
      ),
      answerRefund(server, cash, { type: 'REFUND_FAILED', eventId, reason: 'first' }),
    ]);
    expect(retried.body.data!.retryRefund.refund.attempt).toBe(2);
    expect(duplicate.json.outcome).toBe('DUPLICATE_EVENT');
    expect((await refundsOf(server, order.number))[0]).toMatchObject({ status: 'PENDING', attempt: 2 });
  });
});

describe('split tender and overpayment', () => {
  const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { payment { status } } }`;
  const pay = (
    orderNumber: string,
    transactionNo: string,
    amountFen: number,
    status: string,
    method = 'ALIPAY',
  ) =>
    server.graphql(
      PAY,
      { i: { orderNumber, method, amountFen, transactionNo, status, occurredAt: new Date().toISOString() } },
      { authorization: 'ApiKey test-storefront-key' },
    );

  it('refunds a second full payment that succeeds after the first (two PENDING payments of the full amount)', async () => {
    const order = await createOrder(server);
    const payable = order.amounts.payable.fen;
    await pay(order.number, `a-${order.number}`, payable, 'PENDING');
    await pay(order.number, `b-${order.number}`, payable, 'PENDING', 'WECHAT_PAY');
    await pay(order.number, `a-${order.number}`, payable, 'SUCCEEDED');
    expect(await refundsOf(server, order.number)).toEqual([]);
    await pay(order.number, `b-${order.number}`, payable, 'SUCCEEDED', 'WECHAT_PAY');
    expect((await refundsOf(server, order.number)).map((r) => [r.method, r.amount_fen, r.reason])).toEqual([
      ['WECHAT_PAY', payable, 'OVERPAID'],
    ]);
  });

  it('spreads a cash refund over split tender, the most recent payment first', async () => {
    const order = await createOrder(server, {
      lines: [{ sku: 'SKU-100008', title: '坚果', quantity: 1, salePriceFen: 10_000 }],
    });
    await pay(order.number, `s1-${order.number}`, 7_000, 'SUCCEEDED');
    await pay(order.number, `s2-${order.number}`, 3_000, 'SUCCEEDED', 'WECHAT_PAY');
    await server.graphql(CANCEL, { n: order.number }, agent);
    expect((await refundsOf(server, order.number)).map((r) => [r.method, r.amount_fen])).toEqual([
      ['WECHAT_PAY', 3_000],
      ['ALIPAY', 7_000],
    ]);
  });
});
