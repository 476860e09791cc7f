import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WarehouseCutoffMinute1765320000000 } from '../../src/database/migrations/1765320000000-warehouse-cutoff-minute.js';
import { FLAG_LATE_SQL } from '../../src/services/warehouses/sla.service.js';
import { paidOrder, step, wmsCallback } from '../support/orders.js';
import { seedReferenceData, TEST_WMS_SECRET } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

// docs/api.md "Administration": upsertWarehouse (create, edit SLA and cut-off, take offline) and setStock, for ADMIN,
// against the real routing, reassignment, SLA job and warehouse webhook.

let server: TestServer;
let admin: Record<string, string>;
let ops: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  admin = await loginAs(server, 'admin', 'admin123');
  ops = await loginAs(server, 'ops', 'ops123');
});
afterAll(() => server?.close());

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  server.db.dataSource.query(sql, params) as Promise<T[]>;

type Body<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

const WAREHOUSE_FIELDS =
  'code name region province city address branch active capabilities slaAcceptMinutes cutoffLocalTime endpointUrl hasSecret stock { sku onHand reserved available }';
const UPSERT = `mutation($i: UpsertWarehouseInput!) { upsertWarehouse(input: $i) { ${WAREHOUSE_FIELDS} } }`;
const SET_STOCK = `mutation($i: SetStockInput!) { setStock(input: $i) { code stock { sku onHand reserved available } } }`;
const REASSIGN =
  'mutation($i: ReassignWarehouseInput!) { reassignWarehouse(input: $i) { subOrder { warehouse { code } } } }';
const BULK =
  'mutation($i: BulkReassignWarehouseInput!) { bulkReassignWarehouse(input: $i) { results { id ok error { code message } } } }';

interface Warehouse {
  code: string;
  active: boolean;
  cutoffLocalTime: string;
  slaAcceptMinutes: number;
  endpointUrl: string | null;
  hasSecret: boolean;
  branch: string;
  stock: { sku: string; onHand: number; reserved: number; available: number }[];
}

const XIAN_SECRET = 'xian-warehouse-secret-0001';
/** Only the new warehouse stocks it: what becomes of orders for it when the warehouse goes offline. */
const XIAN_ONLY_SKU = 'SKU-XA-0001';

/** The new warehouse in the one region the reference data leaves empty, so 陕西 receivers are routed to it first. */
const xian = (overrides: Record<string, unknown> = {}) => ({
  code: 'XA01',
  name: '西安国际港务区仓',
  region: 'NORTHWEST',
  province: '陕西省',
  city: '西安市',
  address: '灞桥区港务大道 99 号',
  capabilities: ['OVERSIZE'],
  active: true,
  slaAcceptMinutes: 60,
  cutoffLocalTime: '16:00',
  endpointUrl: 'https://wms.example.com/xa01',
  ...overrides,
});

async function upsert(input: Record<string, unknown>, headers = admin) {
  const { body } = await server.graphql<{ upsertWarehouse: Warehouse }>(UPSERT, { i: input }, headers);
  return body as Body<{ upsertWarehouse: Warehouse }>;
}

let counter = 0;
/** A paid order for a receiver in 陕西 (region NORTHWEST); returns its sub-orders with their warehouse. */
async function shaanxiOrder(sku = 'SKU-100008') {
  counter += 1;
  return paidOrder(server, {
    receiver: {
      name: '李四',
      phone: '13912345678',
      province: '陕西省',
      city: '西安市',
      district: '雁塔区',
      address: `科技路 ${process.pid}-${Date.now()}-${counter} 号`,
    },
    lines: [{ sku, title: '测试商品', quantity: 1, salePriceFen: 9_990 }],
  });
}

const warehouseRow = async (code: string) =>
  (await q('SELECT * FROM warehouses WHERE code = $1', [code]))[0] as Record<string, unknown> | undefined;
const auditRows = () =>
  q<{ action: string; before: unknown; after: unknown; reason: string; role: string }>(
    "SELECT action, before, after, reason, role FROM audit_log WHERE action IN ('UPSERT_WAREHOUSE', 'SET_STOCK') ORDER BY id",
  );
