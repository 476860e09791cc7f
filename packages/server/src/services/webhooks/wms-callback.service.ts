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
  'APPLIED' | 'REPEAT' | 'DUPLICATE_EVENT' | 'STALE' | 'NOTED' | 'OLD_WAREHOUSE' | 'UNKNOWN_SUB_ORDER';

/**
 * Warehouse callbacks (docs/api.md `POST /webhooks/wms/:warehouseCode`, docs/domain.md §6.6): idempotent by eventId,
 * forward-only (a late or repeated step is stored and noted, never applied backwards), ignoring a warehouse the
 * sub-order has left. The signature is checked by the route before this runs.
 */
export class WmsCallbackService {
  constructor(private readonly deps: ServiceDeps) {}

  async handle(warehouse: WarehouseEntity, callback: WmsCallback, raw: object): Promise<CallbackOutcome> {
    return inTransaction(this.deps, async (tx) => {
      const { manager } = tx;
      const messageId = await storeInboundOnce(manager, {
        source: `WMS:${warehouse.code}`,
        key: callback.eventId,
        payload: raw,
      });
      if (!messageId) return 'DUPLICATE_EVENT';
      const outcome = await this.apply(tx, warehouse, callback);
      await noteInboxOutcome(manager, messageId, outcome);
      return outcome;
    });
  }

  private async apply(tx: Tx, warehouse: WarehouseEntity, callback: WmsCallback): Promise<CallbackOutcome> {
    const { manager } = tx;
    // A number that is not a sub-order's is an unknown sub-order, like one that does not exist: stored, answered 200.
    const parsed = parseOrderNumber(callback.subOrderNumber);
    if (!parsed.ok || parsed.kind !== 'SUB_ORDER') return 'UNKNOWN_SUB_ORDER';
    const locked = await lockSubOrderByNumber(manager, parsed);
    if (!locked) return 'UNKNOWN_SUB_ORDER';
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
    return 'APPLIED';
  }
}
