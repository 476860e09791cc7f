import {
  loginAs,
  ORDER_DETAIL,
  ORDER_PAGE,
  QUEUE_PAGE,
  startTestServer,
  type TestServer,
} from '@oms/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedReferenceData } from '../src/seed/demo.js';
import { seedDemoOrders } from '../src/seed/orders/seed-orders.js';

/**
 * docs/performance.md "Always true": every list is cursor-paged on an index and every look-up hits a unique or selective
 * index. Each console read runs here against a seeded database big enough that a missing index shows as a
 * sequential scan (the planner prefers an index for a selective read once a table has thousands of rows), and every
 * statement it ran is EXPLAINed with its own parameters.
 */
const ORDERS = Number(process.env.QUERY_PLAN_ORDERS ?? 12_000);

/** The tables that grow with the orders; a sequential scan of any of them is a missing index. */
const GROWING = new Set([
  'orders',
  'sub_orders',
  'order_lines',
  'sub_order_warehouses',
  'payments',
  'payment_logs',
  'gift_card_usages',
  'points_usages',
  'refunds',
  'shipments',
  'logistics_events',
  'interceptions',
  'order_events',
  'outbound_messages',
  'audit_log',
]);

let server: TestServer;
let agent: Record<string, string>;
let manager: Record<string, string>;
let sample: { order: string; subOrder: string; phone: string; tracking: string; warehouse: string };

beforeAll(async () => {
  server = await startTestServer(inject('adminUrl'));
  const db = server.db.dataSource;
  await seedReferenceData(db);
  await seedDemoOrders(db, server.config, ORDERS);
  await db.query('ANALYZE');
  agent = await loginAs(server, 'agent', 'agent123');
  manager = await loginAs(server, 'manager', 'manager123');
  const [row] = await db.query(
    `SELECT o.number AS order, s.number AS "subOrder", sh.tracking_number AS tracking, w.code AS warehouse
     FROM shipments sh JOIN sub_orders s ON s.id = sh.sub_order_id JOIN orders o ON o.id = s.order_id
     JOIN warehouses w ON w.id = s.warehouse_id ORDER BY sh.id LIMIT 1`,
  );
  const phone = await fullPhoneOf(row.order);
  sample = { ...row, phone };
}, 300_000);
afterAll(() => server?.close());

/** The receiver phone in full, as a search would type it (revealed through the API, so it works encrypted too). */
async function fullPhoneOf(orderNumber: string): Promise<string> {
  const { body } = await server.graphql<{ revealPersonalData: { personalData: { phone: string } } }>(
    'mutation($i: RevealPersonalDataInput!) { revealPersonalData(input: $i) { personalData { phone } } }',
    { i: { orderNumber, reason: 'query-plan test' } },
    manager,
  );
  expect(body.errors).toBeUndefined();
  return body.data!.revealPersonalData.personalData.phone;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function sequentialScans(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' && GROWING.has(node['Relation Name'] ?? '')
      ? [node['Relation Name']!]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(sequentialScans)];
}

/** Runs one GraphQL read and EXPLAINs every statement it ran; returns the growing tables read by a sequential scan. */
async function scansOf(
  query: string,
  variables: Record<string, unknown>,
  as: Record<string, string>,
): Promise<string[]> {
  server.db.counter.reset();
  const { body } = await server.graphql(query, variables, as);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  const statements = [...server.db.counter.statements];
  expect(statements.length).toBeGreaterThan(0);
  const scans: string[] = [];
  for (const { query: sql, parameters } of statements) {
    // Transaction control (a phone look-up's audited allowance runs in one) has no plan.
    if (/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(sql)) continue;
    // Sequential scans discouraged, not forbidden: a plan keeps one only where no index can serve the statement,
    // whatever the size of the demo's tables (a small audit_log would otherwise be scanned by choice).
    const runner = server.db.dataSource.createQueryRunner();
    let plan: unknown;
    try {
      await runner.query('SET enable_seqscan = off');
      [{ 'QUERY PLAN': plan }] = await runner.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
    scans.push(
      ...sequentialScans((plan as { Plan: PlanNode }[])[0]!.Plan).map((t) => `${t} ← ${sql.slice(0, 120)}`),
    );
  }
  return scans;
}

const SEARCH = 'query($q: String!) { search(query: $q) { kind orders { number } } }';
const SUB_ORDERS = `query($f: SubOrderFilter, $after: String) { subOrders(filter: $f, first: 50, after: $after) {
  edges { cursor node { number status } } pageInfo { endCursor } } }`;
const LATE =
  'query($w: String) { lateSubOrders(warehouseCode: $w, first: 50) { edges { node { number } } } }';

describe('every list and look-up reads through an index', () => {
  it('the order page, by order number and by sub-order number', async () => {
    expect(await scansOf(ORDER_DETAIL, { n: sample.order }, agent)).toEqual([]);
    expect(await scansOf(ORDER_DETAIL, { n: sample.subOrder }, agent)).toEqual([]);
  });

  it('the search box: sub-order number, tracking number, phone', async () => {
    for (const q of [sample.subOrder, sample.tracking, sample.phone]) {
      expect(await scansOf(SEARCH, { q }, agent), q).toEqual([]);
    }
  });

  it('the order list, unfiltered, by each filter, two filters at once, and a later page by cursor', async () => {
    const filters = [
      {},
      { status: 'PAID' },
      { held: true },
      { status: 'SPLIT', source: 'THIRD_PARTY' },
      { fulfilmentStatus: 'SHIPPED' },
      { warehouseCode: sample.warehouse },
      { type: 'PRESALE' },
    ];
    for (const filter of filters) {
      const query = ORDER_PAGE.replace('orders(first: 50)', 'orders(first: 50, filter: $f, after: $after)');
      const withVars = `query($f: OrderFilter, $after: String) ${query}`;
      expect(await scansOf(withVars, { f: filter }, agent), JSON.stringify(filter)).toEqual([]);
      const page = await server.graphql<{ orders: { pageInfo: { endCursor: string | null } } }>(
        'query($f: OrderFilter) { orders(first: 50, filter: $f) { pageInfo { endCursor } } }',
        { f: filter },
        agent,
      );
      const after = page.body.data!.orders.pageInfo.endCursor;
      if (after) expect(await scansOf(withVars, { f: filter, after }, agent), 'page 2').toEqual([]);
    }
  });

  it('the interception queue, all rules and by rule', async () => {
    for (const f of [{}, { rule: 'ADDRESS_VELOCITY' }, { rule: 'MANUAL' }]) {
      expect(await scansOf(QUEUE_PAGE, { f }, manager), JSON.stringify(f)).toEqual([]);
    }
  });

  it('the operations lists: sub-orders by filter, late sub-orders', async () => {
    const filters = [
      { outOfStock: true },
      { dispatchState: 'DEAD_LETTER' },
      { held: true },
      { warehouseCode: sample.warehouse, status: 'DISPATCHED' },
    ];
    for (const f of filters) expect(await scansOf(SUB_ORDERS, { f }, manager), JSON.stringify(f)).toEqual([]);
    expect(await scansOf(LATE, { w: sample.warehouse }, manager)).toEqual([]);
    expect(await scansOf(LATE, {}, manager)).toEqual([]);
  });
});
