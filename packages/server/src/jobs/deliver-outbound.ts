import type { Task } from 'graphile-worker';
import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import {
  OrderEntity,
  OrderLineEntity,
  OutboundMessageEntity,
  SubOrderEntity,
  WarehouseEntity,
} from '../entities/index.js';
import { recordOrderEvent, type Actor } from '../services/history.js';
import { applySubOrderEvent } from '../services/status-writes.js';
import { wmsSignature } from '../webhooks/signatures.js';
import { DELIVER_TASK, wakeNextMessage } from './outbox.js';
import { lockSubOrder } from '../services/locks.js';

const DISPATCHER: Actor = { type: 'SYSTEM', id: 'dispatcher' };
/** The longest pause of a message waiting for an earlier one of its sub-order (it is woken when that one settles). */
const WAIT_CAP_MS = 60_000;
/** A warehouse that has not answered within this is a failed attempt (retried, then dead-lettered), not a hang. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** The JSON a warehouse receives (api.md "Dispatch, outbound"); the receiver in full, so never logged. */
async function bodyOf(
  manager: EntityManager,
  message: OutboundMessageEntity,
  subOrder: SubOrderEntity,
  warehouse: WarehouseEntity,
): Promise<object> {
  const order = await manager.getRepository(OrderEntity).findOneByOrFail({ id: subOrder.orderId });
  const common = {
    type: message.type,
    eventId: message.eventId,
    seq: message.seq,
    orderNumber: order.number,
    subOrderNumber: subOrder.number,
    warehouseCode: warehouse.code,
    occurredAt: message.createdAt.toISOString(),
  };
  if (message.type !== 'DISPATCH') return { ...common, reason: message.reason };
  const lines = await manager
    .getRepository(OrderLineEntity)
    .find({ where: { subOrderId: subOrder.id }, order: { lineNo: 'ASC' } });
  return {
    ...common,
    lines: lines.map((l) => ({ lineRef: l.lineRef, sku: l.sku, title: l.title, quantity: l.quantity })),
    receiver: {
      name: order.receiverName,
      phone: order.receiverPhone,
      province: order.receiverProvince,
      city: order.receiverCity,
      district: order.receiverDistrict,
      address: order.receiverAddress,
      deliveryPreference: order.deliveryPreference,
    },
    remark: order.remark,
  };
}

/** A dispatch that no longer applies (the sub-order moved on or left this warehouse) is dropped, not sent. */
function stillApplies(message: OutboundMessageEntity, subOrder: SubOrderEntity): boolean {
  if (message.type !== 'DISPATCH') return true;
  return subOrder.status === 'CREATED' && subOrder.warehouseId === message.warehouseId && !subOrder.held;
}

/**
 * Delivers one outbox message: waits (without spending an attempt) for earlier messages of its sub-order, POSTs it
 * signed to the warehouse, and on a 2xx marks it sent (a DISPATCH makes the sub-order DISPATCHED). A failure throws,
 * so graphile-worker retries with exponential back-off; the last attempt dead-letters it, visibly, for ops to re-drive.
 */
