import { TEST_API_KEY, TEST_WMS_SECRET } from './reference-data.js';
import { kuaidi100Sign, hmacSignature } from '../../src/auth/signatures.js';
import type { TestServer } from './test-server.js';

/** The tests' integration key, as storefronts and payment channels send it. */
export const API_KEY = { authorization: `ApiKey ${TEST_API_KEY}` };

let counter = 0;

/** A valid createOrder input: one ordinary line, a receiver with an address of its own (so screening stays quiet). */
export function orderInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const key = `${process.pid}-${Date.now()}-${counter}`;
  return {
    source: 'SELF_OPERATED',
    externalId: `test-${key}`,
    customer: { id: `customer-${key}` },
    receiver: {
      name: '张三',
      phone: '13812345678',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      address: `测试路 ${key} 号`,
    },
    lines: [{ sku: 'SKU-100008', title: '三只松鼠 每日坚果', quantity: 1, salePriceFen: 9_990 }],
    freightFen: 0,
    ...overrides,
  };
}

interface CreatedOrder {
  number: string;
  status: string;
  amounts: { payable: { fen: number } };
}

/** Creates an order through the API as the tests' storefront; throws on errors. */
export async function createOrder(
  server: TestServer,
  overrides: Record<string, unknown> = {},
): Promise<CreatedOrder> {
  const { body } = await server.graphql<{ createOrder: { order: CreatedOrder } }>(
    'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number status amounts { payable { fen } } } } }',
    { i: orderInput(overrides) },
    API_KEY,
  );
  if (!body.data) throw new Error(`createOrder failed: ${JSON.stringify(body.errors)}`);
  return body.data.createOrder.order;
}

/**
 * Pays an order in full through the API (one cash payment); returns its sub-orders after the split, with their
 * warehouses read from the database (an API key reads only numbers and statuses: docs/api.md "What an API key reads").
 */
export async function payOrder(
  server: TestServer,
  order: CreatedOrder,
  method = 'ALIPAY',
  status = 'SUCCEEDED',
): Promise<{ number: string; warehouse: { code: string } | null }[]> {
  const { body } = await server.graphql<{ recordPayment: { order: { status: string } } }>(
    'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { status } } }',
    {
      i: {
        orderNumber: order.number,
        method,
        amountFen: order.amounts.payable.fen,
        transactionNo: `tx-${order.number}`,
        status,
        occurredAt: new Date().toISOString(),
      },
    },
    API_KEY,
  );
  if (!body.data) throw new Error(`recordPayment failed: ${JSON.stringify(body.errors)}`);
  const rows = (await server.db.dataSource.query(
    `SELECT s.number, w.code FROM sub_orders s JOIN orders o ON o.id = s.order_id
     LEFT JOIN warehouses w ON w.id = s.warehouse_id WHERE o.number = $1 ORDER BY s.id`,
    [order.number],
  )) as { number: string; code: string | null }[];
  return rows.map((row) => ({ number: row.number, warehouse: row.code ? { code: row.code } : null }));
}

/** Creates and pays an order; returns its number and its first sub-order's number and warehouse. */
export async function paidOrder(server: TestServer, overrides: Record<string, unknown> = {}) {
  const order = await createOrder(server, overrides);
  const subOrders = await payOrder(server, order);
  return {
    orderNumber: order.number,
    subOrderNumber: subOrders[0]!.number,
    warehouseCode: subOrders[0]!.warehouse?.code ?? null,
    subOrders,
  };
}

/** Sends a signed warehouse callback over HTTP; returns the status and the JSON answer. */
export async function wmsCallback(
  server: TestServer,
  warehouseCode: string,
  body: Record<string, unknown>,
  secret = TEST_WMS_SECRET,
): Promise<{ status: number; json: { outcome?: string } }> {
  const raw = JSON.stringify({ occurredAt: new Date().toISOString(), ...body });
  const response = await fetch(`${server.url}/webhooks/wms/${warehouseCode}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(raw, secret) },
    body: raw,
  });
  return { status: response.status, json: (await response.json()) as { outcome?: string } };
}

/** A warehouse step for a sub-order, with an eventId of its own. */
export function step(subOrderNumber: string, type: string, extra: Record<string, unknown> = {}) {
  return {
    eventId: `${type}-${subOrderNumber}-${Math.random().toString(36).slice(2)}`,
    subOrderNumber,
    type,
    ...extra,
  };
}

/** One Kuaidi100 tracking entry at a Shanghai local time. */
export function trackEntry(ftime: string, context: string) {
  return { context, time: ftime, ftime, areaName: '上海市' };
}

/** Sends a signed Kuaidi100 push over HTTP. */
export async function kuaidi100Push(
  server: TestServer,
  salt: string,
  com: string,
  nu: string,
  state: string,
  data: object[],
  sign?: string,
) {
  const param = JSON.stringify({ status: 'polling', lastResult: { com, nu, state, data } });
  const form = new URLSearchParams({ param, sign: sign ?? kuaidi100Sign(param, salt) });
  const response = await fetch(`${server.url}/webhooks/carriers/kuaidi100`, { method: 'POST', body: form });
  return { status: response.status, json: (await response.json()) as { result: boolean } };
}

/** A paid order shipped by its warehouse in the given parcels (carrier codes ours, e.g. SF), through the webhooks. */
export async function shippedOrder(
  server: TestServer,
  parcels: { carrier: string; trackingNumber: string }[],
  overrides: Record<string, unknown> = {},
) {
  // Paid and queued for dispatch (no worker runs here): a warehouse report for it is accepted.
  const paid = await paidOrder(server, overrides);
  const answer = await wmsCallback(
    server,
    paid.warehouseCode!,
    step(paid.subOrderNumber, 'SHIPPED', { shipments: parcels }),
  );
  if (answer.json.outcome !== 'APPLIED') throw new Error(`SHIPPED was ${answer.json.outcome}`);
  return paid;
}
