import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_LATE_SQL } from '../../src/services/warehouses/sla.service.js';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { paidOrder, step, wmsCallback } from '../support/orders.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

async function subOrderAt(status: 'DISPATCHED' | 'ACCEPTED'): Promise<string> {
  const { subOrderNumber, warehouseCode } = await paidOrder(server, {
    lines: [{ sku: 'SKU-100012', title: '摇粒绒茄克', quantity: 1, salePriceFen: 14_900 }],
  });
  expect(warehouseCode).toBe('SH01');
  if (status === 'ACCEPTED') await wmsCallback(server, 'SH01', step(subOrderNumber, 'ACCEPTED'));
  else
    await server.db.dataSource.query(
      "UPDATE sub_orders SET status = 'DISPATCHED', dispatched_at = now() WHERE number = $1",
      [subOrderNumber],
    );
  return subOrderNumber;
}

const lateOf = async (number: string) =>
  (await server.db.dataSource.query('SELECT late_minutes FROM sub_orders WHERE number = $1', [number]))[0]
    .late_minutes;

describe('SLA', () => {
  it('flags a dispatch not accepted within the warehouse minutes, by how late, once on the timeline', async () => {
    const number = await subOrderAt('DISPATCHED');
    await server.db.dataSource.query(FLAG_LATE_SQL);
    expect(await lateOf(number)).toBeNull();
    // SH01 accepts within 30 minutes: dispatched 100 minutes ago is 70 minutes late.
    await server.db.dataSource.query(
      "UPDATE sub_orders SET dispatched_at = now() - interval '100 minutes' WHERE number = $1",
      [number],
    );
    await server.db.dataSource.query(FLAG_LATE_SQL);
    await server.db.dataSource.query(FLAG_LATE_SQL);
    expect(await lateOf(number)).toBe(70);
    const breaches = await server.db.dataSource.query(
      "SELECT count(*)::int AS n FROM order_events e JOIN sub_orders s ON s.id = e.sub_order_id WHERE s.number = $1 AND e.type = 'SLA_BREACHED'",
      [number],
    );
    expect(breaches).toEqual([{ n: 1 }]);
  });

  it('flags an accepted sub-order not shipped by the end of its cut-off day, and lists it for ops only', async () => {
    const number = await subOrderAt('ACCEPTED');
    // Paid at 10:00 Shanghai three days ago (before the 11:00 cut-off): due by the end of that day.
    await server.db.dataSource.query(
      `UPDATE orders SET paid_at = (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - interval '3 days' + interval '10 hours') AT TIME ZONE 'Asia/Shanghai'
       WHERE id = (SELECT order_id FROM sub_orders WHERE number = $1)`,
      [number],
    );
    await server.db.dataSource.query(FLAG_LATE_SQL);
    expect(await lateOf(number)).toBeGreaterThan(24 * 60);
    const query = '{ lateSubOrders(warehouseCode: "SH01") { edges { node { number lateMinutes } } } }';
    const ops = await server.graphql<{ lateSubOrders: { edges: { node: { number: string } }[] } }>(
      query,
      {},
      await loginAs(server, 'ops', 'ops123'),
    );
    expect(ops.body.data!.lateSubOrders.edges.map((e) => e.node.number)).toContain(number);
    const agent = await server.graphql(query, {}, await loginAs(server, 'agent', 'agent123'));
    expect(agent.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives p50/p90 time in state per warehouse and day from the event history', async () => {
    const query =
      'query($from: DateTime!, $to: DateTime!) { warehouseTimings(from: $from, to: $to) { warehouseCode day status count p50Seconds p90Seconds } }';
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const { body } = await server.graphql<{
      warehouseTimings: { warehouseCode: string; status: string; count: number; p50Seconds: number }[];
    }>(query, { from, to }, await loginAs(server, 'manager', 'manager123'));
    expect(body.errors).toBeUndefined();
    const created = body.data!.warehouseTimings.find(
      (t) => t.warehouseCode === 'SH01' && t.status === 'CREATED',
    );
    expect(created?.count).toBeGreaterThan(0);
    expect(created!.p50Seconds).toBeGreaterThanOrEqual(0);
  });
});
