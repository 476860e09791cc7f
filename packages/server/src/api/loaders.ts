import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
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

/**
 * Loads every row whose `column` is one of the keys, in one statement, grouped by key. Everything that hangs
 * under an order is loaded by order id, so an order page costs one statement per kind of row however many lines,
 * sub-orders, parcels or events it has, and a page of orders costs the same.
 */
function groupedBy<E extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: Partial<Record<keyof E & string, 'ASC' | 'DESC'>>,
): DataLoader<string, E[]> {
  return new DataLoader(async (keys) => {
    const rows = await db.getRepository(entity).find({
      where: { [column]: In([...keys]) } as never,
      order: order as never,
    });
    const groups = new Map<string, E[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(String(row[column]))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** One row per key by its id, or null. */
function byId<E extends ObjectLiteral & { id: string }>(
  db: DataSource,
  entity: EntityTarget<E>,
): DataLoader<string, E | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.getRepository(entity).find({ where: { id: In([...ids]) } as never });
    const found = new Map(rows.map((row) => [String(row.id), row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** The per-request batch loaders (one set per request, so nothing is cached across staff). */
export function createLoaders(db: DataSource) {
  return {
    order: byId(db, OrderEntity),
    warehouse: byId(db, WarehouseEntity),
    linesByOrder: groupedBy(db, OrderLineEntity, 'orderId', { lineNo: 'ASC' }),
    subOrdersByOrder: groupedBy(db, SubOrderEntity, 'orderId', { id: 'ASC' }),
    paymentsByOrder: groupedBy(db, PaymentEntity, 'orderId', { id: 'ASC' }),
    paymentLogsByOrder: groupedBy(db, PaymentLogEntity, 'orderId', { at: 'ASC', id: 'ASC' }),
    giftCardUsagesByOrder: groupedBy(db, GiftCardUsageEntity, 'orderId', { id: 'ASC' }),
    pointsUsagesByOrder: groupedBy(db, PointsUsageEntity, 'orderId', { id: 'ASC' }),
    refundsByOrder: groupedBy(db, RefundEntity, 'orderId', { id: 'ASC' }),
    interceptionsByOrder: groupedBy(db, InterceptionEntity, 'orderId', { raisedAt: 'ASC', id: 'ASC' }),
    eventsByOrder: groupedBy(db, OrderEventEntity, 'orderId', { at: 'ASC', id: 'ASC' }),
    shipmentsByOrder: groupedBy(db, ShipmentEntity, 'orderId', { shippedAt: 'ASC', id: 'ASC' }),
    logisticsEventsByOrder: groupedBy(db, LogisticsEventEntity, 'orderId', { occurredAt: 'ASC', id: 'ASC' }),
    warehouseHistoryByOrder: groupedBy(db, SubOrderWarehouseEntity, 'orderId', {
      assignedAt: 'ASC',
      id: 'ASC',
    }),
    stockByWarehouse: groupedBy(db, StockEntity, 'warehouseId', { sku: 'ASC' }),
  };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
