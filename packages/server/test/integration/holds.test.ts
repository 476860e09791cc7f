import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { createOrder, paidOrder, payOrder, step, wmsCallback } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let agent: Record<string, string>;
let ops: Record<string, string>;
let manager: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  [agent, ops, manager] = await Promise.all([
    loginAs(server, 'agent', 'agent123'),
    loginAs(server, 'ops', 'ops123'),
    loginAs(server, 'manager', 'manager123'),
  ]);
});
afterAll(() => server?.close());

const INTERCEPT =
  'mutation($i: InterceptOrderInput!) { interceptOrder(input: $i) { order { held } results { subOrderNumber outcome reason } } }';
const RELEASE =
  'mutation($i: ReleaseInterceptionInput!) { releaseInterception(input: $i) { interception { status decidedBy } order { held } } }';
const QUEUE =
  'query($f: InterceptionFilter, $after: String) { interceptions(filter: $f, first: 100, after: $after) { edges { node { id rule orderNumber raisedAt } } pageInfo { hasNextPage endCursor } } }';
const BULK =
  'mutation($i: BulkDecideInterceptionsInput!) { bulkDecideInterceptions(input: $i) { results { id ok error { code message } } } }';
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  server.db.dataSource.query(sql, params) as Promise<T[]>;
const messagesOf = (subOrderNumber: string) =>
  q<{ type: string }>(
    'SELECT m.type FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id WHERE s.number = $1 ORDER BY m.seq',
    [subOrderNumber],
  ).then((r) => r.map((m) => m.type));
const interceptionIdOf = async (orderNumber: string) =>
  (
    await q<{ id: string }>(
      "SELECT i.id::text FROM interceptions i JOIN orders o ON o.id = i.order_id WHERE o.number = $1 AND i.status = 'ACTIVE'",
      [orderNumber],
    )
  )[0]!.id;

