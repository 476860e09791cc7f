import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_WMS_SECRET, seedReferenceData } from '../support/reference-data.js';
import { hmacSignature } from '../../src/auth/signatures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { paidOrder, wmsCallback } from '../support/orders.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

/** A paid order in Shanghai: one sub-order at SH01 (three of one sku). */
const paidSubOrder = () =>
  paidOrder(server, {
    lines: [{ sku: 'SKU-100009', title: '金龙鱼 调和油', quantity: 3, salePriceFen: 6_990 }],
  });

/** A signed callback for the given warehouse. */
const callback = (warehouse: string, body: Record<string, unknown>, secret?: string) =>
  wmsCallback(server, warehouse, body, secret);

async function statusOf(subOrderNumber: string): Promise<{ status: string; version: number }> {
  const [row] = await server.db.dataSource.query('SELECT status, version FROM sub_orders WHERE number = $1', [
    subOrderNumber,
  ]);
  return row;
}

const at = () => new Date().toISOString();

describe('warehouse callbacks', () => {
  it('move a sub-order forward, once per eventId', async () => {
    const { subOrderNumber } = await paidSubOrder();
    const accepted = { eventId: `e-${subOrderNumber}-1`, subOrderNumber, type: 'ACCEPTED', occurredAt: at() };
    expect((await callback('SH01', accepted)).json.outcome).toBe('APPLIED');
    const version = (await statusOf(subOrderNumber)).version;
    expect((await callback('SH01', accepted)).json.outcome).toBe('DUPLICATE_EVENT');
    expect(await statusOf(subOrderNumber)).toEqual({ status: 'ACCEPTED', version });
  });

  it('store a step that would go backwards, note it and change nothing', async () => {
    const { orderNumber, subOrderNumber } = await paidSubOrder();
    await callback('SH01', {
      eventId: `p-${subOrderNumber}`,
      subOrderNumber,
      type: 'PACKED',
      occurredAt: at(),
    });
    const late = await callback('SH01', {
      eventId: `k-${subOrderNumber}`,
      subOrderNumber,
      type: 'PICKING',
      occurredAt: at(),
    });
    expect(late).toEqual({ status: 200, json: { ok: true, outcome: 'STALE' } });
    expect((await statusOf(subOrderNumber)).status).toBe('PACKED');
    const notes = await server.db.dataSource.query(
      `SELECT e.type FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = $1 AND e.type = 'WMS_PICKING_IGNORED'`,
      [orderNumber],
    );
    expect(notes).toHaveLength(1);
  });

  it('refuse a bad signature or a tampered body with 401, changing nothing', async () => {
    const { subOrderNumber } = await paidSubOrder();
    const body = { eventId: `x-${subOrderNumber}`, subOrderNumber, type: 'ACCEPTED', occurredAt: at() };
    expect((await callback('SH01', body, 'wrong-secret')).status).toBe(401);
    const raw = JSON.stringify(body);
    const tampered = await fetch(`${server.url}/webhooks/wms/SH01`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(raw, TEST_WMS_SECRET) },
      body: raw.replace('ACCEPTED', 'PACKED'),
    });
    expect(tampered.status).toBe(401);
    expect((await statusOf(subOrderNumber)).status).toBe('CREATED');
    const stored = await server.db.dataSource.query('SELECT 1 FROM inbound_messages WHERE message_key = $1', [
      body.eventId,
    ]);
    expect(stored).toHaveLength(0);
  });

  it('ship with parcels and consume the reservation', async () => {
    const { subOrderNumber } = await paidSubOrder();
    const stock = () =>
      server.db.dataSource.query(
        "SELECT on_hand, reserved FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE w.code = 'SH01' AND s.sku = 'SKU-100009'",
      );
    const [before] = await stock();
    const shipped = await callback('SH01', {
      eventId: `s-${subOrderNumber}`,
      subOrderNumber,
      type: 'SHIPPED',
      occurredAt: at(),
      shipments: [{ carrier: 'SF', trackingNumber: `SF${subOrderNumber.slice(-12)}` }],
    });
    expect(shipped.json.outcome).toBe('APPLIED');
    const [after] = await stock();
    expect([before.on_hand - after.on_hand, before.reserved - after.reserved]).toEqual([3, 3]);
    const parcels = await server.db.dataSource.query(
      'SELECT carrier_code FROM shipments sh JOIN sub_orders s ON s.id = sh.sub_order_id WHERE s.number = $1',
      [subOrderNumber],
    );
    expect(parcels).toEqual([{ carrier_code: 'SF' }]);
  });

  it('ignore a warehouse the sub-order is not at', async () => {
    const { subOrderNumber } = await paidSubOrder();
    const other = await callback('BJ01', {
      eventId: `o-${subOrderNumber}`,
      subOrderNumber,
      type: 'PICKING',
      occurredAt: at(),
    });
    expect(other.json.outcome).toBe('OLD_WAREHOUSE');
    expect((await statusOf(subOrderNumber)).status).toBe('CREATED');
  });

  it('answer 400 to a malformed callback', async () => {
    const { subOrderNumber } = await paidSubOrder();
    const bad = await callback('SH01', {
      eventId: 'b-1',
      subOrderNumber,
      type: 'TELEPORTED',
      occurredAt: at(),
    });
    expect(bad.status).toBe(400);
  });

  it('answer 409 naming a waybill that is already another parcel, storing the report and noting it for ops', async () => {
    const first = await paidSubOrder();
    const second = await paidSubOrder();
    const trackingNumber = `JD${Date.now()}`;
    const shipped = (subOrderNumber: string, eventId: string) =>
      callback('SH01', {
        eventId,
        subOrderNumber,
        type: 'SHIPPED',
        occurredAt: at(),
        shipments: [{ carrier: 'JD', trackingNumber }],
      });
    expect((await shipped(first.subOrderNumber, `t-${trackingNumber}-1`)).status).toBe(200);
    const reused = await shipped(second.subOrderNumber, `t-${trackingNumber}-2`);
    expect(reused.status).toBe(409);
    expect(JSON.stringify(reused.json)).toContain(
      `shipments[0].trackingNumber: JD ${trackingNumber} is already the parcel of sub-order ${first.subOrderNumber}`,
    );
    expect((await statusOf(second.subOrderNumber)).status).toBe('CREATED');
    const [stored] = await server.db.dataSource.query(
      "SELECT outcome FROM inbound_messages WHERE source = 'WMS:SH01' AND message_key = $1",
      [`t-${trackingNumber}-2`],
    );
    expect(stored).toEqual({ outcome: 'TRACKING_NUMBER_TAKEN' });
    const notes = await server.db.dataSource.query(
      `SELECT e.type FROM order_events e JOIN sub_orders s ON s.id = e.sub_order_id WHERE s.number = $1`,
      [second.subOrderNumber],
    );
    expect(notes.map((n: { type: string }) => n.type)).toContain('SHIPPED_TRACKING_NUMBER_TAKEN');
    // The same waybill twice in one report is malformed.
    const doubled = await callback('SH01', {
      eventId: `t-${trackingNumber}-3`,
      subOrderNumber: second.subOrderNumber,
      type: 'SHIPPED',
      occurredAt: at(),
      shipments: [
        { carrier: 'JD', trackingNumber: `${trackingNumber}9` },
        { carrier: 'JD', trackingNumber: `${trackingNumber}9` },
      ],
    });
    expect(doubled.status).toBe(400);
  });

  it('answer 400 to a callback dated more than 7 days ago or more than 5 minutes ahead, changing nothing', async () => {
    const { subOrderNumber } = await paidSubOrder();
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    for (const [occurredAt, says] of [
      [minutes(-7 * 24 * 60 - 1), 'days ago'],
      [minutes(6), 'minutes ahead'],
    ] as const) {
      const answer = await callback('SH01', {
        eventId: `w-${occurredAt}`,
        subOrderNumber,
        type: 'ACCEPTED',
        occurredAt,
      });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.json)).toContain(says);
    }
    expect((await statusOf(subOrderNumber)).status).toBe('CREATED');
    // Just inside the window is taken.
    const inside = await callback('SH01', {
      eventId: `w-inside-${subOrderNumber}`,
      subOrderNumber,
      type: 'ACCEPTED',
      occurredAt: minutes(-7 * 24 * 60 + 5),
    });
    expect(inside.status).toBe(200);
    expect((await statusOf(subOrderNumber)).status).toBe('ACCEPTED');
  });
});
