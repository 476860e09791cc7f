import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/jobs/worker.js';
import { blacklistEntry } from '../../src/privacy/personal-data-columns.js';
import { seedReferenceData } from '../support/reference-data.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { paidOrder as paidOrderVia } from '../support/orders.js';
import { eventually } from '../support/test-warehouse.js';

let server: TestServer;
let n = 0;

beforeAll(async () => {
  server = await startTestServer();
  await seedReferenceData(server.db.dataSource);
});
afterAll(() => server?.close());

interface Options {
  quantity?: number;
  salePriceFen?: number;
  phone?: string;
  address?: string;
  registeredAt?: string;
}

/** Creates and pays an order through the API; returns its number. */
async function paidOrder(options: Options = {}): Promise<string> {
  n += 1;
  const { orderNumber } = await paidOrderVia(server, {
    customer: { id: `s-c-${n}`, ...(options.registeredAt ? { registeredAt: options.registeredAt } : {}) },
    receiver: {
      name: '周八',
      phone: options.phone ?? '13300000000',
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      address: options.address ?? `建国路 ${n}-${Date.now()} 号`,
    },
    lines: [
      {
        sku: 'SKU-100008',
        title: '坚果',
        quantity: options.quantity ?? 1,
        salePriceFen: options.salePriceFen ?? 9_990,
      },
    ],
  });
  return orderNumber;
}

/** Lists a phone or an address as the risk-rules service stores a manager's entry (its blind index). */
async function blacklist(kind: 'PHONE' | 'ADDRESS', typed: string): Promise<void> {
  const entry = blacklistEntry(kind, typed)!;
  await server.db.dataSource.query('INSERT INTO blacklist (kind, value, display) VALUES ($1, $2, $3)', [
    kind,
    entry.value,
    entry.display,
  ]);
}

async function holdOf(number: string) {
  const [row] = await server.db.dataSource.query(
    `SELECT o.held, (SELECT array_agg(i.rule ORDER BY i.id) FROM interceptions i WHERE i.order_id = o.id AND i.status = 'ACTIVE') AS rules,
            (SELECT bool_and(s.held) FROM sub_orders s WHERE s.order_id = o.id) AS sub_orders_held,
            (SELECT count(*)::int FROM outbound_messages m WHERE m.order_id = o.id) AS dispatches
     FROM orders o WHERE o.number = $1`,
    [number],
  );
  return row as { held: boolean; rules: string[] | null; sub_orders_held: boolean; dispatches: number };
}

describe('screening after the split', () => {
  it('lets an ordinary order through to dispatch', async () => {
    expect(await holdOf(await paidOrder())).toEqual({
      held: false,
      rules: null,
      sub_orders_held: false,
      dispatches: 1,
    });
  });

  it('holds more than the limit of one sku (QUANTITY_LIMIT), dispatching nothing', async () => {
    expect(await holdOf(await paidOrder({ quantity: 25 }))).toEqual({
      held: true,
      rules: ['QUANTITY_LIMIT'],
      sub_orders_held: true,
      dispatches: 0,
    });
  });

  it('holds a blacklisted phone or address (BLACKLIST), however the address is typed', async () => {
    await blacklist('PHONE', '133 1111 2222');
    expect((await holdOf(await paidOrder({ phone: '13311112222' }))).rules).toEqual(['BLACKLIST']);
    await blacklist('ADDRESS', '北京市 北京市 朝阳区 光华路 7 号');
    expect((await holdOf(await paidOrder({ address: '光华路７号' }))).rules).toEqual(['BLACKLIST']);
  });

  it('holds a big order from a new account (HIGH_VALUE_NEW_ACCOUNT)', async () => {
    const number = await paidOrder({ salePriceFen: 600_000, registeredAt: new Date().toISOString() });
    expect((await holdOf(number)).rules).toEqual(['HIGH_VALUE_NEW_ACCOUNT']);
    const [evidence] = await server.db.dataSource.query(
      'SELECT i.evidence FROM interceptions i JOIN orders o ON o.id = i.order_id WHERE o.number = $1',
      [number],
    );
    expect(evidence.evidence.HIGH_VALUE_NEW_ACCOUNT).toMatchObject({
      payableFen: 600_000,
      accountAgeDays: 0,
    });
  });

  it('holds the fourth paid order to one address in a day (ADDRESS_VELOCITY), however it is typed', async () => {
    const typed = ['望京 SOHO 塔1', '望京SOHO塔１', '望京 soho 塔 1', '望京SOHO-塔1'];
    const numbers = [];
    for (const address of typed) numbers.push(await paidOrder({ address }));
    const rules = await Promise.all(numbers.map(async (nr) => (await holdOf(nr)).rules));
    expect(rules).toEqual([null, null, null, ['ADDRESS_VELOCITY']]);
  });

  it('skips a rule a manager switched off', async () => {
    await server.db.dataSource.query("UPDATE risk_rules SET enabled = false WHERE code = 'QUANTITY_LIMIT'");
    expect((await holdOf(await paidOrder({ quantity: 25 }))).held).toBe(false);
    await server.db.dataSource.query("UPDATE risk_rules SET enabled = true WHERE code = 'QUANTITY_LIMIT'");
  });
});

