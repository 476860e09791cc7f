import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../../src/seed/demo.js';
import { paidOrder, step, wmsCallback } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let ops: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  ops = await loginAs(server, 'ops', 'ops123');
});
afterAll(() => server?.close());

const REASSIGN =
  'mutation($i: ReassignWarehouseInput!) { reassignWarehouse(input: $i) { subOrder { status warehouse { code } warehouseHistory { warehouse { code } releasedAt reason } } } }';
const BULK =
  'mutation($i: BulkReassignWarehouseInput!) { bulkReassignWarehouse(input: $i) { results { id ok error { code } } } }';
const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  server.db.dataSource.query(sql, params) as Promise<T[]>;
const reserved = async (code: string, sku: string) =>
  (
    await q<{ reserved: number }>(
      'SELECT reserved FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE w.code = $1 AND s.sku = $2',
      [code, sku],
    )
  )[0]!.reserved;
const messages = (number: string) =>
  q<{ type: string; reason: string | null; code: string }>(
    'SELECT m.type, m.reason, w.code FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id JOIN warehouses w ON w.id = m.warehouse_id WHERE s.number = $1 ORDER BY m.seq',
    [number],
  );

describe('reassignWarehouse', () => {
  it('moves a dispatched sub-order: withdrawn from the old warehouse, dispatched to the new, stock moved, history kept', async () => {
    const { subOrderNumber, warehouseCode } = await paidOrder(server, {
      lines: [{ sku: 'SKU-100009', title: '调和油', quantity: 2, salePriceFen: 6_990 }],
    });
    expect(warehouseCode).toBe('SH01');
    await wmsCallback(server, 'SH01', step(subOrderNumber, 'ACCEPTED'));
    const [sh, wh] = [await reserved('SH01', 'SKU-100009'), await reserved('WH01', 'SKU-100009')];
    const { body } = await server.graphql<{
      reassignWarehouse: {
        subOrder: {
          status: string;
          warehouse: { code: string };
          warehouseHistory: { warehouse: { code: string }; releasedAt: string | null; reason: string }[];
        };
      };
    }>(REASSIGN, { i: { subOrderNumber, warehouseCode: 'WH01', reason: '上海仓爆仓' } }, ops);
    expect(body.errors).toBeUndefined();
    const moved = body.data!.reassignWarehouse.subOrder;
    expect(moved.status).toBe('CREATED');
    expect(moved.warehouse.code).toBe('WH01');
    expect(moved.warehouseHistory.map((h) => [h.warehouse.code, h.reason, h.releasedAt !== null])).toEqual([
      ['SH01', 'SPLIT', true],
      ['WH01', 'REASSIGN', false],
    ]);
    expect([
      sh - (await reserved('SH01', 'SKU-100009')),
      (await reserved('WH01', 'SKU-100009')) - wh,
    ]).toEqual([2, 2]);
    expect(await messages(subOrderNumber)).toEqual([
      { type: 'DISPATCH', reason: null, code: 'SH01' },
      { type: 'CANCEL', reason: 'REASSIGN', code: 'SH01' },
      { type: 'DISPATCH', reason: null, code: 'WH01' },
    ]);
    // A later report from the old warehouse is stored and ignored.
    expect((await wmsCallback(server, 'SH01', step(subOrderNumber, 'PICKING'))).json.outcome).toBe(
      'OLD_WAREHOUSE',
    );
  });

  it('refuses once picking started, naming the state; refuses a warehouse without stock or without cold chain', async () => {
    const picking = await paidOrder(server);
    await wmsCallback(server, picking.warehouseCode!, step(picking.subOrderNumber, 'PICKING'));
    const late = await server.graphql(
      REASSIGN,
      { i: { subOrderNumber: picking.subOrderNumber, warehouseCode: 'BJ01', reason: 'x' } },
      ops,
    );
    expect(late.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentState: 'PICKING',
    });

    const scarce = await paidOrder(server, {
      lines: [{ sku: 'SKU-500002', title: '手办', quantity: 3, salePriceFen: 129_900 }],
    });
    const other = scarce.warehouseCode === 'BJ01' ? 'SH01' : 'BJ01';
    await q(
      "UPDATE stock SET on_hand = 1 WHERE sku = 'SKU-500002' AND warehouse_id = (SELECT id FROM warehouses WHERE code = $1)",
      [other],
    );
    const noStock = await server.graphql(
      REASSIGN,
      {
        i: {
          subOrderNumber: scarce.subOrderNumber,
          warehouseCode: scarce.warehouseCode === 'BJ01' ? 'SH01' : 'BJ01',
          reason: 'x',
        },
      },
      ops,
    );
    expect(noStock.body.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_STOCK');

    const cold = await paidOrder(server, {
      lines: [
        { sku: 'SKU-200002', title: '扇贝', quantity: 1, salePriceFen: 6_900, attributes: ['COLD_CHAIN'] },
      ],
    });
    const noColdChain = await server.graphql(
      REASSIGN,
      { i: { subOrderNumber: cold.subOrderNumber, warehouseCode: 'GZ01', reason: 'x' } },
      ops,
    );
    expect(noColdChain.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'warehouseCode',
    });
  });

  it('is refused to agents', async () => {
    const { subOrderNumber } = await paidOrder(server);
    const agent = await loginAs(server, 'agent', 'agent123');
    expect(
      (await server.graphql(REASSIGN, { i: { subOrderNumber, warehouseCode: 'BJ01', reason: 'x' } }, agent))
        .body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('concurrent reassigns of one sub-order to different warehouses: one wins, stock reserved exactly once', async () => {
    for (let round = 0; round < 50; round++) {
      const { subOrderNumber } = await paidOrder(server, {
        lines: [{ sku: 'SKU-100010', title: '抽纸', quantity: 1, salePriceFen: 4_590 }],
      });
      const { version } = (
        await q<{ version: number }>('SELECT version FROM sub_orders WHERE number = $1', [subOrderNumber])
      )[0]!;
      const before = (
        await q<{ n: number }>("SELECT sum(reserved)::int AS n FROM stock WHERE sku = 'SKU-100010'")
      )[0]!.n;
      const answers = await Promise.all(
        ['BJ01', 'GZ01', 'WH01'].map((code) =>
          server.graphql(
            REASSIGN,
            { i: { subOrderNumber, warehouseCode: code, reason: 'race', expectedVersion: version } },
            ops,
          ),
        ),
      );
      const codes = answers
        .map((a) => (a.body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK')
        .sort();
      expect(codes).toEqual(['OK', 'VERSION_CONFLICT', 'VERSION_CONFLICT']);
      expect(
        (await q<{ n: number }>("SELECT sum(reserved)::int AS n FROM stock WHERE sku = 'SKU-100010'"))[0]!.n,
      ).toBe(before);
    }
  });
});

describe('bulkReassignWarehouse', () => {
  it('moves each sub-order it can and reports each one it cannot, in input order', async () => {
    const a = await paidOrder(server);
    const b = await paidOrder(server);
    await wmsCallback(server, b.warehouseCode!, step(b.subOrderNumber, 'PACKED'));
    const { body } = await server.graphql<{
      bulkReassignWarehouse: { results: { id: string; ok: boolean; error: { code: string } | null }[] };
    }>(
      BULK,
      {
        i: {
          subOrderNumbers: [b.subOrderNumber, a.subOrderNumber],
          warehouseCode: 'CD01',
          reason: '批量转仓',
        },
      },
      ops,
    );
    expect(body.data!.bulkReassignWarehouse.results).toEqual([
      { id: b.subOrderNumber, ok: false, error: { code: 'INVALID_TRANSITION' } },
      { id: a.subOrderNumber, ok: true, error: null },
    ]);
  });
});

describe('two bulk reassigns over the same 100 sub-orders in opposite order (reliability.md)', () => {
  it('do not deadlock: both finish, every item ends at one of the two warehouses, stock reserved once', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 100; i++)
      numbers.push(
        (
          await paidOrder(server, {
            lines: [{ sku: 'SKU-100011', title: '跑鞋', quantity: 1, salePriceFen: 44_900 }],
          })
        ).subOrderNumber,
      );
    const reservedBefore = (
      await q<{ n: number }>("SELECT sum(reserved)::int AS n FROM stock WHERE sku = 'SKU-100011'")
    )[0]!.n;
    const [toBj, toCd] = await Promise.all([
      server.graphql<{
        bulkReassignWarehouse: { results: { ok: boolean; error: { code: string } | null }[] };
      }>(BULK, { i: { subOrderNumbers: numbers, warehouseCode: 'BJ01', reason: 'A' } }, ops),
      server.graphql<{
        bulkReassignWarehouse: { results: { ok: boolean; error: { code: string } | null }[] };
      }>(BULK, { i: { subOrderNumbers: [...numbers].reverse(), warehouseCode: 'CD01', reason: 'B' } }, ops),
    ]);
    expect(toBj.body.errors).toBeUndefined();
    expect(toCd.body.errors).toBeUndefined();
    const errors = [
      ...toBj.body.data!.bulkReassignWarehouse.results,
      ...toCd.body.data!.bulkReassignWarehouse.results,
    ].flatMap((r) => (r.error ? [r.error.code] : []));
    expect(errors.filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
    const places = await q<{ code: string; n: number }>(
      'SELECT w.code, count(*)::int AS n FROM sub_orders s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.number = ANY($1) GROUP BY 1',
      [numbers],
    );
    expect(places.reduce((sum, p) => sum + p.n, 0)).toBe(100);
    expect(places.every((p) => p.code === 'BJ01' || p.code === 'CD01')).toBe(true);
    expect(
      (await q<{ n: number }>("SELECT sum(reserved)::int AS n FROM stock WHERE sku = 'SKU-100011'"))[0]!.n,
    ).toBe(reservedBefore);
  }, 120_000);
});
