import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { hmacSignature, REFUND_CHANNELS } from '@oms/server';
import { loginAs, startTestServer, type TestServer } from '@oms/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemoConfig, type DemoConfig } from '../src/demo-config.js';
import { REFUND_FAILURE_REASONS } from '../src/payment-channels.js';
import { DEMO_API_KEY, DEMO_PAYMENT_SECRET } from '../src/seed/demo-accounts.js';
import { seedReferenceData } from '../src/seed/demo.js';
import { configureDemoPaymentChannels } from '../src/simulators/index.js';
import { paymentSimulator } from '../src/simulators/payment-simulator.js';
import { Schedule } from '../src/simulators/schedule.js';

// docs/api.md "Demo mode": the demo's payment channels, configured at every start, and the built-in payment simulator
// answering the product's REFUND messages through the real POST /webhooks/payments/:channel. The messages are posted
// here as the outbox worker posts them (signed, over HTTP), so no worker runs.

let server: TestServer;
let simulators: Server;
let simulatorUrl: string;
const schedule = new Schedule();
let agent: Record<string, string>;
let ops: Record<string, string>;

const demo = (overrides: Partial<DemoConfig>): DemoConfig => ({ ...loadDemoConfig({}), ...overrides });

beforeAll(async () => {
  server = await startTestServer(inject('adminUrl'));
  await seedReferenceData(server.db.dataSource);
  const app = express();
  // Two channels' moods: one that never refuses a refund, one that refuses every first attempt.
  app.use(
    '/agreeable',
    paymentSimulator(server.url, DEMO_PAYMENT_SECRET, schedule, [20, 60], { failureShare: 0 }),
  );
  app.use(
    '/refusing',
    paymentSimulator(server.url, DEMO_PAYMENT_SECRET, schedule, [20, 60], { failureShare: 1 }),
  );
  simulators = createServer(app);
  await new Promise<void>((resolve) => simulators.listen(0, '127.0.0.1', resolve));
  simulatorUrl = `http://127.0.0.1:${(simulators.address() as AddressInfo).port}`;
  agent = await loginAs(server, 'agent', 'agent123');
  ops = await loginAs(server, 'ops', 'ops123');
});
afterAll(async () => {
  schedule.stop();
  await new Promise<void>((resolve) => (simulators ? simulators.close(() => resolve()) : resolve()));
  await server?.close();
});

interface RefundRow {
  id: string;
  method: string;
  status: string;
  attempt: number;
  event_id: string;
  channel_refund_no: string | null;
  failure_reason: string | null;
}

const refundsOf = (orderNumber: string): Promise<RefundRow[]> =>
  server.db.dataSource.query(
    `SELECT r.id::text, r.method, r.status, r.attempt, r.event_id, r.channel_refund_no, r.failure_reason
     FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1 ORDER BY r.id`,
    [orderNumber],
  );

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A paid order (Alipay and a gift card) cancelled by the agent: two PENDING refunds. */
async function cancelledOrder(): Promise<string> {
  const key = { authorization: `ApiKey ${DEMO_API_KEY.key}` };
  const id = randomUUID();
  const created = await server.graphql<{
    createOrder: { order: { number: string; amounts: { payable: { fen: number } } } };
  }>(
    'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number amounts { payable { fen } } } } }',
    {
      i: {
        source: 'SELF_OPERATED',
        externalId: `sim-${id}`,
        customer: { id: `sim-${id}` },
        receiver: {
          name: '测试',
          phone: '13800000000',
          province: '上海市',
          city: '上海市',
          district: '徐汇区',
          address: `测试路 ${id} 号`,
        },
        lines: [{ sku: 'SKU-100009', title: '金龙鱼 调和油', quantity: 1, salePriceFen: 6_990 }],
        freightFen: 0,
        giftCards: [{ cardNumber: '8800123412341234', amountFen: 1_000, balanceAfterFen: 0 }],
      },
    },
    key,
  );
  const { number, amounts } = created.body.data!.createOrder.order;
  const paid = await server.graphql(
    'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status } } }',
    {
      i: {
        orderNumber: number,
        method: 'ALIPAY',
        amountFen: amounts.payable.fen,
        transactionNo: `sim-${id}`,
        status: 'SUCCEEDED',
        occurredAt: new Date().toISOString(),
      },
    },
    key,
  );
  expect(paid.body.errors).toBeUndefined();
  const cancelled = await server.graphql(
    'mutation($n: String!) { cancelOrder(input: { number: $n, reason: "客户来电取消" }) { refunds { id } } }',
    { n: number },
    agent,
  );
  expect(cancelled.body.errors).toBeUndefined();
  return number;
}

