import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVER_TASK, GraphileOutbox } from '../../src/jobs/outbox.js';
import { REQUEUE_STUCK_SQL } from '../../src/jobs/requeue-stuck.js';
import { startWorker } from '../../src/jobs/worker.js';
import { SubOrderEntity } from '../../src/entities/index.js';
import { TEST_WMS_SECRET, seedReferenceData } from '../support/reference-data.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { paidOrder as paidOrderVia } from '../support/orders.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

let server: TestServer;
let warehouse: TestWarehouse;
let worker: Runner;

beforeAll(async () => {
  server = await startTestServer({ dispatchMaxAttempts: 3 });
  await seedReferenceData(server.db.dataSource);
  warehouse = await startTestWarehouse(TEST_WMS_SECRET);
  await server.db.dataSource.query("UPDATE warehouses SET endpoint_url = $1 WHERE code = 'SH01'", [
    warehouse.url,
  ]);
  worker = await startWorker(server.db.dataSource, server.db.url, {
    config: server.config,
    concurrency: 2,
    dispatchMaxAttempts: 3,
  });
});
afterAll(async () => {
  await worker?.stop();
  await warehouse?.close();
  await server?.close();
});

/** A paid order in Nanjing: one sub-order at SH01, queued for dispatch. */
const paidOrder = () =>
  paidOrderVia(server, {
    receiver: {
      name: '孙七',
      phone: '13500000000',
      province: '江苏省',
      city: '南京市',
      district: '鼓楼区',
      address: `中山路 ${Date.now()}${Math.random()} 号`,
    },
    lines: [{ sku: 'SKU-100007', title: '飞鹤 奶粉', quantity: 1, salePriceFen: 29_800 }],
  });

/** Makes every waiting retry due now, so tests need not sit out the back-off. */
const skipBackOff = () =>
  server.db.dataSource.query(
    'UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL',
  );

const subOrderRow = (number: string) =>
  server.db.dataSource
    .query('SELECT status, dispatch_state FROM sub_orders WHERE number = $1', [number])
    .then((r) => r[0]);