export function deliverOutbound(
  db: DataSource,
  onDeadLetter: () => void = () => {},
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Task {
  return async (payload, helpers) => {
    const { messageId, waits = 0 } = payload as { messageId: string; waits?: number };
    const messages = db.getRepository(OutboundMessageEntity);
    const message = await messages.findOneBy({ id: messageId });
    if (!message || message.status !== 'PENDING') return;
    const earlier = await messages.exists({
      where: { subOrderId: message.subOrderId, seq: LessThan(message.seq), status: 'PENDING' },
    });
    if (earlier) {
      // Not an attempt: waiting for an earlier message must not dead-letter this one. It comes back after a growing
      // pause (1 s, 2 s, … 60 s), or at once when the earlier one is settled (wakeNextMessage) — unless that happens
      // between this check and the re-add below, when the pause itself is the wait. The same key: no second job.
      await helpers.addJob(
        DELIVER_TASK,
        { messageId, waits: waits + 1 },
        {
          jobKey: helpers.job.key ?? `outbound:${messageId}`,
          runAt: new Date(Date.now() + Math.min(WAIT_CAP_MS, 1_000 * 2 ** waits)),
          maxAttempts: helpers.job.max_attempts,
        },
      );
      return;
    }
    const subOrder = await db.getRepository(SubOrderEntity).findOneByOrFail({ id: message.subOrderId });
    if (!stillApplies(message, subOrder)) {
      await db.transaction(async (manager) => {
        await manager.getRepository(OutboundMessageEntity).update(message.id, { status: 'DROPPED' });
        await wakeNextMessage(manager, message);
      });
      return;
    }
    const warehouse = await db.getRepository(WarehouseEntity).findOneByOrFail({ id: message.warehouseId });
    const last = helpers.job.attempts >= helpers.job.max_attempts;
    try {
      if (!warehouse.endpointUrl || !warehouse.secret)
        throw new Error(`warehouse ${warehouse.code} has no endpoint or secret`);
      const body = JSON.stringify(await bodyOf(db.manager, message, subOrder, warehouse));
      const response = await fetch(warehouse.endpointUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-oms-signature': wmsSignature(body, warehouse.secret),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`warehouse ${warehouse.code} answered ${response.status}`);
      await db.transaction((manager) => markSent(manager, message, warehouse));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.transaction((manager) => markFailed(manager, message, reason, last));
      if (last) {
        onDeadLetter();
        return;
      }
      throw error;
    }
  };
}

async function markSent(
  manager: EntityManager,
  message: OutboundMessageEntity,
  warehouse: WarehouseEntity,
): Promise<void> {
  await manager.getRepository(OutboundMessageEntity).update(message.id, {
    status: 'SENT',
    sentAt: new Date(),
    attempts: message.attempts + 1,
    lastError: null,
  });
  await wakeNextMessage(manager, message);
  if (message.type !== 'DISPATCH') return;
  const { order, subOrder } = await lockSubOrder(manager, message.subOrderId);
  if (subOrder.status === 'CREATED' && subOrder.warehouseId === warehouse.id) {
    await applySubOrderEvent(
      manager,
      order,
      subOrder,
      'DISPATCH_ACKNOWLEDGED',
      { dispatchSent: true },
      DISPATCHER,
    );
  } else {
    // A callback overtook the 2xx and already moved it on: only the dispatch state is news.
    await manager.getRepository(SubOrderEntity).update(subOrder.id, { dispatchState: 'ACKNOWLEDGED' });
  }
  await recordOrderEvent(manager, {
    order,
    subOrderId: subOrder.id,
    type: 'DISPATCHED',
    actor: DISPATCHER,
    after: { warehouseCode: warehouse.code, message: `您的订单已下发至 ${warehouse.name}` },
    customerVisible: true,
  });
}

async function markFailed(
  manager: EntityManager,
  message: OutboundMessageEntity,
  reason: string,
  last: boolean,
): Promise<void> {
  await manager.getRepository(OutboundMessageEntity).update(message.id, {
    attempts: () => 'attempts + 1',
    lastError: reason.slice(0, 500),
    ...(last ? { status: 'DEAD_LETTER' as const } : {}),
  });
  if (last) await wakeNextMessage(manager, message);
  if (message.type !== 'DISPATCH') return;
  await manager
    .getRepository(SubOrderEntity)
    .update(
      { id: message.subOrderId, status: 'CREATED' },
      { dispatchState: last ? 'DEAD_LETTER' : 'RETRYING' },
    );
  if (last) {
    const order = await manager.getRepository(OrderEntity).findOneByOrFail({ id: message.orderId });
    await recordOrderEvent(manager, {
      order,
      subOrderId: message.subOrderId,
      type: 'DISPATCH_DEAD_LETTERED',
      actor: DISPATCHER,
      reason,
      after: { eventId: message.eventId },
    });
  }
}
