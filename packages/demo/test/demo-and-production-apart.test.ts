import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEMO_SEEDED,
  hashPassword,
  hasMarker,
  hmacSignature,
  kuaidi100Sign,
  StaffEntity,
  StartRefused,
} from '@oms/server';
import {
  createTestDatabase,
  findFreePort,
  outputContains,
  spawnScript,
  TEST_SECRETS,
  type ProductProcess,
  type TestDatabase,
} from '@oms/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { claimForDemo } from '../src/demo-mode.js';
import {
  DEMO_API_KEY,
  DEMO_KUAIDI100_SALT,
  DEMO_LOGINS,
  DEMO_PAYMENT_SECRET,
  DEMO_WMS_SECRET,
} from '../src/seed/demo-accounts.js';
import { seedReferenceData } from '../src/seed/demo.js';
import { DEMO_WAREHOUSES } from '../src/seed/demo-warehouses.js';

// Issue 15, docs/adr/0013: the demo's logins, key and secrets never work outside demo mode. A database seeded by the
// start command in demo mode, where each of them works, is then started with OMS_DEMO=off (every production secret
// given) by the start command and by the product alone: both refuse it before listening, so each of them is refused.

const START = fileURLToPath(new URL('../dist/start.js', import.meta.url));
const SERVER_MAIN = join(dirname(createRequire(import.meta.url).resolve('@oms/server')), 'main.js');

/** One use of each public demo credential against the server at `url`: true when it was accepted. */
const CREDENTIALS: Readonly<Record<string, (url: string) => Promise<boolean>>> = {
  ...Object.fromEntries(
    DEMO_LOGINS.map((login) => [
      `${login.username} / ${login.password}`,
      async (url: string) => {
        const body = await graphql(
          url,
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          {
            u: login.username,
            p: login.password,
          },
        );
        return Boolean(body.data);
      },
    ]),
  ),
  [DEMO_API_KEY.key]: async (url) => {
    const body = await graphql(
      url,
      '{ warehouses { code } }',
      {},
      { authorization: `ApiKey ${DEMO_API_KEY.key}` },
    );
    return body.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED';
  },
  [DEMO_WMS_SECRET]: async (url) =>
    signedJson(`${url}/webhooks/wms/${DEMO_WAREHOUSES[0]!.code}`, DEMO_WMS_SECRET),
  [DEMO_PAYMENT_SECRET]: async (url) => signedJson(`${url}/webhooks/payments/ALIPAY`, DEMO_PAYMENT_SECRET),
  [DEMO_KUAIDI100_SALT]: async (url) => {
    const param = JSON.stringify({
      lastResult: { com: 'shunfeng', nu: 'SF0000000000', state: '0', data: [] },
    });
    const response = await fetch(`${url}/webhooks/carriers/kuaidi100`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ param, sign: kuaidi100Sign(param, DEMO_KUAIDI100_SALT) }).toString(),
    });
    return response.status !== 401;
  },
};

async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

/** A signed empty JSON body: 401 when the signature is refused, 400 (no such event) when it is accepted. */
async function signedJson(url: string, secret: string): Promise<boolean> {
  const body = '{}';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-oms-signature': hmacSignature(body, secret) },
    body,
  });
  return response.status !== 401;
}

/** What each credential got: accepted, refused, or no server to ask (the connection refused). */
async function tryEach(url: string): Promise<Record<string, 'accepted' | 'refused' | 'no server'>> {
  const results: Record<string, 'accepted' | 'refused' | 'no server'> = {};
  for (const [name, use] of Object.entries(CREDENTIALS)) {
    try {
      results[name] = (await use(url)) ? 'accepted' : 'refused';
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code !== 'ECONNREFUSED') throw error;
      results[name] = 'no server';
    }
  }
  return results;
}

let db: TestDatabase;
let port: number;
const url = () => `http://127.0.0.1:${port}`;

/** `script` on this test's database, port and `env`. */
const start = (script: string, env: Record<string, string>): ProductProcess =>
  spawnScript(script, {
    DATABASE_URL: db.url,
    OMS_APP_DATABASE_URL: '',
    PORT: String(port),
    OMS_DEMO_ORDERS: '0',
    OMS_SIMULATORS: 'off',
    OMS_SHUTDOWN_DRAIN_MS: '0',
    ...env,
  });

beforeAll(async () => {
  db = await createTestDatabase(inject('adminUrl'));
  port = await findFreePort();
}, 120_000);
afterAll(() => db?.drop());

describe('a database seeded in demo mode', () => {
  it("takes every demo credential while demo mode runs on it (the start command's seed)", async () => {
    const demo = start(START, { OMS_DEMO: 'on' });
    try {
      await outputContains(demo, 'OMS ready', 120_000);
      expect(await hasMarker(db.dataSource, DEMO_SEEDED)).toBe(true);
      const results = await tryEach(url());
      expect(results).toEqual(Object.fromEntries(Object.keys(CREDENTIALS).map((name) => [name, 'accepted'])));
    } finally {
      expect(await demo.stop('SIGTERM'), demo.output()).toBe(0);
    }
  }, 180_000);

  it.each([
    ['the start command with OMS_DEMO=off', START],
    ['the product alone', SERVER_MAIN],
  ])(
    'is refused by %s, every production secret given: each demo credential with it',
    async (_, script) => {
      const product = start(script, { ...TEST_SECRETS, OMS_DEMO: 'off' });
      const seen: Record<string, string>[] = [];
      // Ask with every credential while the process lives, and once after: there is never a server to take one.
      const until = Date.now() + 60_000;
      while (product.child.exitCode === null && product.child.signalCode === null && Date.now() < until) {
        seen.push(await tryEach(url()));
        await new Promise((r) => setTimeout(r, 100));
      }
      seen.push(await tryEach(url()));
      expect(await product.exited, product.output()).toBe(1);
      expect(product.output()).toContain('was seeded in demo mode');
      expect(product.output()).toContain('For production, give the product a database of its own');
      expect(product.output()).not.toContain('OMS ready');
      for (const results of seen)
        expect(results).toEqual(
          Object.fromEntries(Object.keys(CREDENTIALS).map((name) => [name, 'no server'])),
        );
    },
    120_000,
  );
});

describe('demo mode on a database it did not seed', () => {
  it('refuses one with staff accounts of its own, and marks one seeded before the mark existed', async () => {
    const real = await createTestDatabase(inject('adminUrl'));
    const old = await createTestDatabase(inject('adminUrl'));
    try {
      await real.dataSource.getRepository(StaffEntity).insert({
        username: 'admin',
        displayName: 'Administrator',
        role: 'ADMIN',
        passwordHash: await hashPassword('a real admin password'),
        createdAt: new Date(),
        disabledAt: null,
      });
      await expect(claimForDemo(real.dataSource)).rejects.toThrow(StartRefused);
      await expect(claimForDemo(real.dataSource)).rejects.toThrow(/demo mode did not seed/);
      expect(await hasMarker(real.dataSource, DEMO_SEEDED)).toBe(false);

      await seedReferenceData(old.dataSource);
      await old.dataSource.query('DELETE FROM database_markers');
      await claimForDemo(old.dataSource);
      expect(await hasMarker(old.dataSource, DEMO_SEEDED)).toBe(true);
    } finally {
      await real.drop();
      await old.drop();
    }
  });
});
