import {
  carrierByCode,
  carrierFromKuaidi100,
  classifyReport,
  parseOrderNumber,
  type StrandEvents,
} from '@oms/schema';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import {
  InboundMessageEntity,
  LogisticsEventEntity,
  type OrderEntity,
  OrderLineEntity,
  ShipmentEntity,
  SubOrderEntity,
  type WarehouseEntity,
} from '../../entities/index.js';
import { recordOrderEvent, type Actor } from '../history.js';
import { applySubOrderEvent } from '../status-writes.js';
import { lockSubOrder } from '../locks.js';
import type { CancelService } from '../cancel/cancel.service.js';

/** The callback types of api.md. */
export const WMS_CALLBACK_TYPES = [
  'ACCEPTED',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'CANCEL_CONFIRMED',
  'CANCEL_REFUSED',
  'INTERCEPT_CONFIRMED',
  'INTERCEPT_REFUSED',
] as const;
type WmsCallbackType = (typeof WMS_CALLBACK_TYPES)[number];

const EVENT_OF: Partial<Record<WmsCallbackType, StrandEvents['FULFILMENT']>> = {
  ACCEPTED: 'WMS_ACCEPTED',
  PICKING: 'WMS_PICKING',
  PACKED: 'WMS_PACKED',
  SHIPPED: 'WMS_SHIPPED',
  CANCEL_CONFIRMED: 'CANCEL_CONFIRMED',
  CANCEL_REFUSED: 'CANCEL_REFUSED',
};

/** A parsed warehouse callback. */
export interface WmsCallback {
  readonly eventId: string;
  readonly subOrderNumber: string;
  readonly type: WmsCallbackType;
  readonly occurredAt: Date;
  readonly shipments: readonly { carrier: string; trackingNumber: string }[];
}

/** A malformed callback body; answered 400 and nothing changes. */
export class BadCallbackError extends Error {}

/** Parses and checks a callback body, or throws BadCallbackError naming the field. */
export function parseWmsCallback(body: unknown): WmsCallback {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (field: string) => {
    const value = b[field];
    if (typeof value !== 'string' || !value.trim() || value.length > 128)
      throw new BadCallbackError(`${field}: a non-empty string is required`);
    return value.trim();
  };
  const type = text('type') as WmsCallbackType;
  if (!WMS_CALLBACK_TYPES.includes(type))
    throw new BadCallbackError(`type: one of ${WMS_CALLBACK_TYPES.join(', ')}`);
  const occurredAt = new Date(text('occurredAt'));
  if (Number.isNaN(occurredAt.getTime()))
    throw new BadCallbackError('occurredAt: an ISO-8601 time is required');
  const shipments = Array.isArray(b.shipments) ? b.shipments : [];
  const parsed = shipments.map((s: unknown, i: number) => {
    const { carrier, trackingNumber } = (s ?? {}) as Record<string, unknown>;
    if (typeof carrier !== 'string' || !(carrierByCode(carrier) ?? carrierFromKuaidi100(carrier)))
      throw new BadCallbackError(`shipments[${i}].carrier: unknown carrier`);
    if (typeof trackingNumber !== 'string' || !/^[A-Za-z0-9-]{6,40}$/.test(trackingNumber))
      throw new BadCallbackError(`shipments[${i}].trackingNumber: 6–40 letters or digits`);
    return { carrier: (carrierByCode(carrier) ?? carrierFromKuaidi100(carrier))!.code, trackingNumber };
  });
  if (type === 'SHIPPED' && parsed.length === 0)
    throw new BadCallbackError('shipments: SHIPPED needs at least one parcel');
  return {
    eventId: text('eventId'),
    subOrderNumber: text('subOrderNumber'),
    type,
    occurredAt,
    shipments: parsed,
  };
}

/** What the OMS did with a callback, also stored with it. */
export type CallbackOutcome =
  'APPLIED' | 'REPEAT' | 'DUPLICATE_EVENT' | 'STALE' | 'NOTED' | 'OLD_WAREHOUSE' | 'UNKNOWN_SUB_ORDER';

/**
 * Warehouse callbacks (api.md `POST /webhooks/wms/:warehouseCode`, domain.md §6.6): idempotent by eventId,
 * forward-only (a late or repeated step is stored and noted, never applied backwards), ignoring a warehouse the
 * sub-order has left. The signature is checked by the route before this runs.
 */
export class WmsCallbackService {
  constructor(
    private readonly db: DataSource,
    private readonly cancels: CancelService,
  ) {}

