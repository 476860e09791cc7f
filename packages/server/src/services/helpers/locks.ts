import type { DispatchState, FulfilmentStatus } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { selectEntities } from '../../database/select-entities.js';
import {
  InterceptionEntity,
  OrderEntity,
  RefundEntity,
  ShipmentEntity,
  SubOrderEntity,
} from '../../entities/index.js';
import { domainError } from '../../errors/domain-error.js';
import type { CheckedOrderNumber } from './order-numbers.js';

// The one lock order (docs/reliability.md): every write under an order locks the parent row first, then its
// sub-orders by id, then what hangs under them (a hold, a parcel), then stock rows by (warehouse, sku). Webhooks, jobs
// and staff mutations take their row locks only through here, so no two writers can wait on each other in a cycle.
// Plain SQL hydrated like the loaders: these are on every write path, where building a query costs more than running
// it (docs/adr/0010-hot-reads-in-plain-sql.md).

async function lockOne<E extends object>(
  manager: EntityManager,
  entity: new () => E,
  sql: string,
  parameters: unknown[],
): Promise<E | null> {
  const [row] = await selectEntities(manager, entity, sql, parameters);
  return row ?? null;
}

/** Locks an order by id; it must exist (the caller found its id a moment ago). */
export async function lockOrder(manager: EntityManager, orderId: string): Promise<OrderEntity> {
  const order = await lockOne(
    manager,
    OrderEntity,
    'SELECT to_jsonb(o) AS row FROM orders o WHERE o.id = $1 FOR UPDATE',
    [orderId],
  );
  if (!order) throw new Error(`order ${orderId} vanished`);
  return order;
}

/** Locks the parent order a checked order or sub-order number names; NOT_FOUND when there is none. */
export async function lockOrderByNumber(
  manager: EntityManager,
  number: CheckedOrderNumber,
): Promise<OrderEntity> {
  const order = await lockOne(
    manager,
    OrderEntity,
    number.kind === 'ORDER'
      ? 'SELECT to_jsonb(o) AS row FROM orders o WHERE o.number = $1 AND o.shard = $2 FOR UPDATE'
      : `SELECT to_jsonb(o) AS row FROM orders o
         WHERE o.id = (SELECT s.order_id FROM sub_orders s WHERE s.number = $1 AND s.shard = $2) FOR UPDATE`,
    [number.number, number.shard],
  );
  if (!order) throw domainError('NOT_FOUND', `No order ${number.number}.`);
  return order;
}

/** Locks every sub-order of a locked order, by id. */
export function lockSubOrders(manager: EntityManager, orderId: string): Promise<SubOrderEntity[]> {
  return selectEntities(
    manager,
    SubOrderEntity,
    'SELECT to_jsonb(s) AS row FROM sub_orders s WHERE s.order_id = $1 ORDER BY s.id FOR UPDATE',
    [orderId],
  );
}

/** Locks a sub-order after its parent; returns both, fresh. */
export async function lockSubOrder(
  manager: EntityManager,
  subOrderId: string,
): Promise<{ order: OrderEntity; subOrder: SubOrderEntity }> {
  const [found] = (await manager.query('SELECT order_id::text AS "orderId" FROM sub_orders WHERE id = $1', [
    subOrderId,
  ])) as { orderId: string }[];
  if (!found) throw new Error(`sub-order ${subOrderId} vanished`);
  const order = await lockOrder(manager, found.orderId);
  const subOrder = await lockOne(
    manager,
    SubOrderEntity,
    'SELECT to_jsonb(s) AS row FROM sub_orders s WHERE s.id = $1 FOR UPDATE',
    [subOrderId],
  );
  return { order, subOrder: subOrder! };
}

/** Locks the sub-order a checked sub-order number names, after its parent; null when there is none. */
export async function lockSubOrderByNumber(
  manager: EntityManager,
  number: CheckedOrderNumber,
): Promise<{ order: OrderEntity; subOrder: SubOrderEntity } | null> {
  const [found] = (await manager.query(
    'SELECT id::text AS id FROM sub_orders WHERE number = $1 AND shard = $2',
    [number.number, number.shard],
  )) as { id: string }[];
  return found ? lockSubOrder(manager, found.id) : null;
}

/** Locks a hold after its order; returns both, or null when there is no such hold. */
export async function lockInterception(
  manager: EntityManager,
  interceptionId: string,
): Promise<{ order: OrderEntity; interception: InterceptionEntity } | null> {
  const [found] = (await manager.query(
    'SELECT order_id::text AS "orderId" FROM interceptions WHERE id = $1',
    [interceptionId],
  )) as { orderId: string }[];
  if (!found) return null;
  const order = await lockOrder(manager, found.orderId);
  const interception = await lockOne(
    manager,
    InterceptionEntity,
    'SELECT to_jsonb(i) AS row FROM interceptions i WHERE i.id = $1 FOR UPDATE',
    [interceptionId],
  );
  return { order, interception: interception! };
}

/** Locks a refund after its order; returns both, or null when there is no such refund. */
export async function lockRefund(
  manager: EntityManager,
  refundId: string,
): Promise<{ order: OrderEntity; refund: RefundEntity } | null> {
  const [found] = (await manager.query('SELECT order_id::text AS "orderId" FROM refunds WHERE id = $1', [
    refundId,
  ])) as { orderId: string }[];
  if (!found) return null;
  const order = await lockOrder(manager, found.orderId);
  const refund = await lockOne(
    manager,
    RefundEntity,
    'SELECT to_jsonb(r) AS row FROM refunds r WHERE r.id = $1 FOR UPDATE',
    [refundId],
  );
  return { order, refund: refund! };
}

