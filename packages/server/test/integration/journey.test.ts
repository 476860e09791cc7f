import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/jobs/worker.js';
import { TEST_WMS_SECRET, seedReferenceData } from '../support/reference-data.js';
import { kuaidi100Sign, hmacSignature } from '../../src/auth/signatures.js';
import { brokenAmountRules } from '../../src/testing/index.js';
import { API_KEY } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

const SALT = 'journey-salt';
let server: TestServer;
let warehouse: TestWarehouse;
let worker: Runner;
let staff: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ kuaidi100Salt: SALT });
  await seedReferenceData(server.db.dataSource);
  warehouse = await startTestWarehouse(TEST_WMS_SECRET);
  await server.db.dataSource.query('UPDATE warehouses SET endpoint_url = $1', [warehouse.url]);
  worker = await startWorker(server.db.dataSource, server.db.url, { config: server.config, concurrency: 2 });
  staff = await loginAs(server, 'agent', 'agent123');
});
afterAll(async () => {
  await worker?.stop();
  await warehouse?.close();
  await server?.close();
});

const ORDER = `query($n: String!) { order(number: $n) { id status amounts { payable { fen } }
  subOrders { number status warehouse { code } lines { sku } shipments { trackingNumber node } }
  timeline { type subOrderNumber after } } }`;
type Detail = {
  order: {
    id: string;
    status: string;
    subOrders: { number: string; status: string; warehouse: { code: string }; lines: { sku: string }[] }[];
    timeline: { type: string; subOrderNumber: string | null; after: { status?: string } | null }[];
  };
};

async function detail(number: string): Promise<Detail['order']> {
  const { body } = await server.graphql<Detail>(ORDER, { n: number }, staff);
  expect(body.errors).toBeUndefined();
  const order = body.data!.order;
  expect(await brokenAmountRules(server.db.dataSource, [order.id])).toEqual([]);
  return order;
}

