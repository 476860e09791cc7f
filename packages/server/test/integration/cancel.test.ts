import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundMessageEntity } from '../../src/entities/index.js';
import { GraphileOutbox } from '../../src/jobs/outbox.js';
import { DeliveryService } from '../../src/services/dispatch/delivery.service.js';
import { EXPIRE_IDEMPOTENCY_KEYS_SQL } from '../../src/services/helpers/idempotency.js';
import { requestHash } from '../../src/services/ingest/request-hash.js';
import { seedReferenceData } from '../support/reference-data.js';
import { createOrder, paidOrder, payOrder, step, wmsCallback } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let agent: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  agent = await loginAs(server, 'agent', 'agent123');
});
afterAll(() => server?.close());

const CANCEL = `mutation($i: CancelOrderInput!) { cancelOrder(input: $i) {
  order { status subOrders { number status cancelRequestedAt } } results { subOrderNumber outcome reason } refunds { method amount { fen } status } } }`;
type Cancelled = {
  cancelOrder: {
    order: { status: string; subOrders: { number: string; status: string }[] };
    results: { subOrderNumber: string | null; outcome: string }[];
    refunds: { method: string; amount: { fen: number } }[];
  };
};

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  server.db.dataSource.query(sql, params) as Promise<T[]>;

/** A paid order with a cold-chain line and an ordinary line (two sub-orders), a gift card and points. */
async function twoSubOrders() {
  const order = await createOrder(server, {
    lines: [
      { sku: 'SKU-200001', title: '牛奶', quantity: 2, salePriceFen: 6_590, attributes: ['COLD_CHAIN'] },
      { sku: 'SKU-100006', title: '索尼 耳机', quantity: 1, salePriceFen: 229_900 },
    ],
    freightFen: 800,
    couponDiscountFen: 2_000,
    giftCards: [{ cardNumber: '8800999988887777', amountFen: 20_000, balanceAfterFen: 0 }],
    points: { points: 3_000, valueFen: 3_000, balanceAfter: 0 },
  });
  const subOrders = await payOrder(server, order, 'WECHAT_PAY');
  return { order, subOrders };
}

