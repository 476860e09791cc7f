import type { EntityManager } from 'typeorm';
import { classifyReport, parseOrderNumber, type CarrierCode, type StrandEvents } from '@oms/schema';
import type { WarehouseEntity } from '../../entities/index.js';
import { inTransaction, type ServiceDeps, type Tx } from '../helpers/deps.js';
import { recordOrderEvent, type Actor } from '../helpers/history.js';
import { noteInboxOutcome, storeInboundOnce } from '../helpers/inbox.js';
import { lockSubOrderByNumber } from '../helpers/locks.js';
import { applySubOrderEvent } from '../helpers/transitions.js';

/** The callback types of docs/api.md. */
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
/** One callback type. */
export type WmsCallbackType = (typeof WMS_CALLBACK_TYPES)[number];

const EVENT_OF: Partial<Record<WmsCallbackType, StrandEvents['FULFILMENT']>> = {
  ACCEPTED: 'WMS_ACCEPTED',
  PICKING: 'WMS_PICKING',
  PACKED: 'WMS_PACKED',
  SHIPPED: 'WMS_SHIPPED',
  CANCEL_CONFIRMED: 'CANCEL_CONFIRMED',
  CANCEL_REFUSED: 'CANCEL_REFUSED',
};

/** A warehouse callback, checked at the edge (http/webhooks/wms.webhook.ts). */
export interface WmsCallback {
  readonly eventId: string;
  readonly subOrderNumber: string;
  readonly type: WmsCallbackType;
  readonly occurredAt: Date;
  readonly shipments: readonly { carrier: CarrierCode; trackingNumber: string }[];
}

/** What the OMS did with a callback, also stored with it. */
export type CallbackOutcome =
  | 'APPLIED'
  | 'REPEAT'
  | 'DUPLICATE_EVENT'
  | 'STALE'
  | 'NOTED'
  | 'OLD_WAREHOUSE'
  | 'UNKNOWN_SUB_ORDER'
  | 'TRACKING_NUMBER_TAKEN';

/** A callback's outcome, and for a refused one what is wrong with it (the route answers it as a 409). */
export interface CallbackResult {
  readonly outcome: CallbackOutcome;
  readonly problem?: string;
}

/**
 * Warehouse callbacks (docs/api.md `POST /webhooks/wms/:warehouseCode`, docs/domain.md §6.6): idempotent by eventId,
 * forward-only (a late or repeated step is stored and noted, never applied backwards), ignoring a warehouse the
 * sub-order has left. The signature is checked by the route before this runs.
 */
export class WmsCallbackService {
  constructor(private readonly deps: ServiceDeps) {}

  async handle(warehouse: WarehouseEntity, callback: WmsCallback, raw: object): Promise<CallbackResult> {
    return inTransaction(this.deps, async (tx) => {
      const { manager } = tx;
      const messageId = await storeInboundOnce(manager, {
        source: `WMS:${warehouse.code}`,
        key: callback.eventId,
        payload: raw,
      });
      if (!messageId) return { outcome: 'DUPLICATE_EVENT' };
      const result = await this.apply(tx, warehouse, callback);
      await noteInboxOutcome(manager, messageId, result.outcome);
      return result;
    });
  }

  private async apply(tx: Tx, warehouse: WarehouseEntity, callback: WmsCallback): Promise<CallbackResult> {
    const answer = (outcome: CallbackOutcome): CallbackResult => ({ outcome });
    const { manager } = tx;
    // A number that is not a sub-order's is an unknown sub-order, like one that does not exist: stored, answered 200.
    const parsed = parseOrderNumber(callback.subOrderNumber);
    if (!parsed.ok || parsed.kind !== 'SUB_ORDER') return answer('UNKNOWN_SUB_ORDER');
    const locked = await lockSubOrderByNumber(manager, parsed);
    if (!locked) return answer('UNKNOWN_SUB_ORDER');
    const { order, subOrder } = locked;
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
      // Reassigned away (docs/domain.md §3): stored and ignored; work reported on goods it no longer has is an exception.
      const serious = callback.type === 'PICKING' || callback.type === 'SHIPPED';
      await note(serious ? 'OLD_WAREHOUSE_PROGRESS_EXCEPTION' : `WMS_${callback.type}_IGNORED`, {
        reason: 'not the current warehouse',
      });
      return answer('OLD_WAREHOUSE');
    }
    const event = EVENT_OF[callback.type];
    if (!event) {
      await note(callback.type);
      return answer('NOTED');
    }
    const facts = {
      dispatchSent: subOrder.dispatchState !== 'NONE',
      cancelRequested: subOrder.cancelRequestedAt !== null,
    };
    const outcome = classifyReport('FULFILMENT', subOrder.status, event, facts);
    if (outcome === 'REPEAT') return answer('REPEAT');
    if (outcome === 'STALE') {
      await note(`WMS_${callback.type}_IGNORED`, { currentStatus: subOrder.status });
      return answer('STALE');
    }
    if (callback.type === 'SHIPPED') {
      const taken = await parcelOfAnother(manager, subOrder.id, callback.shipments);
      if (taken) {
        await note('SHIPPED_TRACKING_NUMBER_TAKEN', taken);
        return {
          outcome: 'TRACKING_NUMBER_TAKEN',
          problem: `shipments[${taken.index}].trackingNumber: ${taken.carrier} ${taken.trackingNumber} is already the parcel of sub-order ${taken.subOrderNumber}`,
        };
      }
    }
    await applySubOrderEvent(tx, {
      order,
      subOrder,
      event,
      facts,
      actor,
      details: { eventId: callback.eventId },
      reason: callback.type === 'CANCEL_CONFIRMED' ? 'cancelled: confirmed by the warehouse' : null,
      params: {
        shipped: { warehouse, parcels: callback.shipments, occurredAt: callback.occurredAt },
      },
    });
    if (callback.type === 'CANCEL_REFUSED') await note('CANCEL_REFUSED', { status: subOrder.status });
    return answer('APPLIED');
  }
}

/**
 * The first parcel of a SHIPPED report whose waybill (carrier, tracking number) is already another sub-order's: a
 * waybill belongs to one parcel (docs/domain.md §7), so the report is stored, noted for ops and refused with 409
 * instead of failing on the unique key (a 500 the warehouse would retry for ever).
 */
async function parcelOfAnother(
  manager: EntityManager,
  subOrderId: string,
  parcels: readonly { carrier: string; trackingNumber: string }[],
) {
  if (parcels.length === 0) return null;
  const rows = (await manager.query(
    `SELECT p.k - 1 AS index, p.carrier, p.tracking_number AS "trackingNumber", s.number AS "subOrderNumber"
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(carrier, tracking_number, k)
     JOIN shipments sh ON sh.carrier_code = p.carrier AND sh.tracking_number = p.tracking_number
     JOIN sub_orders s ON s.id = sh.sub_order_id
     WHERE sh.sub_order_id <> $3 ORDER BY p.k LIMIT 1`,
    [parcels.map((p) => p.carrier), parcels.map((p) => p.trackingNumber), subOrderId],
  )) as { index: number; carrier: string; trackingNumber: string; subOrderNumber: string }[];
  return rows[0] ?? null;
}
