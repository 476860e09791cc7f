import { encodeSubOrderNumber, permutationKeyFromSecret } from '@oms/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { REASSIGN_CHUNK } from '../../src/services/reassign/reassign-chunk.js';
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

describe('two bulk reassigns over the same 100 sub-orders in opposite order (docs/reliability.md)', () => {
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

type BulkAnswer = {
  bulkReassignWarehouse: { results: { id: string; ok: boolean; error: { code: string } | null }[] };
};

/** Open stays per warehouse/sku vs stock.reserved: the warehouse/sku pairs where they differ. */
const stockMismatches = async () =>
  (
    await q<{ n: number }>(
      `WITH held AS (
         SELECT s.warehouse_id, l.sku, sum(l.quantity)::int AS quantity
         FROM sub_orders s JOIN order_lines l ON l.sub_order_id = s.id
         WHERE s.status = ANY($1) AND s.warehouse_id IS NOT NULL AND s.merchant_id IS NULL GROUP BY 1, 2)
       SELECT count(*)::int AS n FROM stock st FULL JOIN held h ON h.warehouse_id = st.warehouse_id AND h.sku = st.sku
       WHERE coalesce(st.reserved, 0) <> coalesce(h.quantity, 0)`,
      [['CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED']],
    )
  )[0]!.n;

/** Everything a reassignment leaves on one sub-order, with its own number and ids taken out. */
async function endState(number: string) {
  const [sub] = await q<{ id: string; status: string; version: number; code: string; order_version: number }>(
    `SELECT s.id, s.status, s.version, w.code, o.version AS order_version, s.dispatch_state, s.out_of_stock
     FROM sub_orders s JOIN warehouses w ON w.id = s.warehouse_id JOIN orders o ON o.id = s.order_id
     WHERE s.number = $1`,
    [number],
  );
  const { id, ...rest } = sub!;
  return {
    ...rest,
    stays: await q(
      `SELECT w.code, h.reason, h.released_at IS NOT NULL AS released FROM sub_order_warehouses h
       JOIN warehouses w ON w.id = h.warehouse_id WHERE h.sub_order_id = $1 ORDER BY h.id`,
      [id],
    ),
    events: await q(
      `SELECT type, actor_type, actor_id, reason, before, after - 'eventId' AS after, customer_visible FROM order_events
       WHERE sub_order_id = $1 ORDER BY id`,
      [id],
    ),
    messages: await q(
      `SELECT m.seq, m.type, m.reason, w.code FROM outbound_messages m JOIN warehouses w ON w.id = m.warehouse_id
       WHERE m.sub_order_id = $1 ORDER BY m.seq`,
      [id],
    ),
    jobs: (
      await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbound_messages m
         WHERE m.sub_order_id = $1 AND (m.status <> 'PENDING' OR EXISTS (
           SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'outbound:' || m.id))`,
        [id],
      )
    )[0]!.n,
    audit: await q(
      `SELECT action, before, after - 'subOrderNumber' AS after, reason, (after->>'subOrderNumber') = $1 AS names_it
       FROM audit_log WHERE order_number = (SELECT o.number FROM orders o JOIN sub_orders s ON s.order_id = o.id
         WHERE s.number = $1) AND action = 'REASSIGN_WAREHOUSE' ORDER BY id`,
      [number],
    ),
  };
}

describe('bulkReassignWarehouse, set-based (docs/performance.md P7)', () => {
  it('leaves the same end state as one reassignWarehouse per sub-order, stock exact', async () => {
    const pairs: [string, string][] = [];
    const shape = async (i: number) => {
      const made = await paidOrder(server, {
        lines: [
          { sku: i % 2 ? 'SKU-100009' : 'SKU-100010', title: '货', quantity: 1 + (i % 3), salePriceFen: 990 },
        ],
      });
      if (i % 3 === 1) await wmsCallback(server, made.warehouseCode!, step(made.subOrderNumber, 'ACCEPTED'));
      return made.subOrderNumber;
    };
    for (let i = 0; i < 150; i += 5)
      pairs.push(
        ...(await Promise.all(
          [0, 1, 2, 3, 4].map(async (k) => [await shape(i + k), await shape(i + k)] as [string, string]),
        )),
      );
    const bulk = await server.graphql<BulkAnswer>(
      BULK,
      { i: { subOrderNumbers: pairs.map(([a]) => a), warehouseCode: 'WH01', reason: '批量转仓' } },
      ops,
    );
    expect(bulk.body.errors).toBeUndefined();
    const singles = [];
    for (const [, b] of pairs)
      singles.push(
        (
          await server.graphql(
            REASSIGN,
            { i: { subOrderNumber: b, warehouseCode: 'WH01', reason: '批量转仓' } },
            ops,
          )
        ).body.errors?.[0]?.extensions?.code ?? null,
      );
    expect(bulk.body.data!.bulkReassignWarehouse.results.map((r) => r.error?.code ?? null)).toEqual(singles);
    expect(singles.filter((code) => code === null).length).toBeGreaterThan(100);
    for (const [a, b] of pairs) expect(await endState(a)).toEqual(await endState(b));
    expect(await stockMismatches()).toBe(0);
  }, 300_000);

  it('reports each refused item with its own error, in input order; the last units go to the first asking', async () => {
    const [free, merchant, there, picking, first, second] = await Promise.all(
      [null, null, null, null, 'SKU-500002', 'SKU-500002'].map((sku) =>
        paidOrder(server, sku ? { lines: [{ sku, title: '手办', quantity: 1, salePriceFen: 129_900 }] } : {}),
      ),
    );
    await q("UPDATE sub_orders SET merchant_id = 'M-1', warehouse_id = NULL WHERE number = $1", [
      merchant!.subOrderNumber,
    ]);
    await wmsCallback(server, picking!.warehouseCode!, step(picking!.subOrderNumber, 'PICKING'));
    const target = there!.warehouseCode === 'CD01' ? 'GZ01' : 'CD01';
    await q(
      `UPDATE sub_orders SET warehouse_id = (SELECT id FROM warehouses WHERE code = $2) WHERE number = $1`,
      [there!.subOrderNumber, target],
    );
    // The target has exactly one unit of SKU-500002 left: the first of the two asking gets it.
    await q(
      `UPDATE stock SET on_hand = reserved + 1
       WHERE sku = 'SKU-500002' AND warehouse_id = (SELECT id FROM warehouses WHERE code = $1)`,
      [target],
    );
    const reservedBefore = await reserved(target, 'SKU-500002');
    const numbers = [
      second!.subOrderNumber,
      '2999999999999999',
      'not-a-number',
      merchant!.subOrderNumber,
      there!.subOrderNumber,
      picking!.subOrderNumber,
      first!.subOrderNumber,
      free!.subOrderNumber,
    ];
    const { body } = await server.graphql<BulkAnswer>(
      BULK,
      { i: { subOrderNumbers: numbers, warehouseCode: target, reason: '批量转仓' } },
      ops,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.bulkReassignWarehouse.results.map((r) => [r.id, r.error?.code ?? 'OK'])).toEqual([
      [second!.subOrderNumber, 'OK'],
      ['2999999999999999', expect.stringMatching(/^(NOT_FOUND|INVALID_ORDER_NUMBER)$/)],
      ['not-a-number', 'INVALID_ORDER_NUMBER'],
      [merchant!.subOrderNumber, 'BAD_USER_INPUT'],
      [there!.subOrderNumber, 'BAD_USER_INPUT'],
      [picking!.subOrderNumber, 'INVALID_TRANSITION'],
      [first!.subOrderNumber, 'INSUFFICIENT_STOCK'],
      [free!.subOrderNumber, 'OK'],
    ]);
    expect((await reserved(target, 'SKU-500002')) - reservedBefore).toBe(1);
  });

  it('costs a small fixed number of statements per chunk: two chunks of sub-orders', async () => {
    const { subOrderNumber, orderNumber } = await paidOrder(server, {
      lines: [{ sku: 'SKU-100003', title: '货', quantity: 1, salePriceFen: 990 }],
    });
    const numbers = await cloneSubOrder(subOrderNumber, orderNumber, 2 * REASSIGN_CHUNK);
    // Earlier tests here move sub-orders by hand (merchant, already there); this one adds no mismatch of its own.
    const mismatches = await stockMismatches();
    server.db.counter.reset();
    const { body } = await server.graphql<BulkAnswer>(
      BULK,
      { i: { subOrderNumbers: numbers, warehouseCode: 'CD01', reason: '批量转仓' } },
      ops,
    );
    const statements = server.db.counter.count;
    expect(body.errors).toBeUndefined();
    expect(body.data!.bulkReassignWarehouse.results.filter((r) => !r.ok)).toEqual([]);
    // Per chunk: BEGIN, 4 locking reads, 14 writes at most, COMMIT; plus the session and the target.
    expect(statements).toBeLessThanOrEqual(2 * 20 + 8);
    expect(await stockMismatches()).toBe(mismatches);
  }, 120_000);
});

/** `count` copies of a sub-order under its parent (new numbers, same lines, same warehouse), stock reserved for them. */
async function cloneSubOrder(subOrderNumber: string, orderNumber: string, count: number): Promise<string[]> {
  const key = permutationKeyFromSecret('reassign-test-clones');
  const base = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 1_000;
  const numbers = Array.from({ length: count }, (_, k) => encodeSubOrderNumber(orderNumber, base + k, key));
  const columns = async (table: string, except: string[]) =>
    (
      await q<{ c: string }>(
        'SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 AND NOT (column_name = ANY($2))',
        [table, except],
      )
    ).map((r) => `"${r.c}"`);
  const subColumns = (await columns('sub_orders', ['id', 'number'])).join(', ');
  const clones = await q<{ id: string }>(
    `INSERT INTO sub_orders (number, ${subColumns}) SELECT n, ${subColumns}
     FROM sub_orders, unnest($2::text[]) AS n WHERE number = $1 RETURNING id`,
    [subOrderNumber, numbers],
  );
  const ids = clones.map((c) => c.id);
  const lineColumns = (await columns('order_lines', ['id', 'sub_order_id', 'line_no', 'line_ref'])).join(
    ', ',
  );
  await q(
    `INSERT INTO order_lines (sub_order_id, line_no, line_ref, ${lineColumns})
     SELECT c.id, line_no + 100 * c.k, line_ref || '-' || c.k, ${lineColumns}
     FROM order_lines, unnest($2::bigint[]) WITH ORDINALITY AS c(id, k)
     WHERE sub_order_id = (SELECT id FROM sub_orders WHERE number = $1)`,
    [subOrderNumber, ids],
  );
  const stayColumns = (await columns('sub_order_warehouses', ['id', 'sub_order_id'])).join(', ');
  await q(
    `INSERT INTO sub_order_warehouses (sub_order_id, ${stayColumns}) SELECT c, ${stayColumns}
     FROM sub_order_warehouses, unnest($2::bigint[]) AS c
     WHERE sub_order_id = (SELECT id FROM sub_orders WHERE number = $1) AND released_at IS NULL`,
    [subOrderNumber, ids],
  );
  await q(
    `UPDATE stock st SET on_hand = st.on_hand + 2 * $2 * l.quantity, reserved = st.reserved + $2 * l.quantity
     FROM sub_orders s JOIN order_lines l ON l.sub_order_id = s.id
     WHERE s.number = $1 AND st.warehouse_id = s.warehouse_id AND st.sku = l.sku`,
    [subOrderNumber, count],
  );
  await q(
    `UPDATE stock SET on_hand = on_hand + $1 WHERE sku = 'SKU-100003'
     AND warehouse_id = (SELECT id FROM warehouses WHERE code = 'CD01')`,
    [count * 2],
  );
  return numbers;
}
