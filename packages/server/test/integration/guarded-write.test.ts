import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderEntity, SubOrderEntity } from '../../src/entities/index.js';
import { seedReferenceData } from '../support/reference-data.js';
import { GraphileOutbox } from '../../src/jobs/outbox.js';
import { applyOrderEvent, applySubOrderEvent } from '../../src/services/helpers/transitions.js';
import { createOrder, paidOrder } from '../support/orders.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

const SYSTEM = { type: 'SYSTEM' as const, id: 'test' };
const outbox = new GraphileOutbox(8);

describe('a competing write between read and write (docs/reliability.md)', () => {
  it('makes the guarded sub-order write refuse with VERSION_CONFLICT and change nothing', async () => {
    const { subOrderNumber } = await paidOrder(server);
    const db = server.db.dataSource;
    await expect(
      db.transaction(async (manager) => {
        const stale = await manager.getRepository(SubOrderEntity).findOneByOrFail({ number: subOrderNumber });
        const order = await manager.getRepository(OrderEntity).findOneByOrFail({ id: stale.orderId });
        // The test hook: another connection changes the row after this transaction read it.
        await db.query("UPDATE sub_orders SET status = 'ACCEPTED', version = version + 1 WHERE number = $1", [
          subOrderNumber,
        ]);
        await applySubOrderEvent(
          { manager, outbox },
          { order, subOrder: stale, event: 'CANCEL', facts: { cancelRequested: false }, actor: SYSTEM },
        );
      }),
    ).rejects.toMatchObject({ extensions: { code: 'VERSION_CONFLICT' } });
    const [row] = await db.query('SELECT status FROM sub_orders WHERE number = $1', [subOrderNumber]);
    expect(row.status).toBe('ACCEPTED');
    const events = await db.query(
      "SELECT count(*)::int AS n FROM order_events e JOIN sub_orders s ON s.id = e.sub_order_id WHERE s.number = $1 AND e.after->>'status' = 'CANCELLED'",
      [subOrderNumber],
    );
    expect(events[0].n).toBe(0);
  });

  it('makes the guarded order write refuse the same way', async () => {
    const created = await createOrder(server);
    const db = server.db.dataSource;
    await expect(
      db.transaction(async (manager) => {
        const stale = await manager.getRepository(OrderEntity).findOneByOrFail({ number: created.number });
        await db.query('UPDATE orders SET version = version + 1 WHERE number = $1', [created.number]);
        await applyOrderEvent({ manager, outbox }, { order: stale, event: 'CANCEL', actor: SYSTEM });
      }),
    ).rejects.toMatchObject({ extensions: { code: 'VERSION_CONFLICT' } });
    expect((await db.query('SELECT status FROM orders WHERE number = $1', [created.number]))[0].status).toBe(
      'PENDING_PAYMENT',
    );
  });
});
