import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../../src/seed/demo.js';
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
    expect(await ready.json()).toEqual({ status: 'ready' });
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
  it('exposes request latency by operation, outbox depth and orders by status', async () => {
    await server.graphql(
      'query Warehouses { warehouses { code } }',
      {},
      await loginAs(server, 'ops', 'ops123'),
    );
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/oms_graphql_request_seconds_count\{operation="Warehouses"\} 1/);
    expect(text).toContain('oms_outbox_dead_letters_total 0');
    expect(text).toContain('# TYPE oms_orders gauge');
  });
});
