import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_WMS_SECRET } from '../support/reference-data.js';
import { paidOrder } from '../support/orders.js';
import {
  createProductDatabase,
  outputContains,
  spawnProduct,
  startProductServer,
  type ProductDatabase,
  type ProductProcess,
} from '../support/product-process.js';
import type { TestServer } from '../support/test-server.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

// docs/reliability.md "worker killed mid-dispatch": the API server with its in-process worker off (OMS_WORKER=off), the
// worker as its own process (dist/worker-main.js), SIGKILLed while the warehouse holds its delivery open; a new worker
// process retries the job and the warehouse records one order (one eventId).

let database: ProductDatabase;
let warehouse: TestWarehouse;
let server: ProductProcess & { url: string };
const workers: ProductProcess[] = [];

const startWorkerProcess = async () => {
  const worker = spawnProduct('worker-main.js', { DATABASE_URL: database.url });
  workers.push(worker);
  await outputContains(worker, 'OMS worker running');
  return worker;
};

beforeAll(async () => {
  database = await createProductDatabase();
  warehouse = await startTestWarehouse(TEST_WMS_SECRET);
  await database.probe.query("UPDATE warehouses SET endpoint_url = $1 WHERE kind = 'WAREHOUSE'", [
    warehouse.url,
  ]);
  server = await startProductServer({ DATABASE_URL: database.url, OMS_DEMO: 'off', OMS_WORKER: 'off' });
}, 120_000);
afterAll(async () => {
  for (const worker of workers) await worker.stop('SIGKILL');
  await server?.stop('SIGKILL');
  await warehouse?.close();
  await database?.drop();
});

const q = async (sql: string, params: unknown[] = []) => (await database.probe.query(sql, params)).rows;

describe('the worker process killed mid-dispatch', () => {
  it('leaves the message pending; a new worker retries it and the warehouse records one order', async () => {
    const first = await startWorkerProcess();
    warehouse.hangNext = 1; // the first delivery is received and never answered
    const api = {
      graphql: async (query: string, variables = {}, headers = {}) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        return { body: await response.json(), response };
      },
      // payOrder reads the sub-orders' warehouses from the database (an API key reads only numbers and statuses).
      db: { dataSource: { query: async (sql: string, params: unknown[]) => q(sql, params) } },
    } as unknown as TestServer;
    const { subOrderNumber } = await paidOrder(api);
    const deliveries = () => warehouse.received.filter((r) => r.body.subOrderNumber === subOrderNumber);
    await eventually(async () => deliveries().length === 1);

    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    const [stranded] = await q(
      `SELECT m.status, m.attempts, j.locked_by IS NOT NULL AS locked
       FROM outbound_messages m JOIN sub_orders s ON s.id = m.sub_order_id
       JOIN graphile_worker._private_jobs j ON j.key = 'outbound:' || m.id WHERE s.number = $1`,
      [subOrderNumber],
    );
    expect(stranded).toEqual({ status: 'PENDING', attempts: 0, locked: true });

    // What two minutes do (the dead worker's lock and the message age past requeue-stuck's bound), without the wait;
    // the new worker runs the re-queue task, as its cron does every minute.
    await q(
      "UPDATE graphile_worker._private_jobs SET locked_at = locked_at - interval '10 minutes' WHERE locked_at IS NOT NULL",
    );
    await q(
      "UPDATE outbound_messages SET created_at = created_at - interval '5 minutes' WHERE status = 'PENDING'",
    );
    const second = await startWorkerProcess();
    await q("SELECT graphile_worker.add_job('requeue-stuck-outbound')");
    await eventually(async () => {
      const [row] = await q('SELECT status, dispatch_state FROM sub_orders WHERE number = $1', [
        subOrderNumber,
      ]);
      return row.status === 'DISPATCHED' && row.dispatch_state === 'ACKNOWLEDGED';
    }, 30_000);
    expect(deliveries()).toHaveLength(2);
    expect(new Set(deliveries().map((r) => r.body.eventId)).size).toBe(1);

    // The dead worker's locks (its job and the sub-order's queue) are gone, so nothing of this sub-order waits for
    // graphile-worker's 4-hour lock timeout, and no job is left behind.
    await eventually(async () => {
      const jobs = await q('SELECT id FROM graphile_worker._private_jobs');
      const lockedQueues = await q(
        'SELECT queue_name FROM graphile_worker._private_job_queues WHERE locked_at IS NOT NULL',
      );
      return jobs.length === 0 && lockedQueues.length === 0;
    }, 30_000);
    expect(deliveries()).toHaveLength(2);

    expect(await second.stop('SIGTERM'), second.output()).toBe(0);
  });
});
