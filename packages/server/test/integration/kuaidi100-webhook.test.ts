import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createOrder, kuaidi100Push, payOrder, step, trackEntry, wmsCallback } from '../support/orders.js';

const SALT = 'test-salt';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ kuaidi100Salt: SALT });
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

/** A sub-order shipped by its warehouse in the given ZTO parcels (paid by card, or cash on delivery). */
async function shippedSubOrder(
  parcels: string[],
  cod = false,
): Promise<{ orderNumber: string; subOrderNumber: string }> {
  const order = await createOrder(server, {
    lines: [{ sku: 'SKU-100010', title: '维达 抽纸', quantity: 1, salePriceFen: 4_590 }],
  });
  const [sub] = await payOrder(server, order, cod ? 'COD' : 'ALIPAY', cod ? 'PENDING' : 'SUCCEEDED');
  await wmsCallback(
    server,
    sub!.warehouse!.code,
    step(sub!.number, 'SHIPPED', { shipments: parcels.map((t) => ({ carrier: 'ZTO', trackingNumber: t })) }),
  );
  return { orderNumber: order.number, subOrderNumber: sub!.number };
}

const entry = trackEntry;
const push = (nu: string, state: string, data: object[], salt = SALT) =>
  kuaidi100Push(server, salt, 'zhongtong', nu, state, data);

const q = (sql: string, params: unknown[]) => server.db.dataSource.query(sql, params);

describe('Kuaidi100 pushes', () => {
  it('store every entry once, move the parcel forward and deliver the sub-order when signed', async () => {
    const nu = `73${Date.now().toString().slice(-10)}`;
    const { subOrderNumber } = await shippedSubOrder([nu]);
    const e1 = entry('2026-11-20 09:00:00', '【杭州市】快件已揽收');
    const e2 = entry('2026-11-20 18:00:00', '【杭州市】快件已发往【上海转运中心】');
    const e3 = entry('2026-11-21 10:00:00', '快件已签收，签收人：本人');
    expect(await push(nu, '1', [e1])).toEqual({
      status: 200,
      json: { result: true, returnCode: '200', message: '成功' },
    });
    await push(nu, '0', [e2, e1]);
    await push(nu, '0', [e2, e1]);
    expect(
      await q('SELECT count(*)::int AS n FROM logistics_events WHERE tracking_number = $1', [nu]),
    ).toEqual([{ n: 2 }]);
    await push(nu, '3', [e3, e2, e1]);
    expect(await q('SELECT node FROM shipments WHERE tracking_number = $1', [nu])).toEqual([
      { node: 'SIGNED' },
    ]);
    expect(await q('SELECT status FROM sub_orders WHERE number = $1', [subOrderNumber])).toEqual([
      { status: 'DELIVERED' },
    ]);
    const events = await q(
      'SELECT node, raw_state FROM logistics_events WHERE tracking_number = $1 ORDER BY occurred_at',
      [nu],
    );
    expect(events).toEqual([
      { node: 'COLLECTED', raw_state: '1' },
      { node: 'IN_TRANSIT', raw_state: '0' },
      { node: 'SIGNED', raw_state: '3' },
    ]);
  });

  it('never move a parcel backwards on a late push', async () => {
    const nu = `74${Date.now().toString().slice(-10)}`;
    await shippedSubOrder([nu]);
    await push(nu, '5', [entry('2026-11-21 08:00:00', '派件中'), entry('2026-11-20 09:00:00', '已揽收')]);
    await push(nu, '0', [entry('2026-11-20 20:00:00', '运输中')]);
    expect(await q('SELECT node FROM shipments WHERE tracking_number = $1', [nu])).toEqual([
      { node: 'OUT_FOR_DELIVERY' },
    ]);
  });

  it('keep a two-parcel sub-order shipped until both are signed, then settle cash on delivery', async () => {
    const [a, b] = [`75${Date.now().toString().slice(-10)}`, `76${Date.now().toString().slice(-10)}`];
    const { orderNumber, subOrderNumber } = await shippedSubOrder([a, b], true);
    await push(a, '3', [entry('2026-11-21 10:00:00', '已签收')]);
    expect(await q('SELECT status FROM sub_orders WHERE number = $1', [subOrderNumber])).toEqual([
      { status: 'SHIPPED' },
    ]);
    await push(b, '3', [entry('2026-11-21 11:00:00', '已签收')]);
    expect(await q('SELECT status FROM sub_orders WHERE number = $1', [subOrderNumber])).toEqual([
      { status: 'DELIVERED' },
    ]);
    expect(
      await q(
        "SELECT p.status FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = $1 AND p.method = 'COD'",
        [orderNumber],
      ),
    ).toEqual([{ status: 'SUCCEEDED' }]);
  });

  it('store a push for a waybill not known yet and attach it when the parcel ships', async () => {
    const nu = `77${Date.now().toString().slice(-10)}`;
    expect((await push(nu, '1', [entry('2026-11-20 09:00:00', '已揽收')])).status).toBe(200);
    await shippedSubOrder([nu]);
    expect(
      await q(
        'SELECT count(*)::int AS n FROM logistics_events le JOIN shipments sh ON sh.id = le.shipment_id WHERE sh.tracking_number = $1',
        [nu],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('refuse a bad signature with result false, storing nothing', async () => {
    const nu = `78${Date.now().toString().slice(-10)}`;
    const bad = await push(nu, '1', [entry('2026-11-20 09:00:00', '已揽收')], 'wrong-salt');
    expect(bad.status).toBe(401);
    expect((bad.json as { result: boolean }).result).toBe(false);
    expect(
      await q('SELECT count(*)::int AS n FROM logistics_events WHERE tracking_number = $1', [nu]),
    ).toEqual([{ n: 0 }]);
  });
});

describe('every Kuaidi100 state code', () => {
  it('is stored raw on the newest entry with the node and visibility of the mapping', async () => {
    const { KUAIDI100_STATES } = await import('@oms/schema');
    const { subOrderNumber } = await shippedSubOrder([`79${Date.now().toString().slice(-10)}`]);
    expect(subOrderNumber).toBeTruthy();
    for (const [i, state] of KUAIDI100_STATES.entries()) {
      // A waybill of its own per code: each first push is stored whatever its node.
      const nu = `8${String(Date.now()).slice(-9)}${String(i).padStart(2, '0')}`;
      expect(
        (await push(nu, state.code, [entry('2026-11-20 09:00:00', `状态 ${state.code}`)])).json.result,
      ).toBe(true);
      const [row] = await q(
        'SELECT raw_state, node, customer_visible FROM logistics_events WHERE tracking_number = $1',
        [nu],
      );
      expect(row, state.code).toEqual({
        raw_state: state.code,
        node: state.node,
        customer_visible: state.customerVisible,
      });
    }
  });
});