describe('the rollback period', () => {
  let worker: Runner;
  beforeAll(async () => {
    worker = await startWorker(server.db.dataSource, server.db.url, {
      config: server.config,
      concurrency: 1,
    });
  });
  afterAll(() => worker?.stop());

  it('releases a hold nobody decided, writes EXPIRED and sends the order on', async () => {
    const number = await paidOrder({ quantity: 30 });
    await server.db.dataSource.query(
      `UPDATE interceptions SET expires_at = now() - interval '1 second' WHERE order_id = (SELECT id FROM orders WHERE number = $1)`,
      [number],
    );
    await server.db.dataSource.query(
      "UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'expire-interception')",
    );
    await eventually(async () => (await holdOf(number)).dispatches === 1);
    const [row] = await server.db.dataSource.query(
      'SELECT i.status, i.decided_by FROM interceptions i JOIN orders o ON o.id = i.order_id WHERE o.number = $1',
      [number],
    );
    expect(row).toEqual({ status: 'EXPIRED', decided_by: 'rollback-period' });
    expect((await holdOf(number)).held).toBe(false);
  });

  /** Ends the rollback period of an order's hold now and runs its default action through the worker. */
  async function overdue(number: string): Promise<void> {
    await server.db.dataSource.query(
      `UPDATE interceptions SET expires_at = now() - interval '1 second' WHERE order_id = (SELECT id FROM orders WHERE number = $1)`,
      [number],
    );
    await server.db.dataSource.query(
      "UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = 'expire-interception')",
    );
  }
  const eventsOf = async (number: string, type: string) =>
    (
      await server.db.dataSource.query(
        'SELECT e.id FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = $1 AND e.type = $2',
        [number, type],
      )
    ).length as number;
  const interceptionOf = async (number: string) =>
    (
      await server.db.dataSource.query(
        'SELECT i.status, o.status AS order_status FROM interceptions i JOIN orders o ON o.id = i.order_id WHERE o.number = $1',
        [number],
      )
    )[0] as { status: string; order_status: string };

  it('leaves a blacklist hold for a person when its rollback period ends (fails closed), saying so on the timeline', async () => {
    await blacklist('PHONE', '13322223333');
    const number = await paidOrder({ phone: '13322223333' });
    expect((await holdOf(number)).held).toBe(true);
    await overdue(number);
    await eventually(async () => (await eventsOf(number, 'INTERCEPTION_WAITING')) === 1);
    expect(await interceptionOf(number)).toMatchObject({ status: 'ACTIVE' });
    expect((await holdOf(number)).dispatches).toBe(0);
  });

  it("runs a rule's default set to CANCEL_ORDER: the order cancelled and refunded by the system", async () => {
    await server.db.dataSource.query(
      "UPDATE risk_rules SET default_action = 'CANCEL_ORDER' WHERE code = 'QUANTITY_LIMIT'",
    );
    try {
      const number = await paidOrder({ quantity: 30 });
      await overdue(number);
      await eventually(async () => (await interceptionOf(number)).status === 'CANCELLED_ORDER');
      const [subOrder] = await server.db.dataSource.query(
        'SELECT s.status FROM sub_orders s JOIN orders o ON o.id = s.order_id WHERE o.number = $1',
        [number],
      );
      expect(subOrder).toEqual({ status: 'CANCELLED' });
      const refunds = await server.db.dataSource.query(
        'SELECT r.method FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.number = $1',
        [number],
      );
      expect(refunds).toEqual([{ method: 'ALIPAY' }]);
      expect((await holdOf(number)).dispatches).toBe(0);
    } finally {
      await server.db.dataSource.query(
        "UPDATE risk_rules SET default_action = 'RELEASE' WHERE code = 'QUANTITY_LIMIT'",
      );
    }
  });
});
