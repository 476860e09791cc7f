import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase, openDatabase } from '../../src/database/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/database/embedded-postgres.js';
import { findFreePort } from '../../src/database/free-port.js';
import { TEST_WMS_SECRET, seedReferenceData } from '../support/reference-data.js';
import { API_KEY, orderInput } from '../support/orders.js';
import { startProductServer, type ProductProcess } from '../support/product-process.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

// docs/reliability.md "PostgreSQL restarted under traffic": the built server (in-process worker on) over a PostgreSQL of
// this test's own; traffic keeps going while PostgreSQL is stopped and started again on the same data and port.

const CLIENT_BOUND_MS = 15_000; // a request still unanswered after this is a hang (the pool gives up after 10 s)

let dataDir: string;
let pgPort: number;
let postgres: EmbeddedServer;
let warehouse: TestWarehouse;
let server: ProductProcess & { url: string };
let databaseUrl: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'oms-pg-restart-'));
  pgPort = await findFreePort();
  postgres = await startEmbeddedPostgres({ dataDir, port: pgPort });
  await ensureDatabase(postgres.url('postgres'), 'oms');
  databaseUrl = postgres.url('oms');
  warehouse = await startTestWarehouse(TEST_WMS_SECRET);
  const database = await openDatabase(
    { databaseUrl, appDatabaseUrl: undefined, dataDir, embeddedPgPort: undefined },
    () => {},
  );
  await seedReferenceData(database.dataSource);
  await database.dataSource.query('UPDATE warehouses SET endpoint_url = $1', [warehouse.url]);
  await database.close();
  server = await startProductServer({ DATABASE_URL: databaseUrl, OMS_DEMO: 'off', OMS_WORKER: 'on' });
}, 120_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  await warehouse?.close();
  await postgres?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Call {
  readonly started: number;
  readonly ms: number;
  readonly outcome: 'ok' | 'error' | 'hang';
  readonly orderNumber?: string;
  readonly paid?: boolean;
  readonly error?: string;
}

interface Answer {
  data?: {
    createOrder?: { order: { number: string; amounts: { payable: { fen: number } } } };
    recordPayment?: { order: { number: string } };
  };
  errors?: { message: string }[];
}

async function graphql(query: string, variables: object): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...API_KEY },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(CLIENT_BOUND_MS),
  });
  return (await response.json()) as Answer;
}

/** One customer: an order, then its payment; how it ended and how long it took. */
async function buyOnce(): Promise<Call> {
  const started = Date.now();
  let orderNumber: string | undefined;
  try {
    const created = await graphql(
      'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number amounts { payable { fen } } } } }',
      { i: orderInput() },
    );
    const order = created.data?.createOrder?.order;
    if (!order)
      return { started, ms: Date.now() - started, outcome: 'error', error: created.errors?.[0]?.message };
    orderNumber = order.number;
    const paid = await graphql(
      'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { number } } }',
      {
        i: {
          orderNumber: order.number,
          method: 'ALIPAY',
          amountFen: order.amounts.payable.fen,
          transactionNo: `tx-${order.number}`,
          status: 'SUCCEEDED',
          occurredAt: new Date().toISOString(),
        },
      },
    );
    const ok = Boolean(paid.data?.recordPayment);
    return {
      started,
      ms: Date.now() - started,
      outcome: ok ? 'ok' : 'error',
      orderNumber,
      paid: ok,
      error: paid.errors?.[0]?.message,
    };
  } catch (error) {
    const hang = (error as Error).name === 'TimeoutError';
    return {
      started,
      ms: Date.now() - started,
      outcome: hang ? 'hang' : 'error',
      orderNumber,
      error: String(error),
    };
  }
}

