import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource } from '../../src/database/data-source.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { PersonalDataAtRest1764700000000 } from '../../src/database/migrations/1764700000000-personal-data-at-rest.js';
import {
  PersonalDataCipher,
  PersonalDataDecryptionError,
  personalDataCipher,
} from '../../src/privacy/personal-data-cipher.js';
import { seedReferenceData } from '../support/reference-data.js';
import { createOrder } from '../support/orders.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';
import { databaseUrl } from '../../src/testing/index.js';

/**
 * docs/reliability.md "Personal data": the receiver's phone and street address are stored encrypted, found by a blind
 * index, revealed in the clear only through the audited reveal (ADR 0009).
 */
let server: TestServer;
let agent: Record<string, string>;
let manager: Record<string, string>;

const PHONE = '13987654321';
const STREET = `隐私路 ${randomBytes(4).toString('hex')} 号 2 栋`;
let orderNumber: string;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  agent = await loginAs(server, 'agent', 'agent123');
  manager = await loginAs(server, 'manager', 'manager123');
  const order = await createOrder(server, {
    receiver: {
      name: '王五',
      phone: PHONE,
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      address: STREET,
    },
  });
  orderNumber = order.number;
});
afterAll(() => server?.close());

const rawOrder = async (): Promise<Record<string, unknown>> =>
  (await server.db.dataSource.query('SELECT * FROM orders WHERE number = $1', [orderNumber]))[0];