/** Posts a refund's current attempt to a simulator as the outbox worker does. */
async function deliver(path: string, refund: RefundRow, secret = DEMO_PAYMENT_SECRET): Promise<Response> {
  const body = JSON.stringify({
    type: 'REFUND',
    eventId: refund.event_id,
    refundId: refund.id,
    attempt: refund.attempt,
    orderNumber: 'irrelevant here',
    method: refund.method,
    amountFen: 1,
    transactionNo: null,
    ...(refund.method === 'GIFT_CARD' ? { cardNumber: '8800123412341234' } : {}),
    reason: '客户来电取消',
    occurredAt: new Date().toISOString(),
  });
  return fetch(`${simulatorUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(body, secret) },
    body,
  });
}

describe('the demo payment channels at every start', () => {
  it('gives all six channels the demo secret and the endpoint OMS_DEMO_PAYMENT_URL, the simulator or none', async () => {
    const config = { ...server.config, port: 4123 };
    const channels = () =>
      server.db.dataSource.query<{ method: string; endpoint_url: string | null; secret: string }[]>(
        'SELECT method, endpoint_url, secret FROM payment_channels ORDER BY method',
      );
    await configureDemoPaymentChannels(server.db.dataSource, config, demo({ simulators: false }));
    let rows = await channels();
    expect(rows.map((r) => r.method)).toEqual([...REFUND_CHANNELS].sort());
    expect(rows.every((r) => r.endpoint_url === null && r.secret === DEMO_PAYMENT_SECRET)).toBe(true);

    // A channel changed since (an admin's endpoint and secret) is set back at the next start.
    await server.db.dataSource.query(
      "UPDATE payment_channels SET endpoint_url = 'https://elsewhere.example/refunds', secret = 'another-secret-entirely' WHERE method = 'ALIPAY'",
    );
    await configureDemoPaymentChannels(server.db.dataSource, config, demo({ simulators: true }));
    rows = await channels();
    expect(new Set(rows.map((r) => r.endpoint_url))).toEqual(
      new Set(['http://127.0.0.1:4123/simulators/payments']),
    );
    expect(rows.every((r) => r.secret === DEMO_PAYMENT_SECRET)).toBe(true);

    const outside = loadDemoConfig({ OMS_DEMO_PAYMENT_URL: 'https://pay.example.com/refunds' });
    await configureDemoPaymentChannels(server.db.dataSource, config, outside);
    expect(new Set((await channels()).map((r) => r.endpoint_url))).toEqual(
      new Set(['https://pay.example.com/refunds']),
    );
    expect(() => loadDemoConfig({ OMS_DEMO_PAYMENT_URL: 'pay.example.com' })).toThrow(/OMS_DEMO_PAYMENT_URL/);
  });
});

describe('the payment simulator', () => {
  beforeAll(async () => {
    await configureDemoPaymentChannels(server.db.dataSource, server.config, demo({ simulators: true }));
  });

  it('refuses a message with a bad signature (401) and answers nothing', async () => {
    const number = await cancelledOrder();
    const [refund] = await refundsOf(number);
    const response = await deliver('/agreeable', refund!, 'not-the-demo-payment-secret');
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await refundsOf(number))[0]!.status).toBe('PENDING');
  });

  it('takes a refund at once and answers later, signed: SUCCEEDED with the channel serial, once per eventId', async () => {
    const number = await cancelledOrder();
    const refunds = await refundsOf(number);
    expect(refunds.map((r) => r.method)).toEqual(['ALIPAY', 'GIFT_CARD']);
    for (const refund of refunds) {
      expect((await deliver('/agreeable', refund)).status).toBe(200);
      // The outbox may deliver an attempt twice (a lost 2xx): the channel answers it once.
      expect(await (await deliver('/agreeable', refund)).json()).toEqual({ ok: true, duplicate: true });
    }
    const settled = await eventually(
      () => refundsOf(number),
      (rows) => rows.every((r) => r.status !== 'PENDING'),
    );
    expect(settled.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(settled[0]!.channel_refund_no).toMatch(/^20\d{6}21\d{18}$/);
    expect(settled[1]!.channel_refund_no).toMatch(/^GCR20\d{6}\d{10}$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const answers = await server.db.dataSource.query<{ outcome: string; attempt: number }[]>(
      `SELECT outcome, (payload->>'attempt')::int AS attempt FROM inbound_messages
       WHERE source LIKE 'PAYMENT:%' AND payload->>'refundId' = ANY($1)`,
      [refunds.map((r) => r.id)],
    );
    expect(answers).toEqual([
      { outcome: 'APPLIED', attempt: 1 },
      { outcome: 'APPLIED', attempt: 1 },
    ]);
  });

  it('refuses a first attempt with the channel reason; the attempt ops send again goes through', async () => {
    const number = await cancelledOrder();
    const [cash] = await refundsOf(number);
    expect((await deliver('/refusing', cash!)).status).toBe(200);
    const [failed] = await eventually(
      () => refundsOf(number),
      (rows) => rows[0]!.status !== 'PENDING',
    );
    expect(failed).toMatchObject({ status: 'FAILED', attempt: 1 });
    expect(REFUND_FAILURE_REASONS.ALIPAY).toContain(failed!.failure_reason);

    const retried = await server.graphql(
      'mutation($i: RetryRefundInput!) { retryRefund(input: $i) { refund { attempt } } }',
      { i: { refundId: cash!.id, reason: '客户已更换收款账户' } },
      ops,
    );
    expect(retried.body.errors).toBeUndefined();
    const [again] = await refundsOf(number);
    expect(again).toMatchObject({ status: 'PENDING', attempt: 2 });
    expect(again!.event_id).not.toBe(cash!.event_id);
    expect((await deliver('/refusing', again!)).status).toBe(200);
    const [settled] = await eventually(
      () => refundsOf(number),
      (rows) => rows[0]!.status !== 'PENDING',
    );
    expect(settled).toMatchObject({ status: 'SUCCEEDED', attempt: 2 });
  });
});
