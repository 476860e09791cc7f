import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrder, paidOrder } from '../support/orders.js';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

// docs/api.md `auditLog(filter: { staffId, orderNumber, action, from, to }, first, after)`: newest first, keyset-paged,
// each filter alone and combined, each served by an index; bad filters are BAD_USER_INPUT naming the field.

let server: TestServer;
let admin: Record<string, string>;
let manager: Record<string, string>;
let agent: Record<string, string>;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  admin = await loginAs(server, 'admin', 'admin123');
  manager = await loginAs(server, 'manager', 'manager123');
  agent = await loginAs(server, 'agent', 'agent123');
  ids = Object.fromEntries(
    (
      (await server.db.dataSource.query('SELECT username, id::text FROM staff')) as {
        username: string;
        id: string;
      }[]
    ).map((r) => [r.username, r.id]),
  );
});
afterAll(() => server?.close());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
interface Entry {
  id: string;
  staffId: string;
  username: string;
  displayName: string;
  role: string;
  action: string;
  orderNumber: string | null;
  before: unknown;
  after: unknown;
  reason: string;
  at: string;
  address: string | null;
}
interface Page {
  edges: { cursor: string; node: Entry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const AUDIT = `query($f: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $f, first: $first, after: $after) {
    edges { cursor node { id staffId username displayName role action orderNumber before after reason at address } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function audit(
  filter: Record<string, unknown> = {},
  first = 50,
  after: string | null = null,
  as = manager,
) {
  const { body } = await server.graphql<{ auditLog: Page }>(AUDIT, { f: filter, first, after }, as);
  return { page: body.data?.auditLog, errors: body.errors as Errors };
}

async function all(filter: Record<string, unknown>, first = 50): Promise<Entry[]> {
  const nodes: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const { page, errors } = await audit(filter, first, after);
    expect(errors).toBeUndefined();
    nodes.push(...page!.edges.map((e) => e.node));
    if (!page!.pageInfo.hasNextPage) return nodes;
    after = page!.pageInfo.endCursor;
  }
}

const code = (errors: Errors) => errors?.[0]?.extensions?.code;
const field = (errors: Errors) => errors?.[0]?.extensions?.field;

async function cancel(number: string, reason: string, as: Record<string, string>) {
  const { body } = await server.graphql(
    'mutation($n: String!, $r: String!) { cancelOrder(input: { number: $n, reason: $r }) { order { status } } }',
    { n: number, r: reason },
    as,
  );
  expect(body.errors).toBeUndefined();
}

describe('the audit log', () => {
  it('shows who (username, role), what, which order, before/after, why, when and from where, newest first', async () => {
    const order = await createOrder(server);
    await cancel(order.number, '客户不要了', agent);
    const { data } = (
      await server.graphql<{ createStaff: { staff: { id: string } } }>(
        'mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id } } }',
        { i: { username: 'audit.new', displayName: '审计新人', password: 'audit password 1', role: 'OPS' } },
        { ...admin, 'x-forwarded-for': '203.0.113.7' },
      )
    ).body as { data: { createStaff: { staff: { id: string } } } };

    const { page } = await audit({}, 2);
    const [newest, older] = page!.edges.map((e) => e.node);
    expect(newest).toMatchObject({
      staffId: ids.admin,
      username: 'admin',
      role: 'ADMIN',
      action: 'CREATE_STAFF',
      orderNumber: null,
      before: null,
      after: {
        staffId: data.createStaff.staff.id,
        username: 'audit.new',
        displayName: '审计新人',
        role: 'OPS',
      },
      reason: 'new account audit.new',
      address: '203.0.113.7',
    });
    expect(newest!.displayName).toMatch(/admin/);
    expect(older).toMatchObject({
      username: 'agent',
      role: 'AGENT',
      action: 'CANCEL_ORDER',
      orderNumber: order.number,
      reason: '客户不要了',
    });
    expect(Date.parse(newest!.at)).toBeGreaterThanOrEqual(Date.parse(older!.at));
  });

  it('filters by staff (id or username), order (or one of its sub-orders), action and time, alone and combined', async () => {
    const paid = await paidOrder(server);
    const other = await createOrder(server);
    await cancel(other.number, '经理取消', manager);
    const start = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await cancel(paid.orderNumber, '客服取消', agent);
    const middle = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await server.graphql(
      'mutation($i: AddOrderNoteInput!) { addOrderNote(input: $i) { order { number } } }',
      { i: { orderNumber: paid.orderNumber, text: '已电话联系客户' } },
      manager,
    );

    const byAgent = await all({ staffId: ids.agent });
    expect(byAgent.length).toBeGreaterThan(0);
    expect(byAgent.every((e) => e.username === 'agent')).toBe(true);
    expect(await all({ username: 'agent' })).toEqual(byAgent);
    expect(await all({ username: 'nobody.here' })).toEqual([]);

    const onPaid = await all({ orderNumber: paid.orderNumber });
    expect(onPaid.map((e) => [e.action, e.username])).toEqual([
      ['ADD_ORDER_NOTE', 'manager'],
      ['CANCEL_ORDER', 'agent'],
    ]);
    // A sub-order number finds its order's rows.
    expect(await all({ orderNumber: paid.subOrderNumber })).toEqual(onPaid);

    const notes = await all({ action: 'ADD_ORDER_NOTE' });
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((e) => e.action === 'ADD_ORDER_NOTE')).toBe(true);

    const since = await all({ from: start.toISOString() });
    expect(since.map((e) => e.action)).toEqual(['ADD_ORDER_NOTE', 'CANCEL_ORDER']);
    const window = await all({ from: start.toISOString(), to: middle.toISOString() });
    expect(window.map((e) => [e.action, e.orderNumber])).toEqual([['CANCEL_ORDER', paid.orderNumber]]);

    expect(
      await all({ staffId: ids.manager, orderNumber: paid.orderNumber, action: 'CANCEL_ORDER' }),
    ).toEqual([]);
    expect((await all({ staffId: ids.manager, action: 'CANCEL_ORDER' })).map((e) => e.orderNumber)).toContain(
      other.number,
    );
  });

  it('pages newest first past a page, with no row twice or missed, also among rows written at the same instant', async () => {
    // 130 rows by one staff member, the last 60 written in one statement (one `at`, as a bulk change writes them).
    await server.db.dataSource.query(
      `INSERT INTO audit_log (staff_id, role, action, reason, at)
       SELECT $1, 'OPS', 'SET_STOCK', 'row ' || g, now() - (g || ' seconds')::interval FROM generate_series(1, 70) g`,
      [ids.ops],
    );
    await server.db.dataSource.query(
      `INSERT INTO audit_log (staff_id, role, action, reason, at)
       SELECT $1, 'OPS', 'SET_STOCK', 'same ' || g, now() FROM generate_series(1, 60) g`,
      [ids.ops],
    );
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const { page, errors } = await audit({ staffId: ids.ops }, 50, after);
      expect(errors).toBeUndefined();
      pages.push(page!);
      after = page!.pageInfo.endCursor;
    } while (pages.at(-1)!.pageInfo.hasNextPage);
    expect(pages.map((p) => p.edges.length)).toEqual([50, 50, 30]);
    const rows = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(new Set(rows.map((r) => r.id)).size).toBe(130);
    // Newest first: times never increase, and at one instant the later row (higher id) comes first.
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(Date.parse(a.at) >= Date.parse(b.at)).toBe(true);
      if (a.at === b.at) expect(BigInt(a.id) > BigInt(b.id)).toBe(true);
    }
    expect(rows.slice(0, 60).every((r) => r.reason.startsWith('same '))).toBe(true);
  });

  it('refuses bad filters and cursors naming the field, a mistyped order number as such, and other roles', async () => {
    const cases: [Record<string, unknown>, string | null, string, string | undefined][] = [
      [{ staffId: 'agent' }, null, 'BAD_USER_INPUT', 'staffId'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, null, 'BAD_USER_INPUT', 'to'],
      [{}, 'not-a-cursor', 'BAD_USER_INPUT', 'after'],
      [{ action: 'DROP_TABLE' }, null, 'BAD_USER_INPUT', 'action'],
      [{ orderNumber: '1234567890123456' }, null, 'INVALID_ORDER_NUMBER', undefined],
    ];
    for (const [filter, after, expectedCode, expectedField] of cases) {
      const { errors } = await audit(filter, 10, after);
      expect({ filter, code: code(errors), field: field(errors) }).toEqual({
        filter,
        code: expectedCode,
        field: expectedField,
      });
    }
    expect(code((await audit({}, 10, null, agent)).errors)).toBe('FORBIDDEN');
    expect((await audit({}, 10, null, admin)).errors).toBeUndefined();
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)];
const scansOf = (node: PlanNode) =>
  walk(node).filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'audit_log');
const indexesOf = (node: PlanNode) => walk(node).flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));

describe('the audit log’s indexes', () => {
  it('serve every filter and a later page without reading the whole table', async () => {
    // Enough rows, spread over staff, orders and actions, for the planner to prefer an index when one fits.
    await server.db.dataSource.query(
      `INSERT INTO audit_log (staff_id, role, action, order_number, reason, at)
       SELECT (ARRAY[$1, $2, $3]::bigint[])[1 + g % 3], 'OPS',
         (ARRAY['CANCEL_ORDER', 'ADD_ORDER_NOTE', 'SET_STOCK', 'REASSIGN_WAREHOUSE', 'RETRY_REFUND', 'INTERCEPT_ORDER',
           'REVEAL_PERSONAL_DATA', 'REDRIVE_DISPATCH'])[1 + g % 8],
         CASE WHEN g % 8 = 2 THEN NULL ELSE 'N' || (g % 4000) END, 'bulk ' || g, now() - (g || ' seconds')::interval
       FROM generate_series(1, 40000) g`,
      [ids.agent, ids.ops, ids.manager],
    );
    await server.db.dataSource.query('ANALYZE audit_log');
    const order = await createOrder(server);
    await cancel(order.number, 'plan', agent);
    await server.graphql(
      'mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id } } }',
      { i: { username: 'plan.new', displayName: '计划', password: 'plan password 1', role: 'AGENT' } },
      admin,
    );
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const first = await audit({}, 50);
    // [filter, after, the index a selective filter must use (null: any index of the log will do)]
    const filters: [Record<string, unknown>, string | null, string | null][] = [
      [{}, null, 'audit_log_at_idx'],
      [{}, first.page!.pageInfo.endCursor, 'audit_log_at_idx'],
      // admin has a handful of rows among 40,000: its own index, not the time index filtered row by row
      [{ staffId: ids.admin }, null, 'audit_log_staff_idx'],
      [{ username: 'manager' }, null, null],
      [{ orderNumber: order.number }, null, 'audit_log_order_idx'],
      // a rare action, likewise
      [{ action: 'CREATE_STAFF' }, null, 'audit_log_action_idx'],
      [{ from: hourAgo, to: new Date().toISOString() }, null, null],
      [{ staffId: ids.agent, action: 'CANCEL_ORDER' }, null, null],
    ];
    for (const [filter, after, index] of filters) {
      server.db.counter.reset();
      const { errors } = await audit(filter, 50, after);
      expect(errors).toBeUndefined();
      const statements = server.db.counter.statements.filter((s) => /audit_log/.test(s.query));
      expect(statements).toHaveLength(1);
      const { query, parameters } = statements[0]!;
      const [{ 'QUERY PLAN': plan }] = await server.db.dataSource.query(
        `EXPLAIN (FORMAT JSON) ${query}`,
        parameters,
      );
      const root = (plan as { Plan: PlanNode }[])[0]!.Plan;
      expect({ filter, after, scans: scansOf(root) }).toEqual({ filter, after, scans: [] });
      const used = indexesOf(root).filter((i) => i.startsWith('audit_log_'));
      if (index) expect(used, JSON.stringify(filter)).toContain(index);
      else expect(used, JSON.stringify(filter)).not.toEqual([]);
    }
  });
});
