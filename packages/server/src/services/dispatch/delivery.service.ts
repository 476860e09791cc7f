import type { DataSource } from 'typeorm';
import {
  OrderEntity,
  OrderLineEntity,
  receiverOf,
  OutboundMessageEntity,
  SubOrderEntity,
  type WarehouseEntity,
} from '../../entities/index.js';
import { countDeadLetter } from '../../metrics/domain-counters.js';
import { inTransaction, type ServiceDeps } from '../helpers/deps.js';
import { recordOrderEvent, type Actor } from '../helpers/history.js';
import { lockSubOrder } from '../helpers/locks.js';
import { applySubOrderEvent } from '../helpers/transitions.js';

const DISPATCHER: Actor = { type: 'SYSTEM', id: 'dispatcher' };

/**
 * What becomes of an outbox message once the worker has tried to deliver it (jobs/deliver-outbound.ts does the
 * HTTP): sent (a DISPATCH makes its sub-order DISPATCHED), failed (retried, the last attempt dead-lettered, visibly,
 * for ops to re-drive), or dropped when it no longer applies. Each settles in its own transaction and lets the next
 * message of the sub-order go.
 */
export class DeliveryService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The JSON a warehouse receives (docs/api.md "Dispatch, outbound"): the receiver in full, so never logged. */
  async bodyOf(message: OutboundMessageEntity, subOrder: SubOrderEntity, warehouse: WarehouseEntity) {
    const db: DataSource = this.deps.db;
    const order = await db.getRepository(OrderEntity).findOneByOrFail({ id: subOrder.orderId });
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
    const lines = await db
      .getRepository(OrderLineEntity)
      .find({ where: { subOrderId: subOrder.id }, order: { lineNo: 'ASC' } });
    return {
      ...common,
      lines: lines.map((l) => ({ lineRef: l.lineRef, sku: l.sku, title: l.title, quantity: l.quantity })),
      receiver: { ...receiverOf(order), deliveryPreference: order.deliveryPreference },
      remark: order.remark,
    };
  }

  /** Whether the message is still worth sending: a dispatch no longer applies once its sub-order moved on or away. */
  stillApplies(message: OutboundMessageEntity, subOrder: SubOrderEntity): boolean {
    if (message.type !== 'DISPATCH') return true;
    return subOrder.status === 'CREATED' && subOrder.warehouseId === message.warehouseId && !subOrder.held;
  }

  /** Drops a message that no longer applies, unsent. */
  async drop(message: OutboundMessageEntity): Promise<void> {
    await inTransaction(this.deps, async ({ manager, outbox }) => {
      await manager.getRepository(OutboundMessageEntity).update(message.id, { status: 'DROPPED' });
      await outbox.settled(manager, message);
    });
  }

  /** The warehouse answered 2xx. */
  async sent(
    message: OutboundMessageEntity,
    warehouse: Pick<WarehouseEntity, 'id' | 'code' | 'name'>,
  ): Promise<void> {
    await inTransaction(this.deps, async (tx) => {
      const { manager, outbox } = tx;
      // The order and sub-order first, as every writer locks: a cancel holding them while it drops this message
      // would otherwise wait for us while we wait for it.
      const { order, subOrder } = await lockSubOrder(manager, message.subOrderId);
      await manager.getRepository(OutboundMessageEntity).update(message.id, {
        status: 'SENT',
        sentAt: new Date(),
        attempts: message.attempts + 1,
        lastError: null,
      });
      await outbox.settled(manager, message);
      if (message.type !== 'DISPATCH') return;
      if (subOrder.status === 'CREATED' && subOrder.warehouseId === warehouse.id) {
        await applySubOrderEvent(tx, {
          order,
          subOrder,
          event: 'DISPATCH_ACKNOWLEDGED',
          facts: { dispatchSent: true },
          actor: DISPATCHER,
        });
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
    });
  }

  /** An attempt failed; `last` dead-letters the message, and a dead-lettered dispatch shows on its sub-order. */
  async failed(message: OutboundMessageEntity, reason: string, last: boolean): Promise<void> {
    await inTransaction(this.deps, async ({ manager, outbox }) => {
      const { order } = await lockSubOrder(manager, message.subOrderId);
      await manager.getRepository(OutboundMessageEntity).update(message.id, {
        attempts: () => 'attempts + 1',
        lastError: reason.slice(0, 500),
        ...(last ? { status: 'DEAD_LETTER' as const } : {}),
      });
      if (last) await outbox.settled(manager, message);
      if (message.type !== 'DISPATCH') return;
      await manager
        .getRepository(SubOrderEntity)
        .update(
          { id: message.subOrderId, status: 'CREATED' },
          { dispatchState: last ? 'DEAD_LETTER' : 'RETRYING' },
        );
      if (last) {
        countDeadLetter();
        await recordOrderEvent(manager, {
          order,
          subOrderId: message.subOrderId,
          type: 'DISPATCH_DEAD_LETTERED',
          actor: DISPATCHER,
          reason,
          after: { eventId: message.eventId },
        });
      }
    });
  }
}
