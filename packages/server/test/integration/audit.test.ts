import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { createOrder } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

describe('the audit log', () => {
  it('gets a row per staff mutation in its transaction, readable by managers only, and can be neither changed nor removed', async () => {
    const agent = await loginAs(server, 'agent', 'agent123');
    const order = await createOrder(server);
    await server.graphql(
      'mutation($n: String!) { cancelOrder(input: { number: $n, reason: "审计测试" }) { order { status } } }',
      { n: order.number },
      agent,
    );
    const manager = await loginAs(server, 'manager', 'manager123');
    const { body } = await server.graphql<{
      auditLog: { edges: { node: { action: string; reason: string; role: string; orderNumber: string } }[] };
    }>(
      'query($n: String) { auditLog(filter: { orderNumber: $n }) { edges { node { action reason role orderNumber } } } }',
      { n: order.number },
      manager,
    );
    expect(body.data!.auditLog.edges.map((e) => e.node)).toEqual([
      { action: 'CANCEL_ORDER', reason: '审计测试', role: 'AGENT', orderNumber: order.number },
    ]);
    expect(
      (await server.graphql('{ auditLog { edges { cursor } } }', {}, agent)).body.errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');

    for (const tamper of [
      "UPDATE audit_log SET reason = 'changed'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ]) {
      await expect(server.db.dataSource.query(tamper), tamper).rejects.toThrow(/append-only/);
    }
    const [{ n }] = await server.db.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE reason = '审计测试'",
    );
    expect(n).toBe(1);
  });
});