describe('receiver phone and address at rest', () => {
  it('are in no column of the order row, nor anywhere else in the database', async () => {
    const row = await rawOrder();
    const text = JSON.stringify(row);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(STREET);
    expect(text).not.toContain(STREET.replace(/\s/g, ''));
    expect(row.receiver_phone).toMatch(/^v1:/);
    expect(row.receiver_address).toMatch(/^v1:/);
    expect(row.receiver_phone_index).toBe(personalDataCipher().phoneIndex(PHONE));
    expect(row.receiver_address_key).toBe(
      personalDataCipher().addressIndex({
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        address: STREET,
      }),
    );

    const tables: { schema: string; name: string }[] = await server.db.dataSource.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const holding: string[] = [];
    for (const { schema, name } of tables) {
      const [{ n }] = await server.db.dataSource.query(
        `SELECT count(*)::int AS n FROM "${schema}"."${name}" t WHERE t::text LIKE $1 OR t::text LIKE $2`,
        [`%${PHONE}%`, `%${STREET}%`],
      );
      if (n > 0) holding.push(`${schema}.${name}`);
    }
    expect(holding).toEqual([]);
  });

  it('decrypt under the configured key, and under no other (GCM authentication fails)', async () => {
    const row = await rawOrder();
    expect(personalDataCipher().decrypt(row.receiver_phone as string)).toBe(PHONE);
    expect(personalDataCipher().decrypt(row.receiver_address as string)).toBe(STREET);
    const wrong = new PersonalDataCipher(randomBytes(32));
    expect(() => wrong.decrypt(row.receiver_phone as string)).toThrow(PersonalDataDecryptionError);
    expect(() => wrong.decrypt(row.receiver_phone as string)).toThrow(/authentication failed/);
  });

  it('are masked in the order as the API shows it (from the decrypted value)', async () => {
    const { body } = await server.graphql<{ order: { receiver: Record<string, string> } }>(
      'query($n: String!) { order(number: $n) { receiver { phone district address } } }',
      { n: orderNumber },
      agent,
    );
    expect(body.data?.order.receiver).toEqual({ phone: '139****4321', district: '西湖区', address: '****' });
  });

  it('are found by the full phone, however it is typed, through the blind index', async () => {
    for (const q of [PHONE, '+86 139-8765-4321']) {
      const { body } = await server.graphql<{ search: { kind: string; orders: { number: string }[] } }>(
        'query($q: String!) { search(query: $q) { kind orders { number } } }',
        { q },
        agent,
      );
      expect(body.data?.search, q).toEqual({ kind: 'PHONE', orders: [{ number: orderNumber }] });
    }
  });

  it('the phone search reads the blind-index index', async () => {
    const plan = await server.db.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await manager.query(
        `EXPLAIN SELECT id FROM orders WHERE receiver_phone_index = $1 ORDER BY created_at DESC, id DESC LIMIT 21`,
        [personalDataCipher().phoneIndex(PHONE)],
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('orders_receiver_phone_index_idx');
  });

  it('are revealed in full by the audited reveal', async () => {
    const { body } = await server.graphql<{ revealPersonalData: { personalData: Record<string, string> } }>(
      'mutation($n: String!) { revealPersonalData(input: { orderNumber: $n, reason: "customer called" }) { personalData { phone address } } }',
      { n: orderNumber },
      manager,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.revealPersonalData.personalData).toEqual({ phone: PHONE, address: STREET });
  });
});

describe('the blacklist', () => {
  it('keeps a phone as its blind index and shows it masked', async () => {
    const { body } = await server.graphql<{ addBlacklistEntry: { kind: string; value: string } }>(
      'mutation($i: AddBlacklistEntryInput!) { addBlacklistEntry(input: $i) { kind value } }',
      { i: { kind: 'PHONE', value: '+86 139 8765 4321', note: 'test' } },
      manager,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.addBlacklistEntry).toEqual({ kind: 'PHONE', value: '139****4321' });
    const [row] = await server.db.dataSource.query(
      "SELECT value, display FROM blacklist WHERE kind = 'PHONE'",
    );
    expect(row).toEqual({ value: personalDataCipher().phoneIndex(PHONE), display: '139****4321' });
    const listed = await server.graphql<{ blacklist: { value: string }[] }>(
      '{ blacklist { kind value } }',
      {},
      manager,
    );
    expect(listed.body.data?.blacklist).toEqual([{ kind: 'PHONE', value: '139****4321' }]);
  });
});

describe('the migration', () => {
  /** More than one batch of the migration's. */
  const RECEIVERS = 2_500;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: inject('adminUrl') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  it('encrypts and indexes the plaintext rows of an existing database, and the blacklist', async () => {
    const name = `oms_test_migrate_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const url = databaseUrl(inject('adminUrl'), name);
    const at = MIGRATIONS.indexOf(PersonalDataAtRest1764700000000);
    const before = createDataSource(url).setOptions({ migrations: MIGRATIONS.slice(0, at) });
    try {
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      const receivers = Array.from({ length: RECEIVERS }, (_, i) => ({
        n: i + 1,
        phone: `137${String(i).padStart(8, '0')}`,
        address: `旧路 ${i} 号`,
      }));
      await before.query(
        `INSERT INTO orders (number, shard, source, external_id, type, status, owner_id, customer_id, receiver_name,
           receiver_phone, receiver_province, receiver_city, receiver_district, receiver_address, receiver_address_key)
         SELECT lpad(r.n::text, 16, '0'), 0, 'SELF_OPERATED', 'old-' || r.n, 'NORMAL', 'PAID',
           'RETAILER', 'c', '赵六', r.phone, '上海市', '上海市', '徐汇区', r.address,
           CASE WHEN r.n % 2 = 0 THEN '上海市上海市徐汇区' || replace(r.address, ' ', '') END
         FROM jsonb_to_recordset($1::jsonb) AS r(n int, phone text, address text)`,
        [JSON.stringify(receivers)],
      );
      await before.query(
        `INSERT INTO blacklist (kind, value) VALUES ('PHONE', '13700000007'), ('ADDRESS', '上海市上海市徐汇区旧路9号'),
           ('ACCOUNT', 'u_42')`,
      );
    } finally {
      await before.destroy();
    }

    const after = createDataSource(url);
    try {
      await after.initialize();
      await after.runMigrations({ transaction: 'each' });
      const cipher = personalDataCipher();
      const rows: Record<string, string>[] = await after.query(
        'SELECT receiver_phone, receiver_address, receiver_phone_index, receiver_address_key FROM orders ORDER BY id',
      );
      expect(rows).toHaveLength(RECEIVERS);
      rows.forEach((row, i) => {
        const address = `旧路 ${i} 号`;
        expect(cipher.decrypt(row.receiver_phone!)).toBe(`137${String(i).padStart(8, '0')}`);
        expect(cipher.decrypt(row.receiver_address!)).toBe(address);
        expect(row.receiver_phone_index).toBe(cipher.phoneIndex(`137${String(i).padStart(8, '0')}`));
        expect(row.receiver_address_key).toBe(
          cipher.addressIndex({ province: '上海市', city: '上海市', district: '徐汇区', address }),
        );
      });
      const blacklist = await after.query('SELECT kind, value, display FROM blacklist ORDER BY id');
      expect(blacklist).toEqual([
        { kind: 'PHONE', value: cipher.phoneIndex('13700000007'), display: '137****0007' },
        {
          kind: 'ADDRESS',
          value: rows[9]!.receiver_address_key,
          display: '上海市上****',
        },
        { kind: 'ACCOUNT', value: 'u_42', display: 'u_42' },
      ]);
      const indexes: { indexname: string }[] = await after.query(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'orders' AND indexname LIKE 'orders_receiver_phone%'",
      );
      expect(indexes.map((i) => i.indexname)).toEqual(['orders_receiver_phone_index_idx']);
    } finally {
      await after.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