const subOrderAt = async (number: string) =>
  (
    await q<{ status: string; code: string | null }>(
      'SELECT s.status, w.code FROM sub_orders s LEFT JOIN warehouses w ON w.id = s.warehouse_id WHERE s.number = $1',
      [number],
    )
  )[0]!;
const lateOf = async (number: string) =>
  (
    await q<{ late: number | null }>('SELECT late_minutes AS late FROM sub_orders WHERE number = $1', [
      number,
    ])
  )[0]!.late;

/** Paid at hh:mm Shanghai yesterday (so what counts is the cut-off, not the day). */
async function paidYesterdayAt(subOrderNumber: string, hhmm: string) {
  await q(
    `UPDATE orders SET paid_at = (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 day' + $2::time) AT TIME ZONE 'Asia/Shanghai'
     WHERE id = (SELECT order_id FROM sub_orders WHERE number = $1)`,
    [subOrderNumber, hhmm],
  );
}

describe('upsertWarehouse: a new warehouse', () => {
  it('is created with its SLA, cut-off, endpoint and secret, audited without the secret', async () => {
    const body = await upsert(xian({ secret: XIAN_SECRET, reason: '西北新仓开仓' }));
    expect(body.errors).toBeUndefined();
    expect(body.data!.upsertWarehouse).toMatchObject({
      code: 'XA01',
      active: true,
      region: 'NORTHWEST',
      address: '灞桥区港务大道 99 号',
      capabilities: ['OVERSIZE'],
      slaAcceptMinutes: 60,
      cutoffLocalTime: '16:00',
      endpointUrl: 'https://wms.example.com/xa01',
      hasSecret: true,
      branch: '',
      stock: [],
    });
    const row = (await warehouseRow('XA01'))!;
    expect(row).toMatchObject({ kind: 'WAREHOUSE', cutoff_minute: 960, secret: XIAN_SECRET });
    const audits = await auditRows();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'UPSERT_WAREHOUSE',
      role: 'ADMIN',
      before: null,
      reason: '西北新仓开仓',
      after: { code: 'XA01', active: true, cutoffLocalTime: '16:00', secretChanged: true },
    });
    expect(JSON.stringify(audits)).not.toContain(XIAN_SECRET);
  });

  it('gets stock by setStock (audited with the level before), and is routed to: the nearest warehouse with stock', async () => {
    for (const sku of ['SKU-100008', XIAN_ONLY_SKU]) {
      const { body } = await server.graphql<{ setStock: Warehouse }>(
        SET_STOCK,
        { i: { warehouseCode: 'XA01', sku, onHand: 100 } },
        admin,
      );
      expect(body.errors).toBeUndefined();
    }
    const { body } = await server.graphql<{ setStock: Warehouse }>(
      SET_STOCK,
      { i: { warehouseCode: 'XA01', sku: XIAN_ONLY_SKU, onHand: 50 } },
      admin,
    );
    expect(body.data!.setStock.stock).toContainEqual({
      sku: XIAN_ONLY_SKU,
      onHand: 50,
      reserved: 0,
      available: 50,
    });
    const stockAudits = (await auditRows()).filter((a) => a.action === 'SET_STOCK');
    expect(stockAudits.map((a) => [a.before, a.after])).toEqual([
      [null, { warehouse: 'XA01', sku: 'SKU-100008', onHand: 100 }],
      [null, { warehouse: 'XA01', sku: XIAN_ONLY_SKU, onHand: 100 }],
      [
        { onHand: 100, reserved: 0 },
        { warehouse: 'XA01', sku: XIAN_ONLY_SKU, onHand: 50 },
      ],
    ]);
    expect((await shaanxiOrder()).warehouseCode).toBe('XA01');
  });

  it('shows its endpoint to admins only; every role lists it', async () => {
    const agent = await loginAs(server, 'agent', 'agent123');
    const list = await server.graphql<{ warehouses: { code: string; cutoffLocalTime: string }[] }>(
      '{ warehouses { code cutoffLocalTime hasSecret } }',
      {},
      agent,
    );
    expect(list.body.data!.warehouses).toContainEqual({
      code: 'XA01',
      cutoffLocalTime: '16:00',
      hasSecret: true,
    });
    const endpoint = await server.graphql('{ warehouses { code endpointUrl } }', {}, agent);
    expect(endpoint.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asOps = await upsert(xian({ active: false }), ops);
    expect(asOps.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await warehouseRow('XA01'))!.active).toBe(true);
  });
});