describe('cancelOrder', () => {
  it('cancels an unpaid order at once and gives the gift card back', async () => {
    const order = await createOrder(server, {
      giftCards: [{ cardNumber: '8800123400001111', amountFen: 1_000, balanceAfterFen: 0 }],
    });
    const { body } = await server.graphql<Cancelled>(
      CANCEL,
      { i: { number: order.number, reason: '客户不想要了' } },
      agent,
    );
    expect(body.data!.cancelOrder.order.status).toBe('CANCELLED');
    expect(body.data!.cancelOrder.refunds).toEqual([
      { method: 'GIFT_CARD', amount: { fen: 1_000 }, status: 'PENDING' },
    ]);
  });

  it('cancels a sub-order no warehouse has at once, and asks the warehouse for one it has; refunds sum to what was paid', async () => {
    const { order, subOrders } = await twoSubOrders();
    const [first, second] = subOrders;
    expect(
      (await wmsCallback(server, second!.warehouse!.code, step(second!.number, 'ACCEPTED'))).json.outcome,
    ).toBe('APPLIED');
    const { body } = await server.graphql<Cancelled>(
      CANCEL,
      { i: { number: order.number, reason: '客户来电取消' } },
      agent,
    );
    expect(body.errors).toBeUndefined();
    const results = Object.fromEntries(
      body.data!.cancelOrder.results.map((r) => [r.subOrderNumber, r.outcome]),
    );
    expect(results).toEqual({ [first!.number]: 'CANCELLED', [second!.number]: 'CANCEL_REQUESTED' });
    const messages = await q(
      'SELECT m.type FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id WHERE s.number = $1 ORDER BY m.seq',
      [second!.number],
    );
    expect(messages.map((m) => m.type)).toEqual(['DISPATCH', 'CANCEL']);
    expect(
      await q(
        'SELECT m.status FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id WHERE s.number = $1',
        [first!.number],
      ),
    ).toEqual([{ status: 'DROPPED' }]);

    expect(
      (await wmsCallback(server, second!.warehouse!.code, step(second!.number, 'CANCEL_CONFIRMED'))).json
        .outcome,
    ).toBe('APPLIED');
    const refunded = await q<{ method: string; total: number }>(
      'SELECT r.method, sum(r.amount_fen)::int AS total FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1 GROUP BY r.method ORDER BY r.method',
      [order.number],
    );
    const paid = await q<{ method: string; total: number }>(
      "SELECT p.method, sum(p.amount_fen)::int AS total FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = $1 AND p.status NOT IN ('PENDING', 'FAILED') GROUP BY p.method ORDER BY p.method",
      [order.number],
    );
    expect(refunded).toEqual(paid);
    const reserved = await q<{ n: number }>(
      "SELECT sum(reserved)::int AS n FROM stock WHERE sku IN ('SKU-200001', 'SKU-100006')",
    );
    expect(reserved[0]!.n).toBe(0);
  });

  it('cancels a cash-on-delivery order before delivery: nothing collected, so no cash goes back; the gift card does', async () => {
    const order = await createOrder(server, {
      giftCards: [{ cardNumber: '8800123400002222', amountFen: 990, balanceAfterFen: 0 }],
    });
    const subOrders = await payOrder(server, order, 'COD', 'PENDING');
    expect(subOrders).toHaveLength(1);
    const { body } = await server.graphql<Cancelled>(
      CANCEL,
      { i: { number: order.number, reason: '客户不要了' } },
      agent,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.cancelOrder.results.map((r) => r.outcome)).toEqual(['CANCELLED']);
    expect(body.data!.cancelOrder.refunds).toEqual([
      { method: 'GIFT_CARD', amount: { fen: 990 }, status: 'PENDING' },
    ]);
    // Its dispatch was still waiting: dropped unsent, and the sub-order shows no dispatch any more.
    expect(
      await q(
        `SELECT s.dispatch_state, m.status FROM sub_orders s JOIN outbound_messages m ON m.sub_order_id = s.id
         WHERE s.number = $1 AND m.type = 'DISPATCH'`,
        [subOrders[0]!.number],
      ),
    ).toEqual([{ dispatch_state: 'NONE', status: 'DROPPED' }]);
    // The timeline names each refund made, its amount a number of fen like every amount on the timeline.
    const [entry] = await q<{ after: { refunds: { method: string; amountFen: unknown }[] } }>(
      `SELECT e.after FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE o.number = $1 AND e.type = 'REFUNDS_CREATED'`,
      [order.number],
    );
    expect(entry!.after.refunds).toEqual([expect.objectContaining({ method: 'GIFT_CARD', amountFen: 990 })]);
  });

  it('refuses a shipped sub-order with INVALID_TRANSITION naming its state, changing nothing', async () => {
    const order = await createOrder(server);
    const [sub] = await payOrder(server, order);
    await wmsCallback(
      server,
      sub!.warehouse!.code,
      step(sub!.number, 'SHIPPED', { shipments: [{ carrier: 'JD', trackingNumber: `JD${Date.now()}` }] }),
    );
    const auditRows = () =>
      q("SELECT id FROM audit_log WHERE order_number = $1 AND action = 'CANCEL_ORDER'", [order.number]);
    for (const number of [sub!.number, order.number]) {
      const { body } = await server.graphql<Cancelled>(CANCEL, { i: { number, reason: 'x' } }, agent);
      expect(body.data?.cancelOrder ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'INVALID_TRANSITION',
        currentState: 'SHIPPED',
      });
      expect(body.errors?.[0]?.message).toContain(`${sub!.number} is SHIPPED`);
    }
    expect(await auditRows()).toEqual([]);
    expect(await q('SELECT status FROM sub_orders WHERE number = $1', [sub!.number])).toEqual([
      { status: 'SHIPPED' },
    ]);
  });

  it('names the least advanced state when shipped and cancelled sub-orders leave nothing to cancel', async () => {
    const { order, subOrders } = await twoSubOrders();
    const [first, second] = subOrders;
    const { body: firstCancel } = await server.graphql<Cancelled>(
      CANCEL,
      { i: { number: first!.number, reason: '客户只要一件' } },
      agent,
    );
    expect(firstCancel.data!.cancelOrder.results.map((r) => r.outcome)).toEqual(['CANCELLED']);
    await wmsCallback(
      server,
      second!.warehouse!.code,
      step(second!.number, 'SHIPPED', { shipments: [{ carrier: 'JD', trackingNumber: `JD${Date.now()}9` }] }),
    );
    const { body } = await server.graphql<Cancelled>(
      CANCEL,
      { i: { number: order.number, reason: '再取消一次' } },
      agent,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentState: 'SHIPPED',
    });
    // Once everything is cancelled the state named is CANCELLED.
    const unpaid = await createOrder(server);
    await server.graphql<Cancelled>(CANCEL, { i: { number: unpaid.number, reason: '第一次' } }, agent);
    const { body: again } = await server.graphql<Cancelled>(
      CANCEL,
      { i: { number: unpaid.number, reason: '第二次' } },
      agent,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentState: 'CANCELLED',
    });
  });

  it('refuses a stale expectedVersion with VERSION_CONFLICT, changing nothing', async () => {
    const order = await createOrder(server);
    const { body } = await server.graphql(
      CANCEL,
      { i: { number: order.number, reason: 'x', expectedVersion: 99 } },
      agent,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    expect(await q('SELECT status FROM orders WHERE number = $1', [order.number])).toEqual([
      { status: 'PENDING_PAYMENT' },
    ]);
  });
});