/** Locks a parcel after its order. */
export async function lockShipment(
  manager: EntityManager,
  shipment: Pick<ShipmentEntity, 'id' | 'orderId'>,
): Promise<ShipmentEntity> {
  await lockOrder(manager, shipment.orderId);
  const locked = await lockOne(
    manager,
    ShipmentEntity,
    'SELECT to_jsonb(sh) AS row FROM shipments sh WHERE sh.id = $1 FOR UPDATE',
    [shipment.id],
  );
  return locked!;
}

/** A sub-order as a set-based move reads it, locked: its state, where it is, and that warehouse's code. */
export interface LockedSubOrderRow {
  id: string;
  number: string;
  orderId: string;
  shard: number;
  status: FulfilmentStatus;
  version: number;
  warehouseId: string | null;
  warehouseCode: string | null;
  merchantId: string | null;
  held: boolean;
  dispatchState: DispatchState;
  cancelRequestedAt: Date | null;
}

/**
 * Locks many sub-orders by checked number, in two statements however many: their parents by id, then the
 * sub-orders by id (numbers that name nothing are left out).
 */
export async function lockSubOrdersByNumbers(
  manager: EntityManager,
  numbers: readonly Pick<CheckedOrderNumber, 'number' | 'shard'>[],
): Promise<{ orders: { id: string; shard: number; number: string }[]; subOrders: LockedSubOrderRow[] }> {
  const keys = [numbers.map((n) => n.number), numbers.map((n) => n.shard)];
  const orders: { id: string; shard: number; number: string }[] = await manager.query(
    `SELECT o.id, o.shard, o.number FROM orders o
     WHERE o.id = ANY(ARRAY(SELECT s.order_id FROM sub_orders s
       JOIN unnest($1::bpchar[], $2::smallint[]) AS k(number, shard) ON s.number = k.number AND s.shard = k.shard))
     ORDER BY o.id FOR UPDATE OF o`,
    keys,
  );
  const subOrders: LockedSubOrderRow[] = await manager.query(
    `SELECT s.id, s.number, s.order_id AS "orderId", s.shard, s.status, s.version, s.warehouse_id AS "warehouseId",
       w.code AS "warehouseCode", s.merchant_id AS "merchantId", s.held, s.dispatch_state AS "dispatchState",
       s.cancel_requested_at AS "cancelRequestedAt"
     FROM sub_orders s
     JOIN unnest($1::bpchar[], $2::smallint[]) AS k(number, shard) ON s.number = k.number AND s.shard = k.shard
     LEFT JOIN warehouses w ON w.id = s.warehouse_id
     ORDER BY s.id FOR UPDATE OF s`,
    keys,
  );
  return { orders, subOrders };
}

/**
 * Claims up to `limit` unpaid orders created before `createdBefore`, oldest first, skipping rows another transaction
 * holds: a payment arriving at the same moment wins, or waits for this claim's transaction.
 */
export function claimUnpaidOrders(
  manager: EntityManager,
  createdBefore: Date,
  limit: number,
): Promise<OrderEntity[]> {
  return selectEntities(
    manager,
    OrderEntity,
    `SELECT to_jsonb(o) AS row FROM orders o WHERE o.status = 'PENDING_PAYMENT' AND o.created_at < $1
     ORDER BY o.created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [createdBefore, limit],
  );
}

/** One stock row, locked: what a warehouse has of a sku and how much of it is free. */
export interface LockedStock {
  readonly warehouseId: string;
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

/**
 * Locks the stock rows of `skus` at `warehouseIds`, ordered by (warehouse, sku) as every writer locks them, so two
 * splits or moves over the same goods queue up instead of deadlocking.
 */
export function lockStock(
  manager: EntityManager,
  warehouseIds: readonly string[],
  skus: readonly string[],
): Promise<LockedStock[]> {
  return lockStockPairs(
    manager,
    warehouseIds.flatMap((warehouseId) => skus.map((sku) => [warehouseId, sku] as const)),
  );
}

/** lockStock for exact (warehouse, sku) pairs, in one statement. */
export async function lockStockPairs(
  manager: EntityManager,
  pairs: readonly (readonly [warehouseId: string, sku: string])[],
): Promise<LockedStock[]> {
  const unique = [...new Map(pairs.map((pair) => [`${pair[0]}\u0000${pair[1]}`, pair])).values()];
  if (!unique.length) return [];
  const rows: LockedStock[] = await manager.query(
    `SELECT s.warehouse_id::text AS "warehouseId", s.sku, s.on_hand AS "onHand", s.reserved,
       s.on_hand - s.reserved AS available FROM stock s
     JOIN unnest($1::bigint[], $2::text[]) AS k(warehouse_id, sku) ON s.warehouse_id = k.warehouse_id AND s.sku = k.sku
     ORDER BY s.warehouse_id, s.sku FOR UPDATE OF s`,
    [unique.map(([warehouseId]) => warehouseId), unique.map(([, sku]) => sku)],
  );
  return rows.map((row) => ({
    ...row,
    onHand: Number(row.onHand),
    reserved: Number(row.reserved),
    available: Number(row.available),
  }));
}
