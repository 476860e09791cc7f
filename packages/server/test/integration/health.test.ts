import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { shippedOrder, step, wmsCallback } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

describe('the HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it('refuses order look-ups without a session', async () => {
    const { body } = await server.graphql('{ warehouses { code } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists the demo warehouses with stock to a signed-in agent', async () => {
    const headers = await loginAs(server, 'agent', 'agent123');
    const { body } = await server.graphql<{ warehouses: { code: string; stock: { available: number }[] }[] }>(
      '{ warehouses { code stock { sku available } } }',
      {},
      headers,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.warehouses.map((w) => w.code)).toEqual(['BJ01', 'CD01', 'GZ01', 'SH01', 'WH01']);
    expect(body.data?.warehouses[0]?.stock.length).toBeGreaterThan(10);
  });
});

describe('/metrics', () => {
  const scrape = () => server.metrics();
  /** The value of one series, 0 when it is absent. */
  const value = (text: string, series: string | RegExp) =>
    text
      .split('\n')
      .filter((l) => (typeof series === 'string' ? l.startsWith(`${series} `) : series.test(l)))
      .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);

  it('exposes request latency by operation, outbox dead letters and estimated orders by status', async () => {
    await server.graphql(
      'query Warehouses { warehouses { code } }',
      {},
      await loginAs(server, 'ops', 'ops123'),
    );
    const text = await scrape();
    // Not a name the console sends: labelled by its root field.
    expect(text).toMatch(/oms_graphql_request_seconds_count\{operation="query warehouses"\} [1-9]/);
    expect(text).not.toContain('operation="Warehouses"');
    expect(text).toContain('oms_outbox_dead_letters_total 0');
    expect(text).toContain('oms_outbox_dead_letters 0');
    expect(text).toContain('# TYPE oms_orders_estimated gauge');
  });

  it('takes only bounded operation labels: made-up names and broken documents add no series', async () => {
    const ops = await loginAs(server, 'ops', 'ops123');
    for (let i = 0; i < 5; i++) {
      await server.graphql(`query MadeUp${i} { me { id } }`, {}, ops);
      await server.graphql(`query Broken${i} { noSuchField${i} }`, {}, ops);
      await server.graphql(`query Unparsable${i} {`, {}, ops);
    }
    const text = await scrape();
    expect(text).not.toMatch(/MadeUp|Broken|Unparsable|noSuchField/);
    expect(value(text, 'oms_graphql_request_seconds_count{operation="query me"}')).toBeGreaterThanOrEqual(5);
    // Counted under their own codes, not as internal errors.
    expect(value(text, 'oms_graphql_errors_total{operation="other",code="GRAPHQL_PARSE_FAILED"}')).toBe(5);
    expect(value(text, 'oms_graphql_errors_total{operation="other",code="GRAPHQL_VALIDATION_FAILED"}')).toBe(
      5,
    );
    expect(text).not.toContain('code="INTERNAL_SERVER_ERROR"');
  });

  it('moves transitions, conflicts, queue depth, dead letters, webhook results and reveals when they happen', async () => {
    const ops = await loginAs(server, 'ops', 'ops123');
    const before = await scrape();

    // A paid order (PENDING_PAYMENT → PAID → SPLIT, and a dispatch waiting in the queue: no worker runs here),
    // shipped by its warehouse through the webhook (a FULFILMENT transition, an APPLIED delivery).
    const paid = await shippedOrder(server, [{ carrier: 'SF', trackingNumber: 'SF1400000000001' }]);
    // A bad signature.
    expect(
      (await wmsCallback(server, paid.warehouseCode!, step(paid.subOrderNumber, 'SHIPPED'), 'wrong')).status,
    ).toBe(401);
    // A stale version.
    const stale = await server.graphql(
      'mutation CancelOrder($i: CancelOrderInput!) { cancelOrder(input: $i) { order { status } } }',
      { i: { number: paid.orderNumber, reason: 'x', expectedVersion: 999 } },
      ops,
    );
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    // A reveal.
    const reveal = await server.graphql(
      'mutation Reveal($i: RevealPersonalDataInput!) { revealPersonalData(input: $i) { personalData { phone } } }',
      { i: { orderNumber: paid.orderNumber, reason: '客户来电核对地址' } },
      ops,
    );
    expect(reveal.body.errors).toBeUndefined();
    // A dead letter, as the worker would leave it.
    await server.db.dataSource.query(
      "UPDATE outbound_messages SET status = 'DEAD_LETTER' WHERE id = (SELECT min(id) FROM outbound_messages)",
    );
    await server.db.dataSource.query('ANALYZE orders');

    const after = await scrape();
    const moved = (series: string | RegExp) => value(after, series) - value(before, series);
    expect(moved('oms_transitions_total{strand="ORDER",from="PENDING_PAYMENT",to="PAID"}')).toBe(1);
    expect(moved(/^oms_transitions_total\{strand="FULFILMENT",from="[A-Z_]+",to="SHIPPED"\} /)).toBe(1);
    expect(moved('oms_conflicts_total{operation="CancelOrder",code="VERSION_CONFLICT"}')).toBe(1);
    expect(moved('oms_graphql_errors_total{operation="CancelOrder",code="VERSION_CONFLICT"}')).toBe(1);
    expect(moved('oms_webhook_results_total{source="wms",outcome="APPLIED"}')).toBe(1);
    expect(moved('oms_webhook_results_total{source="wms",outcome="BAD_SIGNATURE"}')).toBe(1);
    expect(moved('oms_personal_data_reveals_total{outcome="REVEALED"}')).toBe(1);
    expect(moved('oms_outbox_dead_letters')).toBe(1);
    expect(value(after, 'oms_queue_jobs{task="deliver-outbound",state="waiting"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'oms_orders_estimated_total')).toBeGreaterThanOrEqual(1);
  });
});

describe('/metrics access', () => {
  it('outside demo mode answers only Authorization: Bearer <OMS_METRICS_TOKEN>, 401 to anyone else', async () => {
    const token = server.config.metricsToken!;
    expect(token).toBeTruthy();
    const status = async (headers: Record<string, string>) =>
      (await fetch(`${server.url}/metrics`, { headers })).status;
    expect(await status({})).toBe(401);
    expect(await status({ authorization: `Bearer ${token}x` })).toBe(401);
    expect(await status({ authorization: `Bearer ${token.slice(0, -1)}` })).toBe(401);
    expect(await status({ authorization: token })).toBe(401);
    expect(await status({ authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` })).toBe(
      401,
    );
    const refused = await fetch(`${server.url}/metrics`);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await refused.text()).not.toContain('oms_');
    const scraped = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('oms_outbox_dead_letters');
  });

  it('is open without a token, as in demo mode', async () => {
    const open = await startTestServer({ metricsToken: undefined, demo: true });
    try {
      const response = await fetch(`${open.url}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('oms_outbox_dead_letters');
    } finally {
      await open.close();
    }
  });
});
