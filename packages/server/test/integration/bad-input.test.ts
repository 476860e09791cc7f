import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { API_KEY, createOrder, orderInput } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

// docs/reliability.md, test plan rows "bad input": GraphQL limits (depth, alias, token, cost, directives, size, batched
// bodies, `first: 100000`) refuse before any resolver runs; bad values are BAD_USER_INPUT naming the field with no
// SQL in any error; Apollo's CSRF prevention is on.

let server: TestServer;
let agent: Record<string, string>;
let manager: Record<string, string>;
/** Every error message this file saw: none may carry SQL. */
const messages: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  agent = await loginAs(server, 'agent', 'agent123');
  manager = await loginAs(server, 'manager', 'manager123');
});
afterAll(() => server?.close());

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function send(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = agent,
): Promise<{ body: Body; status: number }> {
  const { body, response } = await server.graphql(query, variables, headers);
  for (const error of body.errors ?? []) messages.push(error.message);
  return { body, status: response.status };
}

/**
 * Sends an operation and returns the SQL it ran apart from the session look-up that identifies the caller (which runs
 * while the request's context is built, before GraphQL sees the operation). An operation refused before any resolver
 * runs leaves that list empty; every operation used below reads the database as soon as its resolver runs.
 */
async function statementsOf(query: string, variables: Record<string, unknown> = {}, headers = agent) {
  server.db.counter.reset();
  const result = await send(query, variables, headers);
  const statements = server.db.counter.statements
    .map((s) => s.query)
    .filter((sql) => !/"sessions"|\bsessions\b/.test(sql));
  return { ...result, statements };
}

const ORDERS = 'query($f: Int) { orders(first: $f) { edges { node { number } } } }';

describe('limits refuse an operation before any resolver runs', () => {
  it('runs the resolvers of an ordinary list (so the check below can fail)', async () => {
    await createOrder(server);
    const { body, statements } = await statementsOf(ORDERS, { f: 100 });
    expect(body.errors).toBeUndefined();
    expect(statements.length).toBeGreaterThan(0);
  });

  const connection = 'orders(first: 5) { edges { node { number } } }';
  const cases: [string, string, RegExp][] = [
    [
      'depth',
      `{ order(number: "1") { ${'subOrders { order { '.repeat(8)}number${' } }'.repeat(8)} } }`,
      /depth/i,
    ],
    ['aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: ${connection}`).join(' ')} }`, /alias/i],
    [
      'tokens',
      `{ orders(first: 5) { edges { node { ${Array.from({ length: 3_100 }, () => 'number').join(' ')} } } } }`,
      /more th\w+ 3000 tokens/i,
    ],
    [
      'cost',
      `{ ${Array.from(
        { length: 10 },
        (_, i) =>
          `a${i}: orders(first: 100) { edges { node { number subOrders { number lines { sku } shipments { trackingNumber events { context } } } } } }`,
      ).join(' ')} }`,
      /cost limit/i,
    ],
    [
      'directives',
      `{ orders(first: 5) { edges { ${Array.from({ length: 51 }, () => 'cursor @include(if: true)').join(' ')} } } }`,
      /directives limit/i,
    ],
    ['first: 100000 inline', '{ orders(first: 100000) { edges { node { number } } } }', /limit|first/i],
  ];
  it.each(cases)('%s', async (_name, query, message) => {
    const { body, status, statements } = await statementsOf(query);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(status).toBe(400);
    expect(statements).toEqual([]);
  });

  it('refuses `first` over 100 (or under 1) passed as a variable, naming the field, with 100 itself allowed', async () => {
    for (const first of [100_000, 101, 0, -1]) {
      const { body, status, statements } = await statementsOf(ORDERS, { f: first });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(status).toBe(400);
      expect(statements).toEqual([]);
    }
    // Every connection, not only the order list.
    const queue = await statementsOf(
      'query($f: Int) { interceptions(first: $f) { edges { cursor } } }',
      { f: 500 },
      manager,
    );
    expect(queue.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(queue.statements).toEqual([]);
    // Through a fragment too.
    const fragment = await statementsOf(
      'query($f: Int) { ...list } fragment list on Query { orders(first: $f) { edges { cursor } } }',
      { f: 1_000 },
    );
    expect(fragment.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(fragment.statements).toEqual([]);
    expect((await send(ORDERS, { f: 100 })).body.errors).toBeUndefined();
  });

  it('refuses a batched body and a body over 512 KiB before reading anything', async () => {
    server.db.counter.reset();
    const batched = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...agent },
      body: JSON.stringify([{ query: '{ orders { edges { cursor } } }' }, { query: '{ me { id } }' }]),
    });
    expect(batched.status).toBe(400);
    const huge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...agent },
      body: JSON.stringify({
        query: '{ orders { edges { cursor } } }',
        variables: { pad: 'x'.repeat(513 * 1024) },
      }),
    });
    expect(huge.status).toBe(413);
    expect(server.db.counter.statements.filter((s) => !/sessions/.test(s.query))).toEqual([]);
    // Just under the limit is a request like any other (bulk lists travel as variables).
    const under = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...agent },
      body: JSON.stringify({ query: '{ me { username } }', variables: { pad: 'x'.repeat(500 * 1024) } }),
    });
    expect(under.status).toBe(200);
  });
});

