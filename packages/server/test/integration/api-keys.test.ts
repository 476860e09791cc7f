import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderInput } from '../support/orders.js';
import { seedReferenceData } from '../support/reference-data.js';
import { loginAs, startTestServer, type TestServer } from '../support/test-server.js';

// docs/administration.md "API keys": ADMIN makes a key with scopes (shown once, stored as its hash), it works for what
// its scopes allow and nothing else, revoking it refuses it from its very next request; each change audited with no
// secret in the row; bad input changes nothing.

let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
  admin = await loginAs(server, 'admin', 'admin123');
});
afterAll(() => server?.close());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
interface Key {
  id: string;
  name: string;
  scopes: string[];
  keyPrefix: string | null;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
  lastUsedAt: string | null;
}
const KEY =
  'id name scopes keyPrefix active createdAt createdBy revokedAt revokedBy revokedReason lastUsedAt';

const code = (errors: Errors) => errors?.[0]?.extensions?.code;
const field = (errors: Errors) => errors?.[0]?.extensions?.field;

async function createKey(input: Record<string, unknown>, headers = admin) {
  const { body } = await server.graphql<{ createApiKey: { apiKey: Key; key: string } }>(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { ${KEY} } key } }`,
    { i: input },
    headers,
  );
  return { created: body.data?.createApiKey, errors: body.errors as Errors };
}

async function revokeKey(input: Record<string, unknown>) {
  const { body } = await server.graphql<{ revokeApiKey: { apiKey: Key } }>(
    `mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { ${KEY} } } }`,
    { i: input },
    admin,
  );
  return { apiKey: body.data?.revokeApiKey.apiKey, errors: body.errors as Errors };
}

async function listKeys() {
  const { body, response } = await server.graphql<{ apiKeys: Key[] }>(`{ apiKeys { ${KEY} } }`, {}, admin);
  expect(body.errors).toBeUndefined();
  return { keys: body.data!.apiKeys, raw: JSON.stringify(body), response };
}

async function createOrderWith(key: string) {
  const { body } = await server.graphql<{ createOrder: { order: { number: string } } }>(
    'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } } }',
    { i: orderInput() },
    { authorization: `ApiKey ${key}` },
  );
  return { number: body.data?.createOrder.order.number, errors: body.errors as Errors };
}

async function recordPaymentWith(key: string, orderNumber: string) {
  const { body } = await server.graphql(
    'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { number } } }',
    {
      i: {
        orderNumber,
        method: 'ALIPAY',
        amountFen: 9_990,
        transactionNo: `tx-${orderNumber}`,
        status: 'SUCCEEDED',
        occurredAt: new Date().toISOString(),
      },
    },
    { authorization: `ApiKey ${key}` },
  );
  return body.errors as Errors;
}

async function auditRows(action: string) {
  return server.db.dataSource.query(
    'SELECT before, after, reason, role FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  ) as Promise<{ before: unknown; after: unknown; reason: string; role: string }[]>;
}

async function counts() {
  const [row] = await server.db.dataSource.query(
    `SELECT (SELECT count(*)::int FROM api_keys) AS keys, (SELECT count(*)::int FROM audit_log) AS audit,
       (SELECT string_agg(coalesce(revoked_at::text, '-'), ',' ORDER BY id) FROM api_keys) AS revoked`,
  );
  return row as { keys: number; audit: number; revoked: string };
}

describe('creating a key', () => {
  it('shows the key once, stores only its hash, and the key works within its scopes only', async () => {
    const { created, errors } = await createKey({
      name: '天猫旗舰店',
      scopes: ['orders:create', 'orders:create'],
      reason: '新渠道接入',
    });
    expect(errors).toBeUndefined();
    const { apiKey, key } = created!;
    expect(key).toMatch(/^oms_k_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: '天猫旗舰店',
      scopes: ['orders:create'],
      keyPrefix: key.slice(0, 10),
      active: true,
      createdBy: 'admin',
      revokedAt: null,
      lastUsedAt: null,
    });

    const hash = createHash('sha256').update(key).digest('hex');
    const [stored] = await server.db.dataSource.query(
      'SELECT key_hash, key_prefix FROM api_keys WHERE id = $1',
      [apiKey.id],
    );
    expect(stored).toEqual({ key_hash: hash, key_prefix: key.slice(0, 10) });

    // Within its scope: an order; outside it: FORBIDDEN, nothing stored.
    const order = await createOrderWith(key);
    expect(order.errors).toBeUndefined();
    expect(order.number).toMatch(/^\d{16}$/);
    expect(code(await recordPaymentWith(key, order.number!))).toBe('FORBIDDEN');
    const [{ payments }] = await server.db.dataSource.query(
      'SELECT count(*)::int AS payments FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.number = $1',
      [order.number],
    );
    expect(payments).toBe(0);
    // A key reads no query at all.
    const { body } = await server.graphql('{ apiKeys { id } }', {}, { authorization: `ApiKey ${key}` });
    expect(code(body.errors as Errors)).toBe('FORBIDDEN');

    // The list never holds the key or its hash, and says when the key was last used.
    const { keys, raw } = await listKeys();
    expect(raw).not.toContain(key);
    expect(raw).not.toContain(hash);
    expect(keys.find((k) => k.id === apiKey.id)!.lastUsedAt).not.toBeNull();

    const row = (await auditRows('CREATE_API_KEY')).at(-1)!;
    expect(row).toMatchObject({
      role: 'ADMIN',
      after: { apiKeyId: apiKey.id, name: '天猫旗舰店', scopes: ['orders:create'] },
      reason: '新渠道接入',
    });
    expect(row.before).toBeNull();
    expect(JSON.stringify(row)).not.toContain(key);
    expect(JSON.stringify(row)).not.toContain(key.slice(6));
    expect(JSON.stringify(row)).not.toContain(hash);
  });

  it('takes every scope of the contract, spelled as docs/api.md spells them', async () => {
    const { created, errors } = await createKey({
      name: 'all scopes',
      scopes: ['orders:create', 'payments:record', 'aftersales:create'],
    });
    expect(errors).toBeUndefined();
    expect(created!.apiKey.scopes).toEqual(['orders:create', 'payments:record', 'aftersales:create']);
    const order = await createOrderWith(created!.key);
    expect(await recordPaymentWith(created!.key, order.number!)).toBeUndefined();
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '   ', scopes: ['orders:create'] }, 'name'],
      [{ name: 'x'.repeat(65), scopes: ['orders:create'] }, 'name'],
      [{ name: 'no scopes', scopes: [] }, 'scopes'],
      // Refused with the path of the bad scope before any resolver runs (the variable check of http/limits.ts).
      [{ name: 'bad scope', scopes: ['orders:create', 'orders:delete'] }, 'scopes[1]'],
      [{ name: 'enum spelling', scopes: ['ORDERS_CREATE'] }, 'scopes[0]'],
    ];
    for (const [input, expected] of cases) {
      const { errors } = await createKey(input);
      expect({ input, code: code(errors), field: field(errors) }).toEqual({
        input,
        code: 'BAD_USER_INPUT',
        field: expected,
      });
    }
    expect(await counts()).toEqual(before);
  });
});

describe('revoking a key', () => {
  it('refuses the key from its very next request, lists it as revoked, and audits it once', async () => {
    const { created } = await createKey({ name: 'to be revoked', scopes: ['orders:create'] });
    const { apiKey, key } = created!;
    expect((await createOrderWith(key)).errors).toBeUndefined();

    const revoked = await revokeKey({ apiKeyId: apiKey.id, reason: '密钥泄露' });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.apiKey).toMatchObject({
      active: false,
      revokedBy: 'admin',
      revokedReason: '密钥泄露',
    });
    expect(revoked.apiKey!.revokedAt).not.toBeNull();

    const [{ orders: ordersBefore }] = await server.db.dataSource.query(
      'SELECT count(*)::int AS orders FROM orders',
    );
    expect(code((await createOrderWith(key)).errors)).toBe('UNAUTHENTICATED');
    const [{ orders: ordersAfter }] = await server.db.dataSource.query(
      'SELECT count(*)::int AS orders FROM orders',
    );
    expect(ordersAfter).toBe(ordersBefore);

    const { keys } = await listKeys();
    expect(keys.find((k) => k.id === apiKey.id)).toMatchObject({ active: false, revokedReason: '密钥泄露' });
    // Live keys are listed before revoked ones.
    const firstRevoked = keys.findIndex((k) => !k.active);
    expect(keys.slice(firstRevoked).every((k) => !k.active)).toBe(true);

    const rows = await auditRows('REVOKE_API_KEY');
    expect(rows.at(-1)).toMatchObject({
      before: { apiKeyId: apiKey.id, name: 'to be revoked', active: true },
      after: { apiKeyId: apiKey.id, name: 'to be revoked', active: false },
      reason: '密钥泄露',
    });
    // Revoking again changes nothing and writes no second row.
    expect((await revokeKey({ apiKeyId: apiKey.id, reason: '再次' })).apiKey!.revokedReason).toBe('密钥泄露');
    expect(await auditRows('REVOKE_API_KEY')).toHaveLength(rows.length);
  });

  it('refuses a missing reason, a malformed id and an unknown key, changing nothing', async () => {
    const { created } = await createKey({ name: 'stays live', scopes: ['orders:create'] });
    const before = await counts();
    const blank = await revokeKey({ apiKeyId: created!.apiKey.id, reason: ' ' });
    expect([code(blank.errors), field(blank.errors)]).toEqual(['BAD_USER_INPUT', 'reason']);
    const malformed = await revokeKey({ apiKeyId: 'key-1', reason: 'x' });
    expect([code(malformed.errors), field(malformed.errors)]).toEqual(['BAD_USER_INPUT', 'apiKeyId']);
    expect(code((await revokeKey({ apiKeyId: '987654321', reason: 'x' })).errors)).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
    expect((await createOrderWith(created!.key)).errors).toBeUndefined();
  });
});
