import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ production: true });
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

describe('introspection in production', () => {
  it('is refused to anyone but a signed-in admin', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await server.graphql(query);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(anonymous.response.status).toBe(403);
    expect(
      (await server.graphql(query, {}, await loginAs(server, 'manager', 'manager123'))).body.errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    const admin = await server.graphql(query, {}, await loginAs(server, 'admin', 'admin123'));
    expect(admin.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