const CREATE = 'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } } }';
const PAY = 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { number } } }';
const NOTE = 'mutation($i: AddOrderNoteInput!) { addOrderNote(input: $i) { order { number } } }';
const CANCEL = 'mutation($i: CancelOrderInput!) { cancelOrder(input: $i) { order { status } } }';

async function count(table: string): Promise<number> {
  const [{ n }] = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

describe('bad values are BAD_USER_INPUT naming the field, and change nothing', () => {
  const line = (salePriceFen: number, quantity = 1) => [
    { sku: 'SKU-100008', title: '坚果', quantity, salePriceFen },
  ];
  const receiver = (phone: string) => ({
    name: '张三',
    phone,
    province: '上海市',
    city: '上海市',
    district: '浦东新区',
    address: `测试路 ${Date.now()} 号`,
  });
  it.each([
    ['negative freight', { freightFen: -1 }, 'freightFen'],
    ['negative price', { lines: line(-5) }, 'lines[0].salePriceFen'],
    ['fractional price', { lines: line(12.5) }, 'lines[0].salePriceFen'],
    ['fractional freight', { freightFen: 0.01 }, 'freightFen'],
    ['fractional quantity', { lines: line(100, 1.5) }, 'lines[0].quantity'],
    ['money as a string', { freightFen: '10 yuan' }, 'freightFen'],
    ['short phone', { receiver: receiver('12345') }, 'receiver.phone'],
    ['phone with a letter', { receiver: receiver('1381234567a') }, 'receiver.phone'],
    ['phone with SQL', { receiver: receiver("13812345678' OR '1'='1") }, 'receiver.phone'],
    [
      'a NUL character',
      { receiver: { ...receiver('13812345678'), address: 'a\u0000b' } },
      'receiver.address',
    ],
  ])('createOrder: %s', async (_name, overrides, field) => {
    const before = await count('orders');
    const { body } = await send(CREATE, { i: orderInput(overrides) }, API_KEY);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors?.[0]?.message).toContain(field);
    expect(await count('orders')).toBe(before);
  });

  it.each([
    ['negative', -100],
    ['fractional', 0.5],
  ])('recordPayment: a %s amount', async (_name, amountFen) => {
    const order = await createOrder(server);
    const before = await count('payments');
    const { body } = await send(
      PAY,
      {
        i: {
          orderNumber: order.number,
          method: 'ALIPAY',
          amountFen,
          transactionNo: `bad-${order.number}`,
          status: 'SUCCEEDED',
          occurredAt: new Date().toISOString(),
        },
      },
      API_KEY,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountFen' });
    expect(await count('payments')).toBe(before);
  });

  it('refuses a 10,000-character note or reason and writes nothing', async () => {
    const order = await createOrder(server);
    const [events, audits] = [await count('order_events'), await count('audit_log')];
    const long = '长'.repeat(10_000);
    const note = await send(NOTE, { i: { orderNumber: order.number, text: long } });
    expect(note.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const cancel = await send(CANCEL, { i: { number: order.number, reason: long } });
    expect(cancel.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const nul = await send(NOTE, { i: { orderNumber: order.number, text: 'a\u0000b' } });
    expect(nul.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const missing = await send(NOTE, { i: { orderNumber: order.number } });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect([await count('order_events'), await count('audit_log')]).toEqual([events, audits]);
  });

  it('treats SQL metacharacters in search and filters as text: no match, no error, nothing dropped', async () => {
    const order = await createOrder(server);
    const orders = await count('orders');
    const injections = [
      "' OR 1=1 --",
      "'; DROP TABLE orders; --",
      `${order.number}' OR '1'='1`,
      '%',
      '_',
      '\\',
      '"; SELECT pg_sleep(5); --',
    ];
    for (const text of injections) {
      const search = await send('query($q: String!) { search(query: $q) { kind orders { number } } }', {
        q: text,
      });
      expect(search.body.errors, text).toBeUndefined();
      expect(search.body.data, text).toEqual({ search: { kind: 'NONE', orders: [] } });
      for (const field of ['receiverPhone', 'trackingNumber', 'warehouseCode']) {
        const list = await send(
          `query($v: String) { orders(filter: { ${field}: $v }) { edges { node { number } } } }`,
          { v: text },
        );
        expect(list.body.errors, `${field} ${text}`).toBeUndefined();
        expect(list.body.data, `${field} ${text}`).toEqual({ orders: { edges: [] } });
      }
    }
    const cursor = await send('query($a: String) { orders(after: $a) { edges { cursor } } }', {
      a: "'; DROP TABLE orders; --",
    });
    expect(cursor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const nul = await send('query($q: String!) { search(query: $q) { kind } }', { q: 'x\u0000' });
    expect(nul.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(await count('orders')).toBe(orders);
  });

  it('answers a crafted cursor with BAD_USER_INPUT naming after, on every keyset list', async () => {
    const crafted = [
      ['2026-01-01T00:00:00.000Z', '99999999999999999999999'], // an id past bigint
      ['+275760-09-13T00:00:00.000Z', '1'], // a time PostgreSQL takes but no row of ours has
      [Number.MAX_VALUE, '1'],
      ['2026-01-01T00:00:00.000Z'],
      { id: '1' },
    ].map((value) => Buffer.from(JSON.stringify(value)).toString('base64url'));
    const lists = [
      'orders(after: $a) { edges { cursor } }',
      'interceptions(after: $a) { edges { cursor } }',
      'lateSubOrders(after: $a) { edges { cursor } }',
      'subOrders(after: $a) { edges { cursor } }',
      'failedRefunds(after: $a) { edges { cursor } }',
    ];
    for (const list of lists) {
      for (const after of crafted) {
        const { body } = await send(`query($a: String) { ${list} }`, { a: after }, manager);
        expect(body.errors?.[0]?.extensions, `${list} ${after}`).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'after',
        });
      }
    }
  });

  it('stores metacharacters verbatim where text is allowed', async () => {
    const order = await createOrder(server);
    const text = 'Robert\'); DROP TABLE orders; -- "% _ \\';
    const { body } = await send(NOTE, { i: { orderNumber: order.number, text } });
    expect(body.errors).toBeUndefined();
    const [row] = await server.db.dataSource.query(
      "SELECT reason FROM order_events WHERE type = 'NOTE_ADDED' ORDER BY at DESC LIMIT 1",
    );
    expect(row.reason).toBe(text);
  });
});

describe("Apollo's CSRF prevention", () => {
  const blocked = /Cross-Site Request Forgery/;
  it('refuses a GET without a preflight header, and a mutation over GET at all', async () => {
    const query = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(query.status).toBe(400);
    expect(await query.text()).toMatch(blocked);
    const mutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { 'apollo-require-preflight': 'true', ...agent },
    });
    expect(mutation.status).toBe(405);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a POST of content type %s (what a cross-site form can send): no session, no cookie',
    async (contentType) => {
      const sessions = await count('sessions');
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify({
          query: 'mutation { login(username: "agent", password: "agent123") { token } }',
        }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(blocked);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await count('sessions')).toBe(sessions);
    },
  );
});

describe('errors', () => {
  it('carried no SQL, table names or stack traces in anything this file was told', () => {
    expect(messages.length).toBeGreaterThan(20);
    for (const message of messages) {
      expect(message).not.toMatch(
        /\bSELECT\b|\bINSERT INTO\b|\bUPDATE\s+"|\bWHERE\b|relation "|violates|duplicate key|invalid input syntax|invalid byte sequence|\bat .+\.(ts|js):\d+/i,
      );
    }
  });
});
