import { encodeOrderNumber, permutationKeyFromSecret } from '@oms/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalDataCipher } from '../../src/privacy/personal-data-cipher.js';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { API_KEY, createOrder, paidOrder, shippedOrder } from '../support/orders.js';

let server: TestServer;
let agent: Record<string, string>;

interface Found {
  number: string;
  phone: string;
  subOrderNumber: string;
  trackingNumber: string;
}

beforeAll(async () => {
  server = await startTestServer({ revealDailyLimit: 3, phoneSearchHourlyLimit: 12 });
  await seedReferenceData(server.db.dataSource);
  // A few dozen orders in every stage, built through the API; two share a phone.
  for (let i = 0; i < 12; i++) await createOrder(server);
  for (let i = 0; i < 12; i++) await paidOrder(server);
  for (let i = 0; i < 6; i++) {
    await shippedOrder(
      server,
      [{ carrier: 'SF', trackingNumber: `SF10000000${String(i).padStart(4, '0')}` }],
      {
        receiver: {
          name: '李雷',
          phone: i < 2 ? '13900001111' : `1390000${String(2000 + i)}`,
          province: '北京市',
          city: '北京市',
          district: '海淀区',
          address: `中关村 ${i} 号`,
        },
      },
    );
  }
  agent = await loginAs(server, 'agent', 'agent123');
});
afterAll(() => server?.close());

async function aShippedOrder(): Promise<Found> {
  const [row]: Found[] = await server.db.dataSource.query(`
    SELECT o.number, o.receiver_phone AS phone, s.number AS "subOrderNumber", sh.tracking_number AS "trackingNumber"
    FROM orders o JOIN sub_orders s ON s.order_id = o.id JOIN shipments sh ON sh.sub_order_id = s.id
    WHERE s.status = 'SHIPPED' ORDER BY o.id LIMIT 1`);
  if (!row) throw new Error('seed has no shipped order');
  return { ...row, phone: personalDataCipher().decrypt(row.phone) };
}

const ORDER = `query($n: String!) { order(number: $n) { number status receiver { phone address name }
  subOrders { number status } timeline { type at actor } } }`;

describe('order(number)', () => {
  it('finds the parent by its own number and by a sub-order number', async () => {
    const found = await aShippedOrder();
    for (const key of [found.number, found.subOrderNumber]) {
      const { body } = await server.graphql<{ order: { number: string } }>(ORDER, { n: key }, agent);
      expect(body.errors).toBeUndefined();
      expect(body.data?.order.number).toBe(found.number);
    }
  });

  it('masks the receiver for every role', async () => {
    const found = await aShippedOrder();
    for (const [user, password] of [
      ['agent', 'agent123'],
      ['admin', 'admin123'],
    ] as const) {
      const headers = await loginAs(server, user, password);
      const { body } = await server.graphql<{ order: { receiver: { phone: string; address: string } } }>(
        ORDER,
        { n: found.number },
        headers,
      );
      expect(body.data?.order.receiver.phone).toBe(`${found.phone.slice(0, 3)}****${found.phone.slice(7)}`);
      expect(body.data?.order.receiver.address).toBe('****');
    }
  });

  it('says INVALID_ORDER_NUMBER for a typo and null for a valid number that does not exist', async () => {
    const found = await aShippedOrder();
    const typo = found.number.slice(0, 15) + String((Number(found.number[15]) + 1) % 10);
    const typoAnswer = await server.graphql(ORDER, { n: typo }, agent);
    expect(typoAnswer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_ORDER_NUMBER',
      reason: 'CHECK_DIGIT',
    });
    const absent = encodeOrderNumber(
      { kind: 'ORDER', type: 'NORMAL', shard: 42, sequence: 999_999_999_999 },
      permutationKeyFromSecret(server.config.orderNumberSecret),
    );
    const absentAnswer = await server.graphql(ORDER, { n: absent }, agent);
    expect(absentAnswer.body).toEqual({ data: { order: null } });
  });
});