describe('upsertWarehouse: editing the SLA and the cut-off', () => {
  it('keeps the secret when none is given, and the SLA job uses the new cut-off to the minute', async () => {
    const before = await shaanxiOrder();
    const after = await shaanxiOrder();
    expect([before.warehouseCode, after.warehouseCode]).toEqual(['XA01', 'XA01']);
    for (const order of [before, after])
      expect(
        (await wmsCallback(server, 'XA01', step(order.subOrderNumber, 'ACCEPTED'), XIAN_SECRET)).status,
      ).toBe(200);
    // Paid yesterday at 17:15 and at 17:45: with a 17:30 cut-off the first had to ship yesterday, the second today.
    await paidYesterdayAt(before.subOrderNumber, '17:15');
    await paidYesterdayAt(after.subOrderNumber, '17:45');

    const edited = await upsert(xian({ cutoffLocalTime: '17:30', slaAcceptMinutes: 30 }));
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.upsertWarehouse).toMatchObject({
      cutoffLocalTime: '17:30',
      slaAcceptMinutes: 30,
      hasSecret: true,
    });
    expect(await warehouseRow('XA01')).toMatchObject({ cutoff_minute: 1050, secret: XIAN_SECRET });
    await q(FLAG_LATE_SQL);
    expect(await lateOf(before.subOrderNumber)).toBeGreaterThanOrEqual(0);
    expect(await lateOf(after.subOrderNumber)).toBeNull();

    // A 17:00 cut-off: both were paid after it, so both ship by the end of today, and neither is late any more.
    expect((await upsert(xian({ cutoffLocalTime: '17:00', slaAcceptMinutes: 30 }))).errors).toBeUndefined();
    await q(FLAG_LATE_SQL);
    expect([await lateOf(before.subOrderNumber), await lateOf(after.subOrderNumber)]).toEqual([null, null]);
    // An 18:00 cut-off: both were paid before it.
    expect((await upsert(xian({ cutoffLocalTime: '18:00', slaAcceptMinutes: 30 }))).errors).toBeUndefined();
    await q(FLAG_LATE_SQL);
    expect(await lateOf(after.subOrderNumber)).toBeGreaterThanOrEqual(0);

    const audits = (await auditRows()).filter((a) => a.action === 'UPSERT_WAREHOUSE');
    expect(audits.at(-3)).toMatchObject({
      reason: 'warehouse XA01 edited',
      before: { cutoffLocalTime: '16:00', slaAcceptMinutes: 60 },
      after: { cutoffLocalTime: '17:30', slaAcceptMinutes: 30, secretChanged: false },
    });
  });

  it('applies the new acceptance SLA to a dispatch waiting for the warehouse', async () => {
    const { subOrderNumber } = await shaanxiOrder();
    await q(
      "UPDATE sub_orders SET status = 'DISPATCHED', dispatched_at = now() - interval '50 minutes' WHERE number = $1",
      [subOrderNumber],
    );
    expect((await upsert(xian({ slaAcceptMinutes: 60, cutoffLocalTime: '18:00' }))).errors).toBeUndefined();
    await q(FLAG_LATE_SQL);
    expect(await lateOf(subOrderNumber)).toBeNull();
    expect((await upsert(xian({ slaAcceptMinutes: 30, cutoffLocalTime: '18:00' }))).errors).toBeUndefined();
    await q(FLAG_LATE_SQL);
    expect(await lateOf(subOrderNumber)).toBe(20);
  });
});

