import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_WMS_SECRET } from '../support/reference-data.js';
import { API_KEY, createOrder, orderInput } from '../support/orders.js';
import {
  createProductDatabase,
  startProductServer,
  type ProductDatabase,
} from '../support/product-process.js';
import type { TestServer } from '../support/test-server.js';
import { eventually, startTestWarehouse, type TestWarehouse } from '../support/test-warehouse.js';

// docs/reliability.md "SIGTERM during in-flight mutations": the built server (dist/main.js, in-process worker on) in a
// process of its own, a burst of payments made slow in the database (each insert into payments sleeps), SIGTERM
// while they run.

const BURST = 60;
const DRAIN_MS = 2_000;

let database: ProductDatabase;
let warehouse: TestWarehouse;

beforeAll(async () => {
  database = await createProductDatabase();
  warehouse = await startTestWarehouse(TEST_WMS_SECRET);
  // Deliveries take a while, so the worker has jobs in flight when it is told to stop.
  warehouse.delayMs = 300;
  await database.probe.query("UPDATE warehouses SET endpoint_url = $1 WHERE kind = 'WAREHOUSE'", [
    warehouse.url,
  ]);
});
afterAll(async () => {
  await warehouse?.close();
  await database?.drop();
});

type Outcome =
  | { kind: 'ok'; at: number }
  | { kind: 'graphql-error'; at: number; message: string }
  | { kind: 'refused'; at: number }
  | { kind: 'broken'; at: number; message: string };

/** Sends one GraphQL request and says how it ended: a whole answer, or refused before it reached the server. */
async function send(url: string, query: string, variables: object): Promise<Outcome> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...API_KEY },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    return body.errors
      ? { kind: 'graphql-error', at: Date.now(), message: body.errors[0]!.message }
      : { kind: 'ok', at: Date.now() };
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === 'ECONNREFUSED'
      ? { kind: 'refused', at: Date.now() }
      : { kind: 'broken', at: Date.now(), message: `${String(error)} ${code ?? ''}` };
  }
}

const RECORD_PAYMENT =
  'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { order { number status subOrders { number } } } }';

