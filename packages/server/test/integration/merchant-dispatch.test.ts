import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/jobs/worker.js';
import { TEST_WMS_SECRET, seedReferenceData } from '../support/reference-data.js';
import { createOrder, payOrder, step, wmsCallback } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

let server: TestServer;
let merchant: TestWarehouse;
let worker: Runner;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  merchant = await startTestWarehouse(TEST_WMS_SECRET);
  await server.db.dataSource.query("UPDATE warehouses SET endpoint_url = $1 WHERE kind = 'MERCHANT'", [
    merchant.url,
  ]);
  worker = await startWorker(server.db.dataSource, server.db.url, { config: server.config, concurrency: 1 });
});
afterAll(async () => {
  await worker?.stop();
  await merchant?.close();
  await server?.close();
});

describe('third-party sub-orders', () => {
  it('are dispatched to their merchant through the outbox, and the merchant reports straight to SHIPPED', async () => {
    const order = await createOrder(server, {
      source: 'THIRD_PARTY',
      lines: [
        { sku: 'SKU-600001', title: '普洱茶', quantity: 1, salePriceFen: 32_800, merchantId: 'M-YUNCHA' },
        { sku: 'SKU-100008', title: '坚果', quantity: 1, salePriceFen: 9_990 },
      ],
    });
    const subOrders = await payOrder(server, order);
    const tea = subOrders.find((s) => s.warehouse?.code === 'M-YUNCHA');
    expect(tea).toBeDefined();
    expect(subOrders).toHaveLength(2);
    await eventually(async () => merchant.received.some((r) => r.body.subOrderNumber === tea!.number));
    const sent = merchant.received.find((r) => r.body.subOrderNumber === tea!.number)!;
    expect(sent.signatureValid).toBe(true);
    expect(sent.body).toMatchObject({ type: 'DISPATCH', warehouseCode: 'M-YUNCHA' });
    const shipped = await wmsCallback(
      server,
      'M-YUNCHA',
      step(tea!.number, 'SHIPPED', { shipments: [{ carrier: 'STO', trackingNumber: `77${Date.now()}` }] }),
    );
    expect(shipped.json.outcome).toBe('APPLIED');
    const stock = await server.db.dataSource.query(
      "SELECT count(*)::int AS n FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE w.kind = 'MERCHANT'",
    );
    expect(stock).toEqual([{ n: 0 }]);
  });

  it('never become a routing or reassignment target, and are not listed as warehouses', async () => {
    const ops = await loginAs(server, 'ops', 'ops123');
    const { body } = await server.graphql<{ warehouses: { code: string }[] }>(
      '{ warehouses { code } }',
      {},
      ops,
    );
    expect(body.data!.warehouses.map((w) => w.code)).toEqual(['BJ01', 'CD01', 'GZ01', 'SH01', 'WH01']);
    const order = await createOrder(server, {
      source: 'THIRD_PARTY',
      lines: [
        { sku: 'SKU-600002', title: '青花瓷茶具', quantity: 1, salePriceFen: 49_900, merchantId: 'M-JDZ' },
      ],
    });
    const [sub] = await payOrder(server, order);
    const moved = await server.graphql(
      'mutation($n: String!) { reassignWarehouse(input: { subOrderNumber: $n, warehouseCode: "SH01", reason: "x" }) { subOrder { number } } }',
      { n: sub!.number },
      ops,
    );
    expect(moved.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'subOrderNumber',
    });
  });
});