describe('upsertWarehouse: taking a warehouse offline', () => {
  type Placed = Awaited<ReturnType<typeof shaanxiOrder>>;
  let open: Placed;
  let waiting: Placed;
  let elsewhere: Placed;

  it('routes no new sub-order there: a new paid order goes to the next region, one only it stocks is out of stock', async () => {
    open = await shaanxiOrder();
    waiting = await shaanxiOrder(XIAN_ONLY_SKU);
    expect([open.warehouseCode, waiting.warehouseCode]).toEqual(['XA01', 'XA01']);
    expect(
      (await wmsCallback(server, 'XA01', step(open.subOrderNumber, 'ACCEPTED'), XIAN_SECRET)).status,
    ).toBe(200);
    const reserved = async () =>
      (
        await q<{ reserved: number }>(
          "SELECT reserved FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE w.code = 'XA01' AND sku = $1",
          [XIAN_ONLY_SKU],
        )
      )[0]!.reserved;
    const reservedBefore = await reserved();

    const offline = await upsert(xian({ active: false, cutoffLocalTime: '18:00', reason: '暴雨停工' }));
    expect(offline.errors).toBeUndefined();
    expect(offline.data!.upsertWarehouse).toMatchObject({ active: false, hasSecret: true });
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'UPSERT_WAREHOUSE',
      reason: '暴雨停工',
      before: { active: true },
      after: { active: false, secretChanged: false },
    });

    elsewhere = await shaanxiOrder();
    // NORTHWEST's fall-back is SOUTHWEST first (packages/schema REGION_FALLBACKS).
    expect(elsewhere.warehouseCode).toBe('CD01');
    const onlyThere = await shaanxiOrder(XIAN_ONLY_SKU);
    expect(onlyThere.warehouseCode).toBeNull();
    expect(
      (
        await q<{ out: boolean }>('SELECT out_of_stock AS out FROM sub_orders WHERE number = $1', [
          onlyThere.subOrderNumber,
        ])
      )[0],
    ).toEqual({ out: true });
    // The sub-orders it already had stay with it, their stock still reserved there.
    expect(await subOrderAt(open.subOrderNumber)).toEqual({ status: 'ACCEPTED', code: 'XA01' });
    expect((await subOrderAt(waiting.subOrderNumber)).code).toBe('XA01');
    expect(await reserved()).toBe(reservedBefore);
  });

  it('is never a reassignment target: one or in bulk, BAD_USER_INPUT naming warehouseCode, nothing moves', async () => {
    const one = await server.graphql(
      REASSIGN,
      { i: { subOrderNumber: elsewhere.subOrderNumber, warehouseCode: 'XA01', reason: '改回西安' } },
      ops,
    );
    expect(one.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'warehouseCode',
    });
    const bulk = await server.graphql<{
      bulkReassignWarehouse: {
        results: { id: string; ok: boolean; error: { code: string; message: string } | null }[];
      };
    }>(
      BULK,
      { i: { subOrderNumbers: [elsewhere.subOrderNumber], warehouseCode: 'XA01', reason: '改回西安' } },
      ops,
    );
    expect(bulk.body.data!.bulkReassignWarehouse.results).toEqual([
      {
        id: elsewhere.subOrderNumber,
        ok: false,
        error: { code: 'BAD_USER_INPUT', message: expect.stringContaining('warehouseCode') },
      },
    ]);
    expect((await subOrderAt(elsewhere.subOrderNumber)).code).toBe('CD01');
  });

  it('keeps receiving callbacks for its open sub-orders, which move on to shipped', async () => {
    for (const type of ['PICKING', 'PACKED']) {
      const answer = await wmsCallback(server, 'XA01', step(open.subOrderNumber, type), XIAN_SECRET);
      expect([answer.status, answer.json.outcome]).toEqual([200, 'APPLIED']);
    }
    const shipped = await wmsCallback(
      server,
      'XA01',
      step(open.subOrderNumber, 'SHIPPED', {
        shipments: [{ carrier: 'SF', trackingNumber: `SF${Date.now()}` }],
      }),
      XIAN_SECRET,
    );
    expect([shipped.status, shipped.json.outcome]).toEqual([200, 'APPLIED']);
    expect(await subOrderAt(open.subOrderNumber)).toEqual({ status: 'SHIPPED', code: 'XA01' });
  });

  it('gives up its sub-orders only when staff move them, and is routed to again once back online', async () => {
    // Another warehouse gets the sku only Xi'an had: ops move the sub-order waiting at Xi'an there.
    const stocked = await server.graphql(
      SET_STOCK,
      { i: { warehouseCode: 'CD01', sku: XIAN_ONLY_SKU, onHand: 10 } },
      admin,
    );
    expect(stocked.body.errors).toBeUndefined();
    const moved = await server.graphql<{ reassignWarehouse: { subOrder: { warehouse: { code: string } } } }>(
      REASSIGN,
      { i: { subOrderNumber: waiting.subOrderNumber, warehouseCode: 'CD01', reason: '西安仓停工，转成都' } },
      ops,
    );
    expect(moved.body.errors).toBeUndefined();
    expect(await subOrderAt(waiting.subOrderNumber)).toEqual({ status: 'CREATED', code: 'CD01' });

    const back = await upsert(xian({ active: true, cutoffLocalTime: '18:00' }));
    expect(back.data!.upsertWarehouse.active).toBe(true);
    expect((await auditRows()).at(-1)).toMatchObject({ reason: 'warehouse XA01 brought back online' });
    expect((await shaanxiOrder()).warehouseCode).toBe('XA01');
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a cut-off of 24:00', xian({ cutoffLocalTime: '24:00' }), 'cutoffLocalTime'],
    ['a cut-off of 7:5', xian({ cutoffLocalTime: '7:5' }), 'cutoffLocalTime'],
    ['a cut-off of 7:05', xian({ cutoffLocalTime: '7:05' }), 'cutoffLocalTime'],
    ['an ftp endpoint', xian({ endpointUrl: 'ftp://wms.example.com/xa01' }), 'endpointUrl'],
    ['an endpoint that is no URL', xian({ endpointUrl: 'wms.example.com' }), 'endpointUrl'],
    ['a short secret', xian({ secret: 'short' }), 'secret'],
    ['an unknown region', xian({ region: 'MARS' }), 'region'],
    ['an unknown capability', xian({ capabilities: ['OVERSIZE', 'FLYING'] }), 'capabilities[1]'],
    ['an unknown province', xian({ province: '火星省' }), 'province'],
    ['a code with a space', xian({ code: 'XA 01', secret: XIAN_SECRET }), 'code'],
    ['an SLA of 0 minutes', xian({ slaAcceptMinutes: 0 }), 'slaAcceptMinutes'],
    ['an empty name', xian({ name: '  ' }), 'name'],
    ['a merchant’s code', xian({ code: 'M-JDZ', secret: XIAN_SECRET }), 'code'],
    ['a new warehouse without a secret', xian({ code: 'XA02' }), 'secret'],
    ['a new warehouse with a short secret', xian({ code: 'XA02', secret: 'x'.repeat(15) }), 'secret'],
  ];

  it.each(cases)('%s: BAD_USER_INPUT naming the field', async (_name, input, field) => {
    const [rows, audits, xa01] = [
      await q('SELECT * FROM warehouses ORDER BY id'),
      (await auditRows()).length,
      await warehouseRow('XA01'),
    ];
    const body = await upsert(input);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors?.[0]?.message).toContain(field);
    expect(await q('SELECT * FROM warehouses ORDER BY id')).toEqual(rows);
    expect((await auditRows()).length).toBe(audits);
    expect(await warehouseRow('XA01')).toEqual(xa01);
  });

  it('an existing warehouse without a secret must be given one', async () => {
    await q("UPDATE warehouses SET secret = NULL WHERE code = 'WH01'");
    const wh01 = await warehouseRow('WH01');
    const body = await upsert(
      xian({
        code: 'WH01',
        region: 'CENTRAL',
        province: '湖北省',
        city: '武汉市',
        capabilities: ['OVERSIZE'],
      }),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'secret' });
    expect(await warehouseRow('WH01')).toEqual(wh01);
    await q("UPDATE warehouses SET secret = $1 WHERE code = 'WH01'", [TEST_WMS_SECRET]);
  });

  it('setStock: never below what is reserved, only at warehouses of ours, whole units', async () => {
    const { subOrderNumber } = await shaanxiOrder(XIAN_ONLY_SKU);
    expect((await subOrderAt(subOrderNumber)).code).toBe('XA01');
    const stock = () =>
      q(
        "SELECT s.* FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE w.code = 'XA01' ORDER BY sku",
      );
    const [before, audits] = [await stock(), (await auditRows()).length];
    const reserved = before.find((s) => s.sku === XIAN_ONLY_SKU)!.reserved as number;
    expect(reserved).toBeGreaterThan(0);
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [
        { warehouseCode: 'XA01', sku: XIAN_ONLY_SKU, onHand: reserved - 1 },
        'onHand',
        new RegExp(`${reserved} units are reserved`),
      ],
      [{ warehouseCode: 'XA01', sku: XIAN_ONLY_SKU, onHand: -1 }, 'onHand', /≥ 0/],
      [{ warehouseCode: 'XA01', sku: XIAN_ONLY_SKU, onHand: 1.5 }, 'onHand', /onHand/],
      [{ warehouseCode: 'NOPE', sku: XIAN_ONLY_SKU, onHand: 5 }, 'warehouseCode', /no warehouse NOPE/],
      [{ warehouseCode: 'M-JDZ', sku: XIAN_ONLY_SKU, onHand: 5 }, 'warehouseCode', /merchant/],
      [{ warehouseCode: 'XA01', sku: ' ', onHand: 5 }, 'sku', /sku/],
    ];
    for (const [input, field, message] of refusals) {
      const { body } = await server.graphql(SET_STOCK, { i: input }, admin);
      expect(body.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
      expect(body.errors?.[0]?.message).toMatch(message);
    }
    expect(await stock()).toEqual(before);
    expect((await auditRows()).length).toBe(audits);
    // Exactly what is reserved is allowed: nothing left to sell.
    const { body } = await server.graphql<{ setStock: Warehouse }>(
      SET_STOCK,
      { i: { warehouseCode: 'XA01', sku: XIAN_ONLY_SKU, onHand: reserved } },
      admin,
    );
    expect(body.data!.setStock.stock).toContainEqual({
      sku: XIAN_ONLY_SKU,
      onHand: reserved,
      reserved,
      available: 0,
    });
  });
});