describe('PostgreSQL restarted under traffic', () => {
  it('fails fast while it is down and recovers by itself: readiness, queries and the worker', async () => {
    const calls: Call[] = [];
    let traffic = true;
    const customers = [1, 2, 3].map(async () => {
      while (traffic) {
        calls.push(await buyOnce());
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await eventually(async () => calls.filter((c) => c.outcome === 'ok').length >= 5).catch((error) => {
      throw new Error(`no traffic got through: ${JSON.stringify(calls.slice(0, 3))}\n${server.output()}`, {
        cause: error,
      });
    });

    const stopping = Date.now();
    await postgres.stop();
    const stoppedAt = Date.now();
    // Down: readiness answers 503 within a bounded time, every time; requests end in errors, not hangs.
    const probes: { status: number; ms: number }[] = [];
    while (Date.now() - stoppedAt < 3_000) {
      const started = Date.now();
      const response = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
      probes.push({ status: response.status, ms: Date.now() - started });
      await new Promise((r) => setTimeout(r, 200));
    }
    const duringOutage = calls.filter((c) => c.started >= stoppedAt);

    postgres = await startEmbeddedPostgres({ dataDir, port: pgPort });
    const restartedAt = Date.now();
    let lastReadyz = '';
    await eventually(async () => {
      const response = await fetch(`${server.url}/readyz`);
      lastReadyz = await response.text();
      return response.status === 200;
    }, 30_000).catch((error) => {
      const worker = server
        .output()
        .split('\n')
        .filter((line) => line.includes('"component":"worker"') || !line.startsWith('{'))
        .join('\n');
      throw new Error(`not ready again: ${lastReadyz}\n${worker.slice(-6000)}`, { cause: error });
    });
    const readyAfter = Date.now() - restartedAt;
    await eventually(async () => calls.some((c) => c.started >= restartedAt && c.outcome === 'ok'), 30_000);
    const servingAfter = Date.now() - restartedAt;
    traffic = false;
    await Promise.all(customers);

    // Settled: the worker supervisor may still be restarting a worker that died on a job caught by the outage.
    let readyz: Record<string, unknown> = {};
    await eventually(async () => {
      readyz = (await (await fetch(`${server.url}/readyz`)).json()) as Record<string, unknown>;
      return readyz.status === 'ready';
    }, 30_000).catch(() => undefined);
    const tally = (list: Call[]) =>
      list.reduce<Record<string, number>>((t, c) => ({ ...t, [c.outcome]: (t[c.outcome] ?? 0) + 1 }), {});
    console.log(
      `postgres restart: stop took ${stoppedAt - stopping} ms, down for ${restartedAt - stoppedAt} ms; /readyz during it ${probes.map((p) => `${p.status}/${p.ms}ms`).join(' ')}; ` +
        `requests started during it ${JSON.stringify(tally(duringOutage))} (slowest ${Math.max(0, ...duringOutage.map((c) => c.ms))} ms); ` +
        `after the restart: ready in ${readyAfter} ms, first paid order in ${servingAfter} ms; all ${JSON.stringify(tally(calls))}`,
    );

    expect(probes.length).toBeGreaterThan(3);
    expect(probes.every((p) => p.status === 503 && p.ms < 3_000)).toBe(true);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.outcome === 'hang')).toEqual([]);
    expect(duringOutage.every((c) => c.outcome === 'error')).toBe(true);
    expect(readyz).toMatchObject({ status: 'ready', checks: { database: 'up', worker: 'running' } });

    // Nothing lost, nothing half-applied: every payment acknowledged is in the database with its sub-orders, and the
    // worker, running again, dispatches every one of them to the warehouse.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const paid = calls.filter((c) => c.paid).map((c) => c.orderNumber!);
      const { rows: missing } = await client.query(
        `SELECT t.n FROM unnest($1::text[]) AS t(n)
         WHERE NOT EXISTS (SELECT 1 FROM orders o JOIN sub_orders s ON s.order_id = o.id WHERE o.number = t.n)`,
        [paid],
      );
      expect(missing).toEqual([]);
      const { rows: halfApplied } = await client.query(
        `SELECT o.number FROM orders o
         WHERE (o.status = 'PENDING_PAYMENT') = EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)
            OR (o.status <> 'PENDING_PAYMENT' AND NOT EXISTS (SELECT 1 FROM sub_orders s WHERE s.order_id = o.id))`,
      );
      expect(halfApplied).toEqual([]);
      await eventually(async () => {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM sub_orders s JOIN orders o ON o.id = s.order_id
           WHERE o.number = ANY($1) AND s.status <> 'DISPATCHED'`,
          [paid],
        );
        return rows[0].n === 0;
        // A delivery job caught mid-flight by the outage can stay locked by the dead worker until the re-queue cron
        // (every minute) frees jobs locked over 2 minutes: recovery by itself, within about 3 minutes.
      }, 240_000).catch(async (error) => {
        const { rows } = await client.query(
          `SELECT s.number, s.status, s.dispatch_state, m.status AS message, m.attempts, m.last_error,
                  j.attempts AS job_attempts, j.locked_by, j.locked_at, j.run_at, j.last_error AS job_error
           FROM sub_orders s JOIN orders o ON o.id = s.order_id
           LEFT JOIN outbound_messages m ON m.sub_order_id = s.id
           LEFT JOIN graphile_worker._private_jobs j ON j.key = 'outbound:' || m.id
           WHERE o.number = ANY($1) AND s.status <> 'DISPATCHED'`,
          [paid],
        );
        throw new Error(`not dispatched: ${JSON.stringify(rows, null, 1)}`, { cause: error });
      });
      const dispatchedAt = Date.now() - restartedAt;
      console.log(
        `postgres restart: every acknowledged payment dispatched ${dispatchedAt} ms after the restart`,
      );
    } finally {
      await client.end();
    }
  }, 360_000);
});
