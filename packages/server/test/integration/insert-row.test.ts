import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow } from '../../src/database/insert-row.js';
import { PaymentEntity, SubOrderEntity } from '../../src/entities/index.js';
import { seedReferenceData } from '../../src/seed/demo.js';
import { createOrder } from '../support/orders.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

describe('insertRow', () => {
  it('gives the same entity a read-back would: identity, defaults, transformed amounts, nulls left out', async () => {
    const db = server.db.dataSource;
    const order = await createOrder(server);
    const [{ id: orderId, shard }] = await db.query('SELECT id::text, shard FROM orders WHERE number = $1', [
      order.number,
    ]);
    const now = new Date();
    await db.transaction(async (manager) => {
      const subOrder = await insertRow(manager, SubOrderEntity, {
        number: '1000000000000001',
        orderId,
        shard,
        status: 'CREATED',
        warehouseId: null,
        merchantId: null,
        dispatchState: 'NONE',
        held: false,
        outOfStock: true,
        goodsFen: 12_345,
        payableFen: 12_345,
        createdAt: now,
        updatedAt: now,
      });
      expect(subOrder).toEqual(
        await manager.getRepository(SubOrderEntity).findOneByOrFail({ id: subOrder.id }),
      );
      expect(subOrder.version).toBe(1);
      expect(subOrder.freightFen).toBe(0);
      expect(subOrder.cancelRequestedAt).toBeNull();
      const payment = await insertRow(manager, PaymentEntity, {
        orderId,
        shard,
        method: 'ALIPAY',
        amountFen: 100,
        status: 'PENDING',
        transactionNo: 'insert-row-test',
        paidAt: null,
        createdAt: now,
      });
      expect(payment).toEqual(await manager.getRepository(PaymentEntity).findOneByOrFail({ id: payment.id }));
      expect(typeof payment.id).toBe('string');
    });
  });
});