describe('migration 1765320000000: the cut-off to the minute', () => {
  it('turns every whole-hour cut-off into minutes, and back', async () => {
    const runner = server.db.dataSource.createQueryRunner();
    const migration = new WarehouseCutoffMinute1765320000000();
    try {
      const minutes = await q<{ code: string; cutoff_minute: number }>(
        'SELECT code, cutoff_minute FROM warehouses ORDER BY code',
      );
      await migration.down(runner);
      const hours = await q<{ code: string; cutoff_hour: number }>(
        'SELECT code, cutoff_hour FROM warehouses ORDER BY code',
      );
      // XA01's 18:00 and the reference data's whole hours go back to their hours.
      expect(hours).toEqual(
        minutes.map((w) => ({ code: w.code, cutoff_hour: Math.floor(w.cutoff_minute / 60) })),
      );
      await q("UPDATE warehouses SET cutoff_hour = 17 WHERE code = 'XA01'");
      await migration.up(runner);
      expect(await q("SELECT cutoff_minute FROM warehouses WHERE code = 'XA01'")).toEqual([
        { cutoff_minute: 1020 },
      ]);
      expect(await q("SELECT cutoff_minute FROM warehouses WHERE code = 'GZ01'")).toEqual([
        { cutoff_minute: 720 },
      ]);
      await expect(q("UPDATE warehouses SET cutoff_minute = 1440 WHERE code = 'XA01'")).rejects.toThrow(
        /check/,
      );
    } finally {
      await runner.release();
    }
  });
});
