import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/jobs/worker.js';
import { TEST_WMS_SECRET, seedReferenceData } from '../support/reference-data.js';
import { paidOrder as paidOrderVia } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

// docs/reliability.md "warehouse answers 500 / times out repeatedly": back-off, then a dead letter that the sub-order and
// a metric show, and a re-drive (redriveDispatch) that sends it again, once more in seq order, audited.

let server: TestServer;
let warehouse: TestWarehouse;
let worker: Runner;
let ops: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ dispatchMaxAttempts: 2 });
  await seedReferenceData(server.db.dataSource);
  warehouse = await startTestWarehouse(TEST_WMS_SECRET);
  await server.db.dataSource.query("UPDATE warehouses SET endpoint_url = $1 WHERE code = 'SH01'", [
    warehouse.url,
  ]);
  // A warehouse that has not answered after 500 ms has failed this attempt.
  worker = await startWorker(server.db.dataSource, server.db.url, {
    config: server.config,
    concurrency: 2,
    dispatchMaxAttempts: 2,
    deliveryTimeoutMs: 500,
  });
  ops = await loginAs(server, 'ops', 'ops123');
});
afterAll(async () => {
  await worker?.stop();
  await warehouse?.close();
  await server?.close();
});

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

const skipBackOff = () =>
  server.db.dataSource.query(
    'UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL',
  );

const SUB_ORDER = `query($n: String!) { subOrder(number: $n) { status dispatchState dispatchError } }`;
const REDRIVE = `mutation($n: String!) { redriveDispatch(subOrderNumber: $n) { number status dispatchState } }`;

const card = async (number: string) =>
  (
    await server.graphql<{
      subOrder: { status: string; dispatchState: string; dispatchError: string | null };
    }>(SUB_ORDER, { n: number }, ops)
  ).body.data!.subOrder;

const deadLetterGauge = async () =>
  Number(/^oms_outbox_dead_letters (\d+)$/m.exec(await server.metrics())?.[1]);

describe('a warehouse that fails, then hangs', () => {
  it('dead-letters after the attempts (a hang counts as one), shows it, and a re-drive delivers it once more', async () => {
    warehouse.failNext = 1; // first attempt: 500
    warehouse.hangNext = 1; // then no answer at all
    const { subOrderNumber } = await paidOrder();
    await eventually(async () => {
      await skipBackOff();
      return (await card(subOrderNumber)).dispatchState === 'DEAD_LETTER';
    });
    const sent = () => warehouse.received.filter((r) => r.body.subOrderNumber === subOrderNumber);
    expect(sent()).toHaveLength(2);
    expect(await card(subOrderNumber)).toEqual({
      status: 'CREATED',
      dispatchState: 'DEAD_LETTER',
      dispatchError: expect.stringMatching(/timeout|aborted/i),
    });
    expect(await deadLetterGauge()).toBe(1);

    // An agent may not re-drive; ops may.
    const agent = await loginAs(server, 'agent', 'agent123');
    const refused = await server.graphql(REDRIVE, { n: subOrderNumber }, agent);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const { body } = await server.graphql<{ redriveDispatch: { dispatchState: string } }>(
      REDRIVE,
      { n: subOrderNumber },
      ops,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.redriveDispatch.dispatchState).toBe('RETRYING');
    await eventually(async () => (await card(subOrderNumber)).status === 'DISPATCHED');
    expect(await card(subOrderNumber)).toEqual({
      status: 'DISPATCHED',
      dispatchState: 'ACKNOWLEDGED',
      dispatchError: null,
    });
    // The same message again (same eventId and seq), so the warehouse can tell it is a repeat.
    expect(sent()).toHaveLength(3);
    expect(new Set(sent().map((r) => r.body.eventId)).size).toBe(1);
    expect(sent().map((r) => r.body.seq)).toEqual([1, 1, 1]);
    expect(await deadLetterGauge()).toBe(0);

    const [audit] = await server.db.dataSource.query(
      "SELECT a.action, a.role, a.before, a.after FROM audit_log a WHERE a.action = 'REDRIVE_DISPATCH'",
    );
    expect(audit).toMatchObject({
      action: 'REDRIVE_DISPATCH',
      role: 'OPS',
      before: { subOrderNumber, dispatchState: 'DEAD_LETTER', deadLetters: [{ seq: 1, type: 'DISPATCH' }] },
      after: { dispatchState: 'RETRYING', requeued: [1] },
    });

    // Nothing dead-lettered any more: a re-drive now is refused and changes nothing.
    const again = await server.graphql(REDRIVE, { n: subOrderNumber }, ops);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('re-drives several dead letters of one sub-order in seq order', async () => {
    warehouse.failNext = 100;
    const { subOrderNumber } = await paidOrder();
    await eventually(async () => {
      await skipBackOff();
      return (await card(subOrderNumber)).dispatchState === 'DEAD_LETTER';
    });
    // A second message for the same sub-order (as a cancel request would be), dead-lettered behind the first.
    await server.db.dataSource.query(
      `INSERT INTO outbound_messages (event_id, sub_order_id, order_id, shard, warehouse_id, seq, type, reason, status,
                                      attempts, last_error, created_at)
       SELECT gen_random_uuid(), m.sub_order_id, m.order_id, m.shard, m.warehouse_id, m.seq + 1, 'CANCEL', 'test', 'DEAD_LETTER',
              2, 'warehouse SH01 answered 500', now()
       FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id WHERE s.number = $1`,
      [subOrderNumber],
    );
    warehouse.failNext = 0;
    const { body } = await server.graphql(REDRIVE, { n: subOrderNumber }, ops);
    expect(body.errors).toBeUndefined();
    await eventually(async () => {
      await skipBackOff();
      const [row] = await server.db.dataSource.query(
        `SELECT count(*) FILTER (WHERE m.status = 'SENT')::int AS sent FROM outbound_messages m
         JOIN sub_orders s ON s.id = m.sub_order_id WHERE s.number = $1`,
        [subOrderNumber],
      );
      return row.sent === 2;
    });
    const delivered = warehouse.received
      .filter((r) => r.body.subOrderNumber === subOrderNumber)
      .slice(-2)
      .map((r) => `${r.body.seq as number} ${r.body.type as string}`);
    expect(delivered).toEqual(['1 DISPATCH', '2 CANCEL']);
  });
});