describe('search', () => {
  const SEARCH = 'query($q: String!) { search(query: $q) { kind invalidOrderNumber orders { number } } }';
  type Search = { search: { kind: string; invalidOrderNumber: boolean; orders: { number: string }[] } };

  it.each([
    ['number', 'ORDER_NUMBER'],
    ['subOrderNumber', 'SUB_ORDER_NUMBER'],
    ['trackingNumber', 'TRACKING_NUMBER'],
    ['phone', 'PHONE'],
  ] as const)('finds an order by its %s', async (key, kind) => {
    const found = await aShippedOrder();
    const { body } = await server.graphql<Search>(SEARCH, { q: ` ${found[key]} ` }, agent);
    expect(body.data?.search.kind).toBe(kind);
    expect(body.data?.search.orders.map((o) => o.number)).toContain(found.number);
  });

  it('reports a mistyped order number when nothing else matches', async () => {
    const found = await aShippedOrder();
    const typo = found.number.slice(0, 14) + found.number[15] + found.number[14];
    const { body } = await server.graphql<Search>(SEARCH, { q: typo }, agent);
    if (typo !== found.number)
      expect(body.data?.search).toEqual({ kind: 'NONE', invalidOrderNumber: true, orders: [] });
  });

  it('treats SQL metacharacters as plain text', async () => {
    const { body } = await server.graphql<Search>(SEARCH, { q: "1' OR '1'='1" }, agent);
    expect(body.data?.search).toEqual({ kind: 'NONE', invalidOrderNumber: false, orders: [] });
  });
});

describe('searching by phone (docs/domain.md §10)', () => {
  it('counts every candidate, aliases in one request included, audits each masked, and refuses past the limit', async () => {
    const ops = await loginAs(server, 'ops', 'ops123');
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `s${i}: search(query: "1390000${String(2000 + i).padStart(4, '0')}") { kind }`,
    ).join(' ');
    const { body } = await server.graphql(`{ ${aliases} }`, {}, ops);
    // Past the twelfth, refused (`search` being non-null, a refusal nulls the whole answer).
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.every((e) => e.extensions?.code === 'RATE_LIMITED')).toBe(true);
    // The order list's phone filter draws on the same allowance.
    const list = await server.graphql(
      'query($f: OrderFilter) { orders(filter: $f) { edges { cursor } } }',
      { f: { receiverPhone: '13900001111' } },
      ops,
    );
    expect(list.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const rows = (await server.db.dataSource.query(
      `SELECT a.after, a.reason FROM audit_log a JOIN staff s ON s.id = a.staff_id
       WHERE s.username = 'ops' AND a.action = 'SEARCH_BY_PHONE'`,
    )) as { after: { phone: string }; reason: string }[];
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.after.phone).toMatch(/^139\*{4}\d{4}$/);
      expect(row.reason).toBe('search box');
    }
    // Another staff member has an allowance of their own; looking up by order number is not counted.
    const manager = await loginAs(server, 'manager', 'manager123');
    const byFilter = await server.graphql(
      'query($f: OrderFilter) { orders(filter: $f) { edges { cursor } } }',
      { f: { receiverPhone: '13900001111' } },
      manager,
    );
    expect(byFilter.body.errors).toBeUndefined();
  });
});