describe('interceptOrder', () => {
  it('holds an unpaid order; once paid and split, nothing is dispatched until a manager releases it', async () => {
    const order = await createOrder(server);
    const held = await server.graphql<{
      interceptOrder: { order: { held: boolean }; results: { outcome: string }[] };
    }>(INTERCEPT, { i: { number: order.number, reason: '客户要求暂停' } }, agent);
    expect(held.body.data!.interceptOrder).toEqual({
      order: { held: true },
      results: [{ subOrderNumber: null, outcome: 'HELD', reason: null }],
    });
    const [sub] = await payOrder(server, order);
    expect(await messagesOf(sub!.number)).toEqual([]);
    const release = await server.graphql<{
      releaseInterception: { interception: { status: string }; order: { held: boolean } };
    }>(RELEASE, { i: { interceptionId: await interceptionIdOf(order.number), reason: '已核实' } }, manager);
    expect(release.body.data!.releaseInterception).toEqual({
      interception: { status: 'RELEASED', decidedBy: 'manager' },
      order: { held: false },
    });
    expect(await messagesOf(sub!.number)).toEqual(['DISPATCH']);
  });

  it('asks the warehouse to stop a sub-order it has, and the carrier for a shipped one', async () => {
    const { subOrderNumber, warehouseCode } = await paidOrder(server);
    await wmsCallback(server, warehouseCode!, step(subOrderNumber, 'PICKING'));
    const atWarehouse = await server.graphql<{ interceptOrder: { results: { outcome: string }[] } }>(
      INTERCEPT,
      { i: { number: subOrderNumber, reason: '地址有误' } },
      agent,
    );
    expect(atWarehouse.body.data!.interceptOrder.results[0]!.outcome).toBe('HELD_AND_WAREHOUSE_ASKED');
    expect(await messagesOf(subOrderNumber)).toEqual(['DISPATCH', 'INTERCEPT']);

    const shipped = await paidOrder(server);
    await wmsCallback(
      server,
      shipped.warehouseCode!,
      step(shipped.subOrderNumber, 'SHIPPED', {
        shipments: [{ carrier: 'YTO', trackingNumber: `YT${Date.now()}1` }],
      }),
    );
    const late = await server.graphql<{ interceptOrder: { results: { outcome: string }[] } }>(
      INTERCEPT,
      { i: { number: shipped.orderNumber, reason: '拦截包裹' } },
      agent,
    );
    expect(late.body.data!.interceptOrder.results[0]!.outcome).toBe('LOGISTICS_INTERCEPT_REQUESTED');
  });

  it('says a held or delivered sub-order cannot be held again, and why', async () => {
    const { subOrderNumber } = await paidOrder(server);
    await server.graphql(INTERCEPT, { i: { number: subOrderNumber, reason: 'first' } }, agent);
    const again = await server.graphql<{
      interceptOrder: { results: { outcome: string; reason: string }[] };
    }>(INTERCEPT, { i: { number: subOrderNumber, reason: 'second' } }, agent);
    expect(again.body.data!.interceptOrder.results).toEqual([
      { subOrderNumber, outcome: 'ALREADY_HELD', reason: 'the sub-order is CREATED' },
    ]);
  });

  it('lets an agent hold but not release, and ops read the queue but not decide', async () => {
    const order = await createOrder(server);
    await server.graphql(INTERCEPT, { i: { number: order.number, reason: 'x' } }, agent);
    const id = await interceptionIdOf(order.number);
    expect(
      (await server.graphql(RELEASE, { i: { interceptionId: id, reason: 'x' } }, agent)).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await server.graphql(RELEASE, { i: { interceptionId: id, reason: 'x' } }, ops)).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await server.graphql(QUEUE, {}, ops)).body.errors).toBeUndefined();
    expect((await server.graphql(QUEUE, {}, agent)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the interception queue', () => {
  it('lists active holds oldest first, filtered by rule, paged by cursor', async () => {
    for (let i = 0; i < 3; i++)
      await paidOrder(server, {
        lines: [{ sku: 'SKU-100008', title: '坚果', quantity: 25, salePriceFen: 100 }],
      });
    const seen: { rule: string; raisedAt: string }[] = [];
    let after: string | null = null;
    do {
      const { body } = (await server.graphql(QUEUE, { f: { rule: 'QUANTITY_LIMIT' }, after }, manager)) as {
        body: {
          data?: {
            interceptions: {
              edges: { node: { rule: string; raisedAt: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        };
      };
      seen.push(...body.data!.interceptions.edges.map((e) => e.node));
      after = body.data!.interceptions.pageInfo.hasNextPage
        ? body.data!.interceptions.pageInfo.endCursor
        : null;
    } while (after);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((n) => n.rule === 'QUANTITY_LIMIT')).toBe(true);
    expect(seen.map((n) => n.raisedAt)).toEqual([...seen.map((n) => n.raisedAt)].sort());
  });

  it('decides in bulk, each item on its own, results in input order; two opposite bulks do not deadlock', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const order = await createOrder(server);
      await server.graphql(INTERCEPT, { i: { number: order.number, reason: 'bulk' } }, agent);
      ids.push(await interceptionIdOf(order.number));
    }
    const [a, b] = await Promise.all([
      server.graphql<{ bulkDecideInterceptions: { results: { id: string; ok: boolean }[] } }>(
        BULK,
        { i: { interceptionIds: ids, decision: 'RELEASE', reason: '批量放行' } },
        manager,
      ),
      server.graphql<{ bulkDecideInterceptions: { results: { id: string; ok: boolean }[] } }>(
        BULK,
        { i: { interceptionIds: [...ids].reverse(), decision: 'CANCEL_ORDER', reason: '批量取消' } },
        manager,
      ),
    ]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    expect(a.body.data!.bulkDecideInterceptions.results.map((r) => r.id)).toEqual(ids);
    expect(b.body.data!.bulkDecideInterceptions.results.map((r) => r.id)).toEqual([...ids].reverse());
    // Each hold was decided exactly once: released or cancelled, never both.
    const statuses = await q<{ status: string }>(
      'SELECT status FROM interceptions WHERE id = ANY($1::bigint[])',
      [ids],
    );
    expect(statuses.every((s) => s.status === 'RELEASED' || s.status === 'CANCELLED_ORDER')).toBe(true);
    const okCount =
      a.body.data!.bulkDecideInterceptions.results.filter((r) => r.ok).length +
      b.body.data!.bulkDecideInterceptions.results.filter((r) => r.ok).length;
    expect(okCount).toBe(ids.length);
    const bad = await server.graphql<{
      bulkDecideInterceptions: { results: { ok: boolean; error: { code: string } }[] };
    }>(BULK, { i: { interceptionIds: ['999999999'], decision: 'RELEASE', reason: 'x' } }, manager);
    expect(bad.body.data!.bulkDecideInterceptions.results).toEqual([
      { id: '999999999', ok: false, error: { code: 'NOT_FOUND', message: 'No interception 999999999.' } },
    ]);
  });
});

describe('addOrderNote', () => {
  it('puts the note on the timeline with its visibility, audited; refuses an empty or huge note', async () => {
    const order = await createOrder(server);
    const NOTE =
      'mutation($i: AddOrderNoteInput!) { addOrderNote(input: $i) { order { timeline { type reason customerVisible } } } }';
    const { body } = await server.graphql<{
      addOrderNote: { order: { timeline: { type: string; reason: string; customerVisible: boolean }[] } };
    }>(NOTE, { i: { orderNumber: order.number, text: '客户要求周末送达', customerVisible: true } }, agent);
    expect(body.data!.addOrderNote.order.timeline).toContainEqual({
      type: 'NOTE_ADDED',
      reason: '客户要求周末送达',
      customerVisible: true,
    });
    expect(
      (await server.graphql(NOTE, { i: { orderNumber: order.number, text: ' ' } }, agent)).body.errors?.[0]
        ?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(
      (await server.graphql(NOTE, { i: { orderNumber: order.number, text: 'x'.repeat(10_000) } }, agent)).body
        .errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(
      await q("SELECT action FROM audit_log WHERE order_number = $1 AND action = 'ADD_ORDER_NOTE'", [
        order.number,
      ]),
    ).toHaveLength(1);
  });
});

describe('holds and versions', () => {
  it('moves the order version when a hold is raised, and settles the hold when the held order is cancelled', async () => {
    const order = await createOrder(server);
    const version = async () =>
      (
        await q<{ version: number; held: boolean }>('SELECT version, held FROM orders WHERE number = $1', [
          order.number,
        ])
      )[0]!;
    const before = (await version()).version;
    await server.graphql(INTERCEPT, { i: { number: order.number, reason: '可疑' } }, agent);
    expect(await version()).toMatchObject({ version: before + 1, held: true });
    await server.graphql(
      'mutation($n: String!) { cancelOrder(input: { number: $n, reason: "取消被拦截的订单" }) { order { status } } }',
      { n: order.number },
      agent,
    );
    expect((await version()).held).toBe(false);
    const holds = await q<{ status: string }>(
      'SELECT i.status FROM interceptions i JOIN orders o ON o.id = i.order_id WHERE o.number = $1',
      [order.number],
    );
    expect(holds).toEqual([{ status: 'CANCELLED_ORDER' }]);
  });
});