// Many rounds of real concurrency: bounded generously, a loaded 2-core machine takes several times longer.
describe('races (docs/reliability.md)', { timeout: 180_000 }, () => {
  it('20 concurrent cancels of one paid order: one cancellation, one set of refunds, one request to the warehouse', async () => {
    for (let round = 0; round < 50; round++) {
      const { order, subOrders } = await twoSubOrders();
      const atWarehouse = subOrders[1]!;
      await wmsCallback(server, atWarehouse.warehouse!.code, step(atWarehouse.number, 'ACCEPTED'));
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          server.graphql<Cancelled>(CANCEL, { i: { number: order.number, reason: '并发取消' } }, agent),
        ),
      );
      for (const { body } of answers) expect(body.errors).toBeUndefined();
      const refunds = await q<{ n: number }>(
        'SELECT count(*)::int AS n FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1',
        [order.number],
      );
      const cancelled = await q<{ n: number }>(
        "SELECT count(*)::int AS n FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = $1 AND e.type = 'STATUS_CHANGED' AND e.after->>'status' = 'CANCELLED'",
        [order.number],
      );
      const requests = await q<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id WHERE s.number = $1 AND m.type = 'CANCEL'",
        [atWarehouse.number],
      );
      expect({ cancelled: cancelled[0]!.n, requests: requests[0]!.n }).toEqual({ cancelled: 1, requests: 1 });
      // The first sub-order's refund: cash, gift card and points, once.
      expect(refunds[0]!.n).toBe(3);
    }
  });

  it('cancel against the warehouse SHIPPED report: shipped without refund, or cancelled with refund, never both', async () => {
    for (let round = 0; round < 50; round++) {
      const order = await createOrder(server);
      const [sub] = await payOrder(server, order);
      await wmsCallback(server, sub!.warehouse!.code, step(sub!.number, 'ACCEPTED'));
      await Promise.all([
        server.graphql(CANCEL, { i: { number: sub!.number, reason: 'race' } }, agent),
        wmsCallback(
          server,
          sub!.warehouse!.code,
          step(sub!.number, 'SHIPPED', {
            shipments: [{ carrier: 'JD', trackingNumber: `JD${Date.now()}${round}` }],
          }),
        ),
      ]);
      await wmsCallback(server, sub!.warehouse!.code, step(sub!.number, 'CANCEL_CONFIRMED'));
      const [state] = await q<{ status: string; refunds: number }>(
        'SELECT s.status, (SELECT count(*)::int FROM refunds r WHERE r.sub_order_id = s.id) AS refunds FROM sub_orders s WHERE s.number = $1',
        [sub!.number],
      );
      expect([
        { status: 'SHIPPED', refunds: 0 },
        { status: 'CANCELLED', refunds: 1 },
      ]).toContainEqual(state);
    }
  });
});

describe('the worker settling a dispatch while a cancel drops it (docs/reliability.md "one lock order")', () => {
  it('waits for the cancel instead of deadlocking: the worker takes the order before the message', async () => {
    const { orderNumber, subOrderNumber } = await paidOrder(server);
    const db = server.db.dataSource;
    const [{ id: subOrderId }] = await db.query('SELECT id::text AS id FROM sub_orders WHERE number = $1', [
      subOrderNumber,
    ]);
    const [message] = await db.getRepository(OutboundMessageEntity).findBy({ subOrderId, type: 'DISPATCH' });
    const [warehouse] = await db.query('SELECT id::text AS id, code, name FROM warehouses WHERE id = $1', [
      message!.warehouseId,
    ]);
    const deliveries = new DeliveryService({ db, outbox: new GraphileOutbox(8), config: {} as never });

    // A cancel's steps, by hand: the order locked first, then (while the worker records the warehouse's 2xx) the
    // pending dispatch dropped. Taking the message before the order, the worker would hold what the cancel needs.
    const outcome = await db.transaction(async (manager) => {
      await manager.query('SELECT id FROM orders WHERE number = $1 FOR UPDATE', [orderNumber]);
      const worker = deliveries.sent(message!, warehouse).then(
        () => 'sent',
        (error: Error) => error.message,
      );
      await new Promise((r) => setTimeout(r, 300));
      await manager.query("UPDATE outbound_messages SET status = 'DROPPED' WHERE id = $1", [message!.id]);
      // Wrapped, so the transaction commits without waiting for the worker, which waits for it.
      return { worker };
    });

    expect(await outcome.worker).toBe('sent');
    const [row] = await db.query('SELECT status FROM outbound_messages WHERE id = $1', [message!.id]);
    expect(row.status).toBe('SENT');
  });
});