describe('orders (the list)', () => {
  const LIST = `query($f: OrderFilter, $after: String) { orders(filter: $f, first: 25, after: $after) {
    edges { cursor node { number status createdAt } } pageInfo { hasNextPage endCursor } } }`;
  type List = {
    orders: {
      edges: { node: { number: string; status: string; createdAt: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };

  it('pages by cursor, newest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let previous = Infinity;
    for (let page = 0; page < 20; page++) {
      const { body } = (await server.graphql<List>(LIST, { f: {}, after }, agent)) as {
        body: { data?: List };
      };
      for (const { node } of body.data!.orders.edges) {
        const at = Date.parse(node.createdAt);
        expect(at).toBeLessThanOrEqual(previous);
        previous = at;
        seen.push(node.number);
      }
      if (!body.data!.orders.pageInfo.hasNextPage) break;
      after = body.data!.orders.pageInfo.endCursor;
    }
    const [{ count }] = await server.db.dataSource.query('SELECT count(*)::int AS count FROM orders');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(count);
  });

  it('filters by status and fulfilment status together', async () => {
    const { body } = await server.graphql<List>(
      LIST,
      { f: { status: 'SPLIT', fulfilmentStatus: 'SHIPPED' } },
      agent,
    );
    const numbers = body.data!.orders.edges.map((e) => e.node.number);
    expect(numbers.length).toBeGreaterThan(0);
    const rows: { n: number }[] = await server.db.dataSource.query(
      `SELECT count(*)::int AS n FROM orders o WHERE o.number = ANY($1) AND o.status = 'SPLIT'
       AND EXISTS (SELECT 1 FROM sub_orders s WHERE s.order_id = o.id AND s.status = 'SHIPPED')`,
      [numbers],
    );
    expect(rows[0]!.n).toBe(numbers.length);
  });

  it('refuses a forged cursor and an oversized page', async () => {
    const forged = await server.graphql(LIST, { f: {}, after: 'bm90LWEtY3Vyc29y' }, agent);
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const big = await server.graphql('{ orders(first: 101) { edges { cursor } } }', {}, agent);
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    // A huge page is refused by the cost limit before any resolver runs.
    const huge = await server.graphql('{ orders(first: 100000) { edges { cursor } } }', {}, agent);
    expect(huge.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(huge.body.data).toBeUndefined();
  });
});

describe('revealPersonalData', () => {
  const REVEAL =
    'mutation($n: String!, $r: String!) { revealPersonalData(input: { orderNumber: $n, reason: $r }) { personalData { phone address } } }';

  it('returns the full data, writes an audit row and a timeline entry, and is limited per day', async () => {
    const found = await aShippedOrder();
    const ops = await loginAs(server, 'ops', 'ops123');
    const { body } = await server.graphql<{ revealPersonalData: { personalData: { phone: string } } }>(
      REVEAL,
      { n: found.number, r: '客户来电核对地址' },
      ops,
    );
    expect(body.data?.revealPersonalData.personalData.phone).toBe(found.phone);
    const audit: { action: string; reason: string; role: string }[] = await server.db.dataSource.query(
      'SELECT action, reason, role FROM audit_log WHERE order_number = $1',
      [found.number],
    );
    expect(audit).toContainEqual({ action: 'REVEAL_PERSONAL_DATA', reason: '客户来电核对地址', role: 'OPS' });
    const timeline = await server.graphql<{ order: { timeline: { type: string }[] } }>(
      ORDER,
      { n: found.number },
      ops,
    );
    expect(timeline.body.data?.order.timeline.map((e) => e.type)).toContain('PERSONAL_DATA_REVEALED');

    await server.graphql(REVEAL, { n: found.number, r: 'second' }, ops);
    await server.graphql(REVEAL, { n: found.number, r: 'third' }, ops);
    const fourth = await server.graphql(REVEAL, { n: found.number, r: 'fourth' }, ops);
    expect(fourth.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('needs a reason and a session; an API key cannot reveal', async () => {
    const found = await aShippedOrder();
    const noReason = await server.graphql(REVEAL, { n: found.number, r: '  ' }, agent);
    expect(noReason.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const anonymous = await server.graphql(REVEAL, { n: found.number, r: 'x' });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const byKey = await server.graphql(REVEAL, { n: found.number, r: 'x' }, API_KEY);
    expect(byKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('allowedActions', () => {
  it('offers an agent no reassign and a manager everything, enabled by state', async () => {
    const found = await aShippedOrder();
    const QUERY =
      'query($n: String!) { subOrder(number: $n) { status allowedActions { action enabled reasonCode } } }';
    type Actions = {
      subOrder: {
        status: string;
        allowedActions: { action: string; enabled: boolean; reasonCode: string | null }[];
      };
    };
    const asAgent = await server.graphql<Actions>(QUERY, { n: found.subOrderNumber }, agent);
    expect(asAgent.body.data?.subOrder.allowedActions.map((a) => a.action)).toEqual([
      'INTERCEPT',
      'CANCEL',
      'ADD_NOTE',
      'REVEAL',
    ]);
    const manager = await loginAs(server, 'manager', 'manager123');
    const asManager = await server.graphql<Actions>(QUERY, { n: found.subOrderNumber }, manager);
    const cancel = asManager.body.data?.subOrder.allowedActions.find((a) => a.action === 'CANCEL');
    expect(cancel).toEqual({ action: 'CANCEL', enabled: false, reasonCode: 'STATE_FORBIDS' });
  });
});