async function callback(code: string, subOrderNumber: string, type: string, extra: object = {}) {
  const raw = JSON.stringify({
    eventId: `${type}-${subOrderNumber}`,
    subOrderNumber,
    type,
    occurredAt: new Date().toISOString(),
    ...extra,
  });
  const response = await fetch(`${server.url}/webhooks/wms/${code}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(raw, TEST_WMS_SECRET) },
    body: raw,
  });
  expect(response.status).toBe(200);
}

async function signed(trackingNumber: string) {
  const param = JSON.stringify({
    status: 'polling',
    lastResult: {
      com: 'shunfeng',
      nu: trackingNumber,
      state: '3',
      data: [
        {
          context: '快件已签收，签收人：本人',
          time: '2026-11-24 15:00:00',
          ftime: '2026-11-24 15:00:00',
          areaName: '上海市',
        },
        {
          context: '快件已揽收',
          time: '2026-11-24 09:00:00',
          ftime: '2026-11-24 09:00:00',
          areaName: '上海市',
        },
      ],
    },
  });
  const response = await fetch(`${server.url}/webhooks/carriers/kuaidi100`, {
    method: 'POST',
    body: new URLSearchParams({ param, sign: kuaidi100Sign(param, SALT) }),
  });
  expect(await response.json()).toMatchObject({ result: true });
}

describe('a whole order journey', () => {
  it('goes from createOrder to DELIVERED with every step on the timeline and every amount rule holding', async () => {
    const input = {
      source: 'SELF_OPERATED',
      externalId: `journey-${Date.now()}`,
      channel: 'MINI_PROGRAM',
      customer: { id: 'journey-customer' },
      receiver: {
        name: '郑十',
        phone: '13100000000',
        province: '上海市',
        city: '上海市',
        district: '长宁区',
        address: '虹桥路 1 号',
      },
      lines: [
        {
          sku: 'SKU-200003',
          title: '哈根达斯 冰淇淋',
          quantity: 2,
          salePriceFen: 8_500,
          attributes: ['COLD_CHAIN'],
        },
        { sku: 'SKU-100005', title: 'AirPods Pro 2', quantity: 1, salePriceFen: 159_900 },
        { sku: 'SKU-100013', title: '兰蔻 小黑瓶', quantity: 1, salePriceFen: 109_000 },
      ],
      freightFen: 1_200,
      couponDiscountFen: 3_000,
      promotions: [{ id: 'P-300-50', thresholdFen: 30_000, discountFen: 5_000 }],
      giftCards: [{ cardNumber: '8800555566667777', amountFen: 10_000, balanceAfterFen: 0 }],
      points: { points: 500, valueFen: 500, balanceAfter: 1_000 },
    };
    const created = await server.graphql<{
      createOrder: { order: { number: string; amounts: { payable: { fen: number } } } };
    }>(
      'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number amounts { payable { fen } } } } }',
      { i: input },
      API_KEY,
    );
    const { number, amounts } = created.body.data!.createOrder.order;
    expect((await detail(number)).status).toBe('PENDING_PAYMENT');

    await server.graphql(
      'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status } } }',
      {
        i: {
          orderNumber: number,
          method: 'WECHAT_PAY',
          amountFen: amounts.payable.fen,
          transactionNo: `wx-journey-${number}`,
          status: 'SUCCEEDED',
          occurredAt: new Date().toISOString(),
        },
      },
      API_KEY,
    );
    let order = await detail(number);
    expect(order.status).toBe('SPLIT');
    expect(order.subOrders.length).toBeGreaterThanOrEqual(2);
    const cold = order.subOrders.find((s) => s.lines.some((l) => l.sku === 'SKU-200003'))!;
    expect(cold.lines.map((l) => l.sku)).toEqual(['SKU-200003']);
    expect(cold.warehouse.code).toBe('SH01');

    order = await eventually(async () => {
      const now = await detail(number);
      return now.subOrders.every((s) => s.status === 'DISPATCHED') && now;
    });
    for (const [i, sub] of order.subOrders.entries()) {
      const code = sub.warehouse.code;
      for (const step of ['ACCEPTED', 'PICKING', 'PACKED']) await callback(code, sub.number, step);
      const parcels =
        i === 0
          ? [`SF${sub.number.slice(-12)}`, `SF${sub.number.slice(-11)}9`]
          : [`SF${sub.number.slice(-12)}`];
      await callback(code, sub.number, 'SHIPPED', {
        shipments: parcels.map((trackingNumber) => ({ carrier: 'SF', trackingNumber })),
      });
      expect((await detail(number)).subOrders[i]!.status).toBe('SHIPPED');
      await signed(parcels[0]!);
      if (parcels[1]) {
        expect((await detail(number)).subOrders[i]!.status).toBe('SHIPPED');
        await signed(parcels[1]);
      }
      expect((await detail(number)).subOrders[i]!.status).toBe('DELIVERED');
    }

    order = await detail(number);
    const steps = order.timeline
      .filter((e) => e.type === 'STATUS_CHANGED' && e.subOrderNumber === order.subOrders[0]!.number)
      .map((e) => e.after?.status);
    expect(steps).toEqual(['DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED', 'SHIPPED', 'DELIVERED']);
    const types = new Set(order.timeline.map((e) => e.type));
    for (const type of ['ORDER_CREATED', 'PAYMENT_SUCCEEDED', 'SUB_ORDER_CREATED', 'DISPATCHED', 'SHIPPED'])
      expect(types).toContain(type);
    const [{ reserved }] = await server.db.dataSource.query(
      "SELECT sum(reserved)::int AS reserved FROM stock WHERE sku IN ('SKU-200003', 'SKU-100005', 'SKU-100013')",
    );
    expect(reserved).toBe(0);

    // The checker itself must see a broken rule: move one fen of coupon from one line to another's cash.
    await server.db.dataSource.query(
      'UPDATE order_lines SET alloc_coupon_fen = alloc_coupon_fen + 1 WHERE order_id = $1 AND line_no = 1',
      [order.id],
    );
    expect(await brokenAmountRules(server.db.dataSource, [order.id])).toEqual([
      expect.stringMatching(/^each allocation column sums/),
    ]);
  });
});
