import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { createGroupLoaders, type RowKind } from './order-rows-loader.js';
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
  return {
    order: byId(db, OrderEntity),
    warehouse: byId(db, WarehouseEntity),
    ...createGroupLoaders(db, {
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
    }),
  };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
