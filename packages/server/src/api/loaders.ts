import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { createGroupLoaders, type GroupLoader, type RowKind } from './order-rows-loader.js';
import {
  GiftCardUsageEntity,
  InterceptionEntity,
  LogisticsEventEntity,
  OrderEntity,
  OrderEventEntity,
  OrderLineEntity,
  PaymentEntity,
  PaymentLogEntity,
  PointsUsageEntity,
  RefundEntity,
  ShipmentEntity,
  StockEntity,
  SubOrderEntity,
  SubOrderWarehouseEntity,
  WarehouseEntity,
} from '../entities/index.js';

/** One row by its id, or null. */
export interface RowLoader<E> {
  load(id: string): Promise<E | null>;
  loadMany(ids: readonly string[]): Promise<(E | null)[]>;
  prime(id: string, row: E): void;
}

/**
 * A kind grouped by its own id (at most one row per group) read as single rows: it joins the statement of whatever
 * else is asked in the same tick (a sub-order's warehouse is read with its parcels and stays).
 */
function single<E>(group: GroupLoader<E>): RowLoader<E> {
  const load = async (id: string) => (await group.load(id))[0] ?? null;
  return {
    load,
    loadMany: (ids) => Promise.all(ids.map(load)),
    prime: (id, row) => group.prime(id, [row]),
  };
}

/** A kind of row grouped by `groupBy`, sorted by `sortBy` then id. */
function kind<E extends ObjectLiteral>(
  entity: EntityTarget<E>,
  groupBy: keyof E & string,
  sortBy: (keyof E & string)[],
): RowKind<E> {
  return { entity, groupBy, sortBy };
}

/** The per-request batch loaders (one set per request, so nothing is cached across staff). */
export function createLoaders(db: DataSource) {
  const { orderById, warehouseById, ...groups } = createGroupLoaders(db, {
    orderById: kind(OrderEntity, 'id', []),
    warehouseById: kind(WarehouseEntity, 'id', []),
    linesByOrder: kind(OrderLineEntity, 'orderId', ['lineNo']),
    subOrdersByOrder: kind(SubOrderEntity, 'orderId', []),
    paymentsByOrder: kind(PaymentEntity, 'orderId', []),
    paymentLogsByOrder: kind(PaymentLogEntity, 'orderId', ['at']),
    giftCardUsagesByOrder: kind(GiftCardUsageEntity, 'orderId', []),
    pointsUsagesByOrder: kind(PointsUsageEntity, 'orderId', []),
    refundsByOrder: kind(RefundEntity, 'orderId', []),
    interceptionsByOrder: kind(InterceptionEntity, 'orderId', ['raisedAt']),
    eventsByOrder: kind(OrderEventEntity, 'orderId', ['at']),
    shipmentsByOrder: kind(ShipmentEntity, 'orderId', ['shippedAt']),
    logisticsEventsByOrder: kind(LogisticsEventEntity, 'orderId', ['occurredAt']),
    warehouseHistoryByOrder: kind(SubOrderWarehouseEntity, 'orderId', ['assignedAt']),
    stockByWarehouse: kind(StockEntity, 'warehouseId', ['sku']),
  });
  return { order: single(orderById), warehouse: single(warehouseById), ...groups };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