describe('idempotency keys (docs/reliability.md)', () => {
  it('replays the first answer for the same key and input, refuses other input, and runs once under concurrency', async () => {
    const order = await createOrder(server, {
      giftCards: [{ cardNumber: '8800777766665555', amountFen: 500, balanceAfterFen: 0 }],
    });
    const input = { number: order.number, reason: '幂等取消', idempotencyKey: `key-${order.number}` };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => server.graphql<Cancelled>(CANCEL, { i: input }, agent)),
    );
    const codes = answers.map((a) => (a.body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK');
    expect(codes.filter((c) => c === 'OK').length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 'OK' || c === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    const replay = await server.graphql<Cancelled>(CANCEL, { i: input }, agent);
    expect(replay.body.data!.cancelOrder.results).toEqual([
      { subOrderNumber: null, outcome: 'CANCELLED', reason: null },
    ]);
    expect(replay.body.data!.cancelOrder.refunds).toEqual([
      { method: 'GIFT_CARD', amount: { fen: 500 }, status: 'PENDING' },
    ]);
    const refunds = await q<{ n: number }>(
      'SELECT count(*)::int AS n FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1',
      [order.number],
    );
    expect(refunds[0]!.n).toBe(1);
    const other = await server.graphql(CANCEL, { i: { ...input, reason: 'another reason' } }, agent);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('takes over a claim left by a process that died, and frees a finished key after 24 hours', async () => {
    const [agentRow] = await q<{ id: string }>("SELECT id::text AS id FROM staff WHERE username = 'agent'");
    // The claim a call makes before it runs (the same hash as the retry's input), left as if its process died.
    const claim = (number: string, key: string, minutesAgo: number) =>
      q(
        `INSERT INTO idempotency_keys (staff_id, key, operation, request_hash, status, created_at)
         VALUES ($1, $2, 'cancelOrder', $3, 'IN_PROGRESS', now() - make_interval(mins => $4))`,
        [
          agentRow!.id,
          key,
          requestHash({ operation: 'cancelOrder', input: { number, reason: '幂等取消' } }),
          minutesAgo,
        ],
      );
    const cancelWith = (number: string, idempotencyKey: string, reason = '幂等取消') =>
      server.graphql<Cancelled>(CANCEL, { i: { number, reason, idempotencyKey } }, agent);

    // A claim one minute old may still be running: the retry waits its turn.
    const running = await createOrder(server);
    await claim(running.number, `running-${running.number}`, 1);
    const busy = await cancelWith(running.number, `running-${running.number}`);
    expect(busy.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    // Six minutes old, its process is gone (it never wrote DONE): the retry runs and the order is cancelled.
    const crashed = await createOrder(server);
    await claim(crashed.number, `crashed-${crashed.number}`, 6);
    const taken = await cancelWith(crashed.number, `crashed-${crashed.number}`);
    expect(taken.body.errors).toBeUndefined();
    expect(taken.body.data!.cancelOrder.order.status).toBe('CANCELLED');

    // A finished key answers for 24 hours, then it is free: the same key with other input runs afresh.
    const first = await createOrder(server);
    const second = await createOrder(server);
    const key = `day-${first.number}`;
    expect((await cancelWith(first.number, key)).body.errors).toBeUndefined();
    const reused = await cancelWith(second.number, key);
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await q("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1", [key]);
    const afresh = await cancelWith(second.number, key);
    expect(afresh.body.errors).toBeUndefined();
    expect(afresh.body.data!.cancelOrder.order.status).toBe('CANCELLED');
    // The worker's hourly cron deletes keys past their day.
    await q("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1", [key]);
    await q(EXPIRE_IDEMPOTENCY_KEYS_SQL);
    expect(await q('SELECT key FROM idempotency_keys WHERE key = $1', [key])).toEqual([]);
  });
});
