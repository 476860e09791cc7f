import type { Region, RuleSetting, WarehouseCapability } from '@oms/schema';
import type { DataSource, EntityManager } from 'typeorm';
import { GraphileOutbox, type Config } from '@oms/server';
import { SCARCE_SKUS } from './baskets.js';
import { pickTime } from './clock.js';
import type { SeedContext } from './context.js';
import type { OrderDraft, WarehouseInfo } from './model.js';
import { SeedNumbers } from './numbers.js';
import { People } from './people.js';
import { Rng } from './random.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { StockLedger } from './stock.js';
import { writeBlacklist, writeOrders } from './writer.js';

/** The same seed value every run, so the demo data is reproducible (times move with "now"). */
const SEED = 20_251_124;
const BATCH = 300;

export async function loadContext(
  db: DataSource,
  config: Config,
  count: number,
  numbers: SeedNumbers,
  now = Date.now(),
): Promise<SeedContext> {
  const warehouses: WarehouseInfo[] = (
    await db.query(
      `SELECT id::text, code, name, region, province, city, capabilities, sla_accept_minutes, cutoff_minute
       FROM warehouses WHERE active AND kind = 'WAREHOUSE' ORDER BY code`,
    )
  ).map((w: Record<string, unknown>) => ({
    id: w.id as string,
    code: w.code as string,
    name: w.name as string,
    region: w.region as Region,
    province: w.province as string,
    city: w.city as string,
    capabilities: w.capabilities as WarehouseCapability[],
    slaAcceptMinutes: w.sla_accept_minutes as number,
    cutoffMinute: w.cutoff_minute as number,
  }));
  if (warehouses.length === 0)
    throw new Error('seedDemoOrders needs the demo warehouses (seedReferenceData)');
  const stock: { warehouse_id: string; sku: string; available: number }[] = await db.query(
    'SELECT warehouse_id::text, sku, on_hand - reserved AS available FROM stock',
  );
  const rules: RuleSetting[] = await db.query('SELECT code, enabled, params FROM risk_rules');
  const rng = new Rng(SEED);
  return {
    rng,
    now,
    limit: now - 30_000,
    people: new People(rng, Math.max(30, Math.floor(count / 2)), now),
    numbers,
    stock: new StockLedger(
      warehouses,
      new Map(stock.map((s) => [`${s.warehouse_id}|${s.sku}`, Number(s.available)])),
      new Set(SCARCE_SKUS),
    ),
    warehouses,
    rules,
    rollbackMinutes: config.rollbackMinutes,
    paymentWindowMinutes: config.paymentWindowMinutes,
    dispatchMaxAttempts: config.dispatchMaxAttempts,
    taken: new Set(),
    blacklist: [],
    serial: 0,
  };
}

/** Every story once (so even a small seed covers every state), then stories drawn by weight. */
export function* tellings(rng: Rng): Generator<Scenario> {
  yield* SCENARIOS;
  for (;;) yield rng.weighted(SCENARIOS.map((s) => [s, s.weight] as const));
}

/**
 * Generates `count` demo orders covering every status of every strand (docs/api.md "Demo mode"), by walking each order
 * through its story with packages/schema's rules (amounts, allocations, numbers, transitions), then writing the rows
 * directly in batches, in creation order, a transaction per batch (docs/conventions.md: "writing rows directly until the
 * services for a step exist"). Afterwards stock reservations are stored and the jobs the services would have queued
 * (dispatch deliveries, hold expiries) are added, so the running demo carries on from the seeded state.
 */
export async function seedDemoOrders(
  db: DataSource,
  config: Config,
  count = 5_000,
  now = Date.now(),
): Promise<void> {
  if (count <= 0) return;
  const numbers = new SeedNumbers(db, config.orderNumberSecret);
  await numbers.ensure(count * 8 + 100);
  // Stories are told relative to `now` (hour-of-day weights, SLA deadlines): the same `now` tells the same stories.
  const ctx = await loadContext(db, config, count, numbers, now);
  const orders: OrderDraft[] = [];
  for (const scenario of tellings(ctx.rng)) {
    if (orders.length >= count) break;
    if ((scenario.size?.(ctx) ?? 1) > count - orders.length) continue;
    const [min, max] = scenario.age(ctx);
    orders.push(...scenario.build(ctx, pickTime(ctx.rng, ctx.now, min, max)));
  }
  orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (let i = 0; i < orders.length; i += BATCH) {
    await db.transaction((manager) => writeOrders(manager, orders.slice(i, i + BATCH)));
  }
  await db.transaction(async (manager) => {
    await writeBlacklist(manager, ctx.blacklist);
    const reservations = ctx.stock.reservations();
    await manager.query(
      `UPDATE stock s SET reserved = s.reserved + r.quantity
       FROM jsonb_to_recordset($1::jsonb) AS r(warehouse_id bigint, sku text, quantity integer)
       WHERE s.warehouse_id = r.warehouse_id AND s.sku = r.sku`,
      [JSON.stringify(reservations)],
    );
    await queueJobs(manager, orders, config.dispatchMaxAttempts);
  });
}

/**
 * What the services would have queued with these rows, through the product's own outbox: delivery of each outbox
 * message still PENDING and the expiry of each ACTIVE hold at the end of its rollback period. Skipped when the queue
 * schema is absent (a database without the worker).
 */
async function queueJobs(
  manager: EntityManager,
  orders: readonly OrderDraft[],
  maxAttempts: number,
): Promise<void> {
  const [{ present }] = (await manager.query(
    "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker') AS present",
  )) as [{ present: boolean }];
  if (!present) return;
  const outbox = new GraphileOutbox(maxAttempts);
  await outbox.deliver(
    manager,
    orders.flatMap((o) => o.outbound.filter((m) => m.status === 'PENDING').map((m) => String(m.id))),
  );
  await outbox.expireHolds(
    manager,
    orders.flatMap((o) =>
      o.interceptions
        .filter((i) => i.status === 'ACTIVE')
        .map((i) => ({ interceptionId: String(i.id), at: i.expiresAt })),
    ),
  );
}