describe('SIGTERM during in-flight mutations', () => {
  it('turns not-ready first, finishes every accepted request, stops the worker and the pool, exits 0; nothing half-applied', async () => {
    const server = await startProductServer({
      DATABASE_URL: database.url,
      OMS_DEMO: 'off',
      OMS_WORKER: 'on',
      OMS_SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      OMS_SHUTDOWN_TIMEOUT_MS: '30000',
    });
    const api = { graphql: sendVia(server.url) } as unknown as TestServer;
    const orders = [];
    for (let i = 0; i < BURST; i++) orders.push(await createOrder(api));

    // From here on every payment sleeps 0.4 s inside its transaction: with a pool of 10, the burst takes ~2.4 s.
    await database.probe.query(`
      CREATE FUNCTION test_slow_payment() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN PERFORM pg_sleep(0.4); RETURN NEW; END $$;
      CREATE TRIGGER test_slow_payment BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION test_slow_payment();`);

    const sentAt = Date.now();
    const burst = orders.map((order) =>
      send(server.url, RECORD_PAYMENT, {
        i: {
          orderNumber: order.number,
          method: 'ALIPAY',
          amountFen: order.amounts.payable.fen,
          transactionNo: `tx-${order.number}`,
          status: 'SUCCEEDED',
          occurredAt: new Date().toISOString(),
        },
      }),
    );
    // SIGTERM once the server is inside the burst (payments asleep in their transactions), so every request of it
    // has been accepted; on a loaded machine a connection still in the kernel's queue when the listener closes is
    // reset without ever reaching the server.
    await eventually(async () => {
      const { rows } = await database.probe.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'",
      );
      return rows[0]!.n >= 5;
    }, 30_000);
    const deliveriesBefore = warehouse.received.length;
    server.child.kill('SIGTERM');

    // Readiness and fresh traffic, side by side, until the listener is gone.
    const readiness: { at: number; status: number | 'refused' }[] = [];
    let readinessError = '';
    const fresh: Promise<Outcome>[] = [];
    const poll = (async () => {
      for (;;) {
        try {
          readiness.push({ at: Date.now(), status: (await fetch(`${server.url}/readyz`)).status });
        } catch (error) {
          readiness.push({ at: Date.now(), status: 'refused' });
          readinessError = `${String(error)} ${(error as { cause?: unknown }).cause}`;
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const traffic = (async () => {
      for (;;) {
        const outcome = send(
          server.url,
          'mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } } }',
          { i: orderInput() },
        );
        fresh.push(outcome);
        if ((await outcome).kind === 'refused') return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const exitCode = await server.exited;
    await Promise.all([poll, traffic]);
    const outcomes = await Promise.all(burst);
    const freshOutcomes = await Promise.all(fresh);
    const closedAt = readiness.find((r) => r.status === 'refused')!.at;
    const afterClose = outcomes.filter((o) => o.at > closedAt).length;
    const tally = (list: Outcome[]) =>
      list.reduce<Record<string, number>>((t, o) => ({ ...t, [o.kind]: (t[o.kind] ?? 0) + 1 }), {});
    console.log(
      `shutdown: ${BURST} payments sent ${Date.now() - sentAt} ms ago: ${JSON.stringify(tally(outcomes))}, ` +
        `${afterClose} of them answered after the listener closed; traffic during the drain: ` +
        `${JSON.stringify(tally(freshOutcomes))}; readiness ${readiness.map((r) => r.status).join(' ')}; ` +
        `${warehouse.received.length - deliveriesBefore} deliveries during the shutdown; readiness ended with ` +
        `${readinessError}; ${JSON.stringify(outcomes.find((o) => o.kind === 'broken') ?? null)}`,
    );

    expect(exitCode, server.output()).toBe(0);
    expect(server.output()).toContain('SIGTERM: stopped cleanly');
    // Readiness: 200 (maybe) until SIGTERM, then 503 while the listener still answers, then nothing.
    const statuses = readiness.map((r) => r.status);
    expect(statuses, server.output().slice(-4000)).toContain(503);
    expect(statuses.slice(statuses.indexOf(503))).not.toContain(200);
    expect(statuses.at(-1)).toBe('refused');
    // The test proves something only if work was still running when the listener closed.
    expect(afterClose).toBeGreaterThan(0);
    // Every request the server accepted got its whole answer; the rest were refused at the door.
    expect(outcomes.filter((o) => o.kind !== 'ok')).toEqual([]);
    expect(freshOutcomes.filter((o) => o.kind === 'broken' || o.kind === 'graphql-error')).toEqual([]);

    // The pool and the worker's connections are closed.
    expect(await database.otherConnections()).toBe(0);
    const q = async (sql: string) => (await database.probe.query(sql)).rows;
    // Every order is wholly paid (payment, sub-orders, a dispatch message and its job) or wholly unpaid.
    expect(
      await q(`SELECT o.number, o.status FROM orders o
               WHERE (o.status = 'PENDING_PAYMENT') = EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)
                  OR (o.status <> 'PENDING_PAYMENT' AND NOT EXISTS (SELECT 1 FROM sub_orders s WHERE s.order_id = o.id))`),
    ).toEqual([]);
    expect(
      await q(`SELECT s.number FROM sub_orders s WHERE NOT s.held
                 AND NOT EXISTS (SELECT 1 FROM outbound_messages m WHERE m.sub_order_id = s.id AND m.type = 'DISPATCH')`),
    ).toEqual([]);
    expect(
      await q(`SELECT m.id FROM outbound_messages m WHERE m.status = 'PENDING'
                 AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.key = 'outbound:' || m.id)`),
    ).toEqual([]);
    expect(
      (
        await q(
          `SELECT count(*)::int AS n FROM orders WHERE status <> 'PENDING_PAYMENT' AND number = ANY('{${orders.map((o) => o.number).join(',')}}')`,
        )
      )[0].n,
    ).toBe(BURST);
    // The worker let its in-flight deliveries finish: whatever the warehouse received is recorded as sent, and no
    // job is left locked by the stopped worker.
    const received = warehouse.received.map((r) => r.body.eventId as string);
    const unsent = await database.probe.query(
      "SELECT event_id FROM outbound_messages WHERE event_id = ANY($1) AND status <> 'SENT'",
      [received],
    );
    expect(unsent.rows).toEqual([]);
    expect(
      await q(
        'SELECT j.id, t.identifier, j.attempts, j.last_error, j.locked_by, j.locked_at FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE j.locked_at IS NOT NULL',
      ),
      server.output(),
    ).toEqual([]);
  });
});

function sendVia(url: string) {
  return async (query: string, variables: Record<string, unknown> = {}, headers = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { body: await response.json(), response };
  };
}
