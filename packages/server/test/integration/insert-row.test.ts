import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow } from '../../src/database/insert-row.js';
import { OrderEntity, PaymentEntity, SubOrderEntity } from '../../src/entities/index.js';
import { seedReferenceData } from '../support/reference-data.js';
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
      // Encrypted columns: the entity holds the plaintext, as a read-back decrypts it.
      const parent = await insertRow(manager, OrderEntity, {
        number: '1000000000000002',
        shard,
        source: 'SELF_OPERATED',
        externalId: 'insert-row-test',
        type: 'NORMAL',
        status: 'PENDING_PAYMENT',
        ownerId: 'RETAILER',
        customerId: 'c-1',
        receiverName: '张三',
        receiverPhone: '13812345678',
        receiverPhoneIndex: 'index',
        receiverProvince: '上海市',
        receiverCity: '上海市',
        receiverDistrict: '浦东新区',
        receiverAddress: '测试路 1 号',
        goodsFen: 100,
        payableFen: 100,
        createdAt: now,
        updatedAt: now,
      });
      expect(parent).toEqual(await manager.getRepository(OrderEntity).findOneByOrFail({ id: parent.id }));
      expect(parent.receiverPhone).toBe('13812345678');
    });
  });
});