describe('dispatch through the outbox', () => {
  it('POSTs a signed dispatch with the receiver in full, once, and marks the sub-order dispatched on the 2xx', async () => {
    warehouse.status = 200;
    const { subOrderNumber } = await paidOrder();
    await eventually(async () => (await subOrderRow(subOrderNumber)).status === 'DISPATCHED');
    const sent = warehouse.received.filter((r) => r.body.subOrderNumber === subOrderNumber);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.signatureValid).toBe(true);
    expect(sent[0]!.body).toMatchObject({
      type: 'DISPATCH',
      seq: 1,
      warehouseCode: 'SH01',
      receiver: { phone: '13500000000' },
    });
    expect(await subOrderRow(subOrderNumber)).toEqual({
      status: 'DISPATCHED',
      dispatch_state: 'ACKNOWLEDGED',
    });
  });

  it('retries a failing warehouse, then dead-letters the message visibly', async () => {
    warehouse.status = 500;
    const { subOrderNumber } = await paidOrder();
    await eventually(async () => {
      await skipBackOff();
      return (await subOrderRow(subOrderNumber)).dispatch_state === 'DEAD_LETTER';
    });
    expect(warehouse.received.filter((r) => r.body.subOrderNumber === subOrderNumber)).toHaveLength(3);
    expect((await subOrderRow(subOrderNumber)).status).toBe('CREATED');
    const [message] = await server.db.dataSource.query(
      'SELECT m.status, m.attempts, m.last_error FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id WHERE s.number = $1',
      [subOrderNumber],
    );
    expect(message).toMatchObject({
      status: 'DEAD_LETTER',
      attempts: 3,
      last_error: 'warehouse SH01 answered 500',
    });
    warehouse.status = 200;
  });

  it('leaves neither message nor job when the transaction that wrote them rolls back', async () => {
    const subOrder = await server.db.dataSource.getRepository(SubOrderEntity).findOneByOrFail({});
    // Counted for this sub-order, and as jobs naming a message that does not exist: the worker may finish other
    // jobs meanwhile, so a count of all jobs would move by itself.
    const footprint = async () =>
      (
        await server.db.dataSource.query(
          `SELECT (SELECT count(*) FROM outbound_messages WHERE sub_order_id = $1)::int AS messages,
             (SELECT count(*) FROM graphile_worker._private_jobs j
              WHERE j.payload->>'messageId' IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM outbound_messages m WHERE m.id::text = j.payload->>'messageId'))::int
               AS orphanJobs`,
          [subOrder.id],
        )
      )[0] as { messages: number; orphanjobs: number };
    const before = await footprint();
    await expect(
      server.db.dataSource.transaction(async (manager) => {
        await new GraphileOutbox(8).enqueue(manager, [
          { subOrder, warehouseId: subOrder.warehouseId!, type: 'CANCEL', reason: 'test' },
        ]);
        // Inside, both were written: the rollback is what removes them.
        expect(
          (
            await manager.query('SELECT count(*)::int AS n FROM outbound_messages WHERE sub_order_id = $1', [
              subOrder.id,
            ])
          )[0].n,
        ).toBe(before.messages + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await footprint()).toEqual({ ...before, orphanjobs: 0 });
  });
});

describe('delivery faults', () => {
  it('delivers on the third try to a warehouse that failed twice', async () => {
    warehouse.status = 200;
    warehouse.failNext = 2;
    const { subOrderNumber } = await paidOrder();
    await eventually(async () => {
      await skipBackOff();
      return (await subOrderRow(subOrderNumber)).status === 'DISPATCHED';
    });
    expect(warehouse.received.filter((r) => r.body.subOrderNumber === subOrderNumber)).toHaveLength(3);
  });

  it('holds a later message of the sub-order back, spending none of its attempts, until the earlier one is sent', async () => {
    warehouse.status = 200;
    warehouse.failNext = 2;
    const { subOrderNumber } = await paidOrder();
    const subOrder = await server.db.dataSource
      .getRepository(SubOrderEntity)
      .findOneByOrFail({ number: subOrderNumber });
    // A cancel request right behind the dispatch, which the warehouse refuses twice before taking it.
    await server.db.dataSource.transaction((manager) =>
      new GraphileOutbox(3).enqueue(manager, [
        { subOrder, warehouseId: subOrder.warehouseId!, type: 'CANCEL', reason: 'test' },
      ]),
    );
    const messages = () =>
      server.db.dataSource.query(
        'SELECT id, seq, type, status, attempts FROM outbound_messages WHERE sub_order_id = $1 ORDER BY seq',
        [subOrder.id],
      ) as Promise<{ id: string; seq: number; type: string; status: string; attempts: number }[]>;
    // While the dispatch waits out its back-off, the cancel's job has put itself back, its attempts untouched.
    const cancelId = (await messages())[1]!.id;
    let waiting: { attempts: number; waits: number } | undefined;
    await eventually(async () => {
      [waiting] = (await server.db.dataSource.query(
        `SELECT attempts, (payload->>'waits')::int AS waits FROM graphile_worker._private_jobs
         WHERE key = $1 AND payload->>'waits' IS NOT NULL`,
        [`outbound:${cancelId}`],
      )) as { attempts: number; waits: number }[];
      return waiting !== undefined;
    });
    expect(waiting!.attempts).toBe(0);
    expect(waiting!.waits).toBeGreaterThanOrEqual(1);
    await eventually(async () => {
      await skipBackOff();
      return (await messages()).every((m) => m.status === 'SENT');
    });
    expect((await messages()).map(({ id: _id, ...m }) => m)).toEqual([
      { seq: 1, type: 'DISPATCH', status: 'SENT', attempts: 3 },
      { seq: 2, type: 'CANCEL', status: 'SENT', attempts: 1 },
    ]);
    const seqs = warehouse.received
      .filter((r) => r.body.subOrderNumber === subOrderNumber)
      .map((r) => r.body.seq);
    expect(seqs).toEqual([1, 1, 1, 2]);
  });

  it('re-queues a message whose worker died mid-delivery; the warehouse sees one event', async () => {
    warehouse.status = 200;
    await worker.stop();
    try {
      const { subOrderNumber } = await paidOrder();
      // The dead worker's footprint: the job locked long ago, and the message still PENDING.
      await server.db.dataSource.query(
        "UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '10 minutes', locked_by = 'killed-worker'",
      );
      await server.db.dataSource.query(
        "UPDATE outbound_messages SET created_at = now() - interval '5 minutes' WHERE status = 'PENDING'",
      );
      await server.db.dataSource.query(REQUEUE_STUCK_SQL, [DELIVER_TASK, 8]);
      worker = await startWorker(server.db.dataSource, server.db.url, {
        config: server.config,
        concurrency: 2,
        dispatchMaxAttempts: 2,
      });
      await eventually(async () => (await subOrderRow(subOrderNumber)).status === 'DISPATCHED');
      const events = new Set(
        warehouse.received.filter((r) => r.body.subOrderNumber === subOrderNumber).map((r) => r.body.eventId),
      );
      expect(events.size).toBe(1);
    } finally {
      if (!worker)
        worker = await startWorker(server.db.dataSource, server.db.url, {
          config: server.config,
          concurrency: 2,
          dispatchMaxAttempts: 2,
        });
    }
  });
});
