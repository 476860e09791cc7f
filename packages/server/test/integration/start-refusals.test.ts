import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_SEEDED } from '../../src/database/markers.js';
import { TEMPLATE_DATABASE, TEST_SECRETS, databaseUrl } from '../../src/testing/index.js';
import {
  createProductDatabase,
  spawnProduct,
  startProductServer,
  type ProductDatabase,
} from '../support/product-process.js';

// What a production start (the built dist/main.js and dist/worker-main.js, outside demo mode) refuses, as a process:
// status 1, the reason and what to do on stderr, and nothing listening. loadConfig's own cases are in config.spec.ts.

const SECRETS = Object.keys(TEST_SECRETS) as (keyof typeof TEST_SECRETS)[];
/** The tests' secrets all unset (spawnProduct gives them; an empty value is no value). */
const NO_SECRETS = Object.fromEntries(SECRETS.map((name) => [name, '']));

/** Runs a built entry to its end; its exit status and output. */
async function runToEnd(entry: string, env: Record<string, string>) {
  const product = spawnProduct(entry, { OMS_DEMO: 'off', ...env });
  const status = await Promise.race([
    product.exited,
    new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 60_000)),
  ]);
  if (status === 'still running') await product.stop('SIGKILL');
  return { status, output: product.output() };
}

let seeded: ProductDatabase;
beforeAll(async () => {
  seeded = await createProductDatabase();
});
afterAll(() => seeded?.drop());

describe('outside demo mode, a start without its secrets', () => {
  it('is refused by the server before it opens the database, naming every missing secret', async () => {
    const { status, output } = await runToEnd('main.js', { DATABASE_URL: seeded.url, ...NO_SECRETS });
    expect(status, output).toBe(1);
    expect(output).toContain('OMS did not start');
    for (const name of SECRETS) expect(output).toContain(name);
    expect(output).not.toContain('OMS ready');
    expect(await seeded.otherConnections()).toBe(0);
  });

  it('is refused by the separate worker too', async () => {
    const { status, output } = await runToEnd('worker-main.js', { DATABASE_URL: seeded.url, ...NO_SECRETS });
    expect(status, output).toBe(1);
    for (const name of SECRETS.filter((n) => n !== 'OMS_ADMIN_PASSWORD')) expect(output).toContain(name);
    expect(output).not.toContain('OMS worker running');
  });

  it.each([['OMS_METRICS_TOKEN'], ['OMS_KUAIDI100_SALT']] as const)(
    'is refused for %s alone, naming it',
    async (name) => {
      const { status, output } = await runToEnd('main.js', { DATABASE_URL: seeded.url, [name]: '' });
      expect(status, output).toBe(1);
      expect(output).toContain(name);
      for (const other of SECRETS.filter((n) => n !== name && n !== 'OMS_ADMIN_PASSWORD'))
        expect(output).not.toContain(other);
    },
  );

  it('with OMS_DEMO=on is refused by the product alone (demo mode needs the start command)', async () => {
    const { status, output } = await runToEnd('main.js', { DATABASE_URL: seeded.url, OMS_DEMO: 'on' });
    expect(status, output).toBe(1);
    expect(output).toContain('OMS_DEMO=on needs the start command (pnpm start)');
  });
});

describe('outside demo mode, the database', () => {
  /** A migrated database with no staff and no marker, and how to drop it. */
  async function emptyDatabase() {
    const adminUrl = inject('adminUrl');
    const name = `oms_empty_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    await admin.end();
    return {
      url: databaseUrl(adminUrl, name),
      drop: async () => {
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }

  it('with no staff account refuses to start without OMS_ADMIN_PASSWORD; with it, creates admin', async () => {
    const empty = await emptyDatabase();
    try {
      const refused = await runToEnd('main.js', { DATABASE_URL: empty.url, OMS_ADMIN_PASSWORD: '' });
      expect(refused.status, refused.output).toBe(1);
      expect(refused.output).toContain('No staff account exists yet: set OMS_ADMIN_PASSWORD');
      expect(refused.output).not.toContain('OMS ready');

      const server = await startProductServer({ DATABASE_URL: empty.url, OMS_DEMO: 'off' });
      try {
        const login = async (password: string) => {
          const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: 'mutation($p: String!) { login(username: "admin", password: $p) { staff { role } } }',
              variables: { p: password },
            }),
          });
          return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        };
        expect((await login(TEST_SECRETS.OMS_ADMIN_PASSWORD)).data).toEqual({
          login: { staff: { role: 'ADMIN' } },
        });
        expect((await login('admin123')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      } finally {
        await server.stop();
      }
    } finally {
      await empty.drop();
    }
  });

  it('marked as seeded in demo mode is refused by the server and the worker, saying what to do', async () => {
    const demo = await emptyDatabase();
    try {
      const client = new pg.Client({ connectionString: demo.url });
      await client.connect();
      await client.query('INSERT INTO database_markers (name) VALUES ($1)', [DEMO_SEEDED]);
      await client.end();
      for (const entry of ['main.js', 'worker-main.js']) {
        const { status, output } = await runToEnd(entry, { DATABASE_URL: demo.url });
        expect(status, `${entry}: ${output}`).toBe(1);
        expect(output).toContain('was seeded in demo mode');
        expect(output).toContain('give the product a database of its own');
        expect(output).not.toContain('OMS ready');
        expect(output).not.toContain('OMS worker running');
      }
    } finally {
      await demo.drop();
    }
  });
});
