import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../config.js';
import { createApp } from '../http/app.js';
import { GraphileOutbox } from '../jobs/outbox.js';
import { usePersonalDataKey } from '../privacy/personal-data-cipher.js';
import { createServices, type Services } from '../services/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_SECRETS } from './test-secrets.js';

/** The product on a real HTTP port over a test database, as clients see it. */
export interface TestServer {
  readonly url: string;
  readonly db: TestDatabase;
  readonly config: Config;
  /** The use cases the app runs on, for tests that drive one directly (a job's, say). */
  readonly services: Services;
  readonly close: () => Promise<void>;
  /** GET /metrics as Prometheus scrapes it (with the configuration's Bearer token); the text. */
  readonly metrics: () => Promise<string>;
  /** POSTs a GraphQL operation; returns the parsed body and the response. */
  readonly graphql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => Promise<{
    body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    response: Response;
  }>;
}

/** The configuration of the product alone, as the tests run it: the defaults with the tests' secrets. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ ...TEST_SECRETS }), ...overrides };
}

/**
 * Starts the app (the product alone) on a free port over a fresh database on the server behind `adminUrl`, with the
 * tests' secrets (its personal-data key becomes this process's).
 */
export async function startTestServer(
  adminUrl: string,
  overrides: Partial<Config> = {},
): Promise<TestServer> {
  const db = await createTestDatabase(adminUrl);
  const config = testConfig(overrides);
  usePersonalDataKey(config.personalDataKey);
  const services = createServices(db.dataSource, config, new GraphileOutbox(config.dispatchMaxAttempts));
  const app = await createApp(db.dataSource, services, config);
  const server: Server = createServer(app.express);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    config,
    services,
    graphql: async (query, variables = {}, headers = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { body: (await response.json()) as never, response };
    },
    metrics: async () => {
      const response = await fetch(`${url}/metrics`, {
        headers: config.metricsToken ? { authorization: `Bearer ${config.metricsToken}` } : {},
      });
      if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
      return response.text();
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await db.drop();
    },
  };
}

/** Logs in and returns the Bearer header for that staff member. */
export async function loginAs(
  server: TestServer,
  username: string,
  password: string,
): Promise<Record<string, string>> {
  const { body } = await server.graphql<{ login: { token: string } }>(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return { authorization: `Bearer ${body.data.login.token}` };
}