  async handle(warehouse: WarehouseEntity, callback: WmsCallback, raw: object): Promise<CallbackOutcome> {
    return this.db.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(InboundMessageEntity)
        .values({
          source: `WMS:${warehouse.code}`,
          messageKey: callback.eventId,
          receivedAt: new Date(),
          payload: raw,
          outcome: 'RECEIVED',
        })
        .orIgnore()
        .returning('id')
        .execute();
      const messageId = inserted.raw[0]?.id as string | undefined;
      if (!messageId) return 'DUPLICATE_EVENT';
      const outcome = await this.apply(manager, warehouse, callback);
      await manager.getRepository(InboundMessageEntity).update(messageId, { outcome });
      return outcome;
    });
  }

  private async apply(
    manager: EntityManager,
    warehouse: WarehouseEntity,
    callback: WmsCallback,
  ): Promise<CallbackOutcome> {
    const parsed = parseOrderNumber(callback.subOrderNumber);
    if (!parsed.ok || parsed.kind !== 'SUB_ORDER') return 'UNKNOWN_SUB_ORDER';
    const found = await manager
      .getRepository(SubOrderEntity)
      .findOne({ where: { number: parsed.number, shard: parsed.shard }, select: { id: true } });
    if (!found) return 'UNKNOWN_SUB_ORDER';
    const { order, subOrder } = await lockSubOrder(manager, found.id);
    const actor: Actor = { type: 'WAREHOUSE', id: warehouse.code, name: warehouse.name };
    const note = (type: string, details: object = {}) =>
      recordOrderEvent(manager, {
        order,
        subOrderId: subOrder.id,
        type,
        actor,
        after: { callback: callback.type, eventId: callback.eventId, ...details },
        at: callback.occurredAt,
      });

    if (subOrder.warehouseId !== warehouse.id) {
      // Reassigned away (domain.md §3): stored and ignored; work reported on goods it no longer has is an exception.
      const serious = callback.type === 'PICKING' || callback.type === 'SHIPPED';
      await note(serious ? 'OLD_WAREHOUSE_PROGRESS_EXCEPTION' : `WMS_${callback.type}_IGNORED`, {
        reason: 'not the current warehouse',
      });
      return 'OLD_WAREHOUSE';
    }
    const event = EVENT_OF[callback.type];
    if (!event) {
      await note(callback.type);
      return 'NOTED';
    }
    const facts = {
      dispatchSent: subOrder.dispatchState !== 'NONE',
      cancelRequested: subOrder.cancelRequestedAt !== null,
    };
    const outcome = classifyReport('FULFILMENT', subOrder.status, event, facts);
    if (outcome === 'REPEAT') return 'REPEAT';
    if (outcome === 'STALE') {
      await note(`WMS_${callback.type}_IGNORED`, { currentStatus: subOrder.status });
      return 'STALE';
    }
    const row = await applySubOrderEvent(manager, order, subOrder, event, facts, actor, {
      eventId: callback.eventId,
    });
    if (row.effects.includes('CREATE_SHIPMENTS'))
      await this.ship(manager, order, subOrder, warehouse, callback);
    if (row.effects.includes('REFUND_PAYMENTS'))
      await this.cancels.completeAtWarehouse(manager, order, subOrder);
    if (callback.type === 'CANCEL_REFUSED') await note('CANCEL_REFUSED', { status: subOrder.status });
    return 'APPLIED';
  }

  /** SHIPPED: one shipment per parcel, the reservation consumed, waiting carrier events attached. */
  private async ship(
    manager: EntityManager,
    order: OrderEntity,
    subOrder: SubOrderEntity,
    warehouse: WarehouseEntity,
    callback: WmsCallback,
  ): Promise<void> {
    for (const parcel of callback.shipments) {
      const { identifiers } = await manager.getRepository(ShipmentEntity).insert({
        subOrderId: subOrder.id,
        orderId: order.id,
        shard: order.shard,
        carrierCode: parcel.carrier as ShipmentEntity['carrierCode'],
        trackingNumber: parcel.trackingNumber,
        node: null,
        lastNormalNode: null,
        shippedAt: callback.occurredAt,
      });
      await manager.getRepository(LogisticsEventEntity).update(
        {
          carrierCode: parcel.carrier as ShipmentEntity['carrierCode'],
          trackingNumber: parcel.trackingNumber,
          shipmentId: IsNull(),
        },
        { shipmentId: String(identifiers[0]!.id), orderId: order.id, shard: order.shard },
      );
    }
    const lines = await manager.getRepository(OrderLineEntity).find({ where: { subOrderId: subOrder.id } });
    for (const line of lines) {
      await manager.query(
        'UPDATE stock SET on_hand = on_hand - $3, reserved = reserved - $3 WHERE warehouse_id = $1 AND sku = $2 AND reserved >= $3',
        [warehouse.id, line.sku, line.quantity],
      );
    }
    await recordOrderEvent(manager, {
      order,
      subOrderId: subOrder.id,
      type: 'SHIPPED',
      actor: { type: 'WAREHOUSE', id: warehouse.code, name: warehouse.name },
      after: { parcels: callback.shipments },
      customerVisible: true,
      at: callback.occurredAt,
    });
  }
}
