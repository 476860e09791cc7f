import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/database/database.js';
import { APP_ROLE } from '../../src/database/migrations/1764800000000-app-role.js';
import { seedReferenceData } from '../support/reference-data.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// docs/reliability.md, test plan row "audit": UPDATE, DELETE and TRUNCATE on audit rows fail — by the triggers
// (audit.test.ts, as the owner) and because the server connects as a non-owner role, which can neither change the
// rows nor take the triggers away.

/** What the app role must not be able to do to the audit log, and what PostgreSQL says when it tries. */
const TAMPERING: [string, RegExp][] = [
  ["UPDATE audit_log SET reason = 'changed'", /permission denied/],
  ['DELETE FROM audit_log', /permission denied/],
  ['TRUNCATE audit_log', /permission denied/],
  ['ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner/],
  ['ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete', /must be owner/],
  ['DROP TRIGGER audit_log_no_update_delete ON audit_log', /must be owner/],
  ['DROP TRIGGER audit_log_no_truncate ON audit_log', /must be owner/],
  ['DROP FUNCTION audit_log_is_append_only() CASCADE', /must be owner/],
  [
    'CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
    /must be owner|permission denied/,
  ],
  ['DROP TABLE audit_log', /must be owner/],
  ['ALTER TABLE audit_log RENAME TO audit_log_old', /must be owner/],
  // Replica mode skips ordinary triggers: a superuser's setting only.
  ['SET session_replication_role = replica', /permission denied/],
  [`ALTER ROLE ${APP_ROLE} SUPERUSER`, /permission denied|must be superuser/],
];

async function auditRow(client: pg.Client, reason: string): Promise<void> {
  await client.query(
    `INSERT INTO audit_log (staff_id, role, action, reason)
     SELECT id, role, 'TEST', $1 FROM staff ORDER BY id LIMIT 1`,
    [reason],
  );
}

async function expectTamperingRefused(client: pg.Client): Promise<void> {
  const [{ n: before }] = (await client.query('SELECT count(*)::int AS n FROM audit_log')).rows;
  for (const [statement, refusal] of TAMPERING) {
    await expect(client.query(statement), statement).rejects.toThrow(refusal);
  }
  const { rows } = await client.query(
    `SELECT count(*)::int AS n,
            (SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass
               AND NOT tgisinternal AND tgenabled = 'O') AS triggers
       FROM audit_log`,
  );
  expect(rows[0]).toEqual({ n: before, triggers: 2 });
}

describe(`the app role ${APP_ROLE} in a migrated database`, () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db.dataSource);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // The test connects as the superuser that migrated the database and takes the app role's privileges, no more.
    await client.query(`SET ROLE ${APP_ROLE}`);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('owns nothing and is no superuser', async () => {
    const { rows } = await client.query(
      `SELECT current_user AS who, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      who: APP_ROLE,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: true, // for graphile-worker's private tables (migration 1764800000000)
      owned: 0,
    });
  });

  it('appends audit rows but can neither change, remove nor truncate them, nor drop or disable the triggers', async () => {
    await auditRow(client, 'written by the app role');
    await expectTamperingRefused(client);
    const { rows } = await client.query("SELECT reason FROM audit_log WHERE action = 'TEST'");
    expect(rows).toEqual([{ reason: 'written by the app role' }]);
  });

  it("does the product's work: reads and writes its tables and sequences, queues jobs", async () => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT count(*) FROM orders');
      await client.query(
        "UPDATE staff SET display_name = display_name WHERE username = 'agent' RETURNING id",
      );
      // Privileges are checked whether or not a row matches.
      await client.query('INSERT INTO blacklist (kind, value) SELECT kind, value FROM blacklist WHERE false');
      await client.query('DELETE FROM blacklist WHERE false');
      await client.query("SELECT nextval('order_number_seq')");
      await client.query("SELECT graphile_worker.add_job('app-role-test', '{}'::json)");
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'app-role-test'",
      );
      expect(rows[0].n).toBe(1);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});

describe('openDatabase over the embedded server (what `pnpm start` runs)', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oms-app-role-'));
    database = await openDatabase(
      { databaseUrl: undefined, appDatabaseUrl: undefined, dataDir: dir, embeddedPgPort: undefined },
      () => {},
    );
  });
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`migrates as the owner and then runs as ${APP_ROLE}, which cannot tamper with the audit log`, async () => {
    expect(new URL(database.ownerUrl).username).toBe('postgres');
    expect(new URL(database.url).username).toBe(APP_ROLE);
    const [{ who, superuser }] = await database.dataSource.query(
      "SELECT current_user AS who, current_setting('is_superuser') AS superuser",
    );
    expect({ who, superuser }).toEqual({ who: APP_ROLE, superuser: 'off' });
    expect(await database.dataSource.showMigrations()).toBe(false);

    await seedReferenceData(database.dataSource);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await auditRow(client, 'written by the running product');
      await expectTamperingRefused(client);
      await client.query("SELECT graphile_worker.add_job('app-role-test', '{}'::json)");
    } finally {
      await client.end();
    }
  });
});
