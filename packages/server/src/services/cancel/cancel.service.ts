import { checkTransition, parseOrderNumber } from '@oms/schema';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../auth/principal.js';
import { domainError, badInput } from '../../errors/domain-error.js';
import {
  InterceptionEntity,
  OrderEntity,
  OutboundMessageEntity,
  RefundEntity,
  SubOrderEntity,
} from '../../entities/index.js';
import { enqueueOutbound } from '../../jobs/outbox.js';
import { recordAudit, recordOrderEvent, staffActor, type Actor } from '../history.js';
import { settleHold } from '../holds/holds.js';
import { refundWholeOrder } from '../refunds.js';
import { applyOrderEvent, applySubOrderEvent } from '../status-writes.js';
import { refundSubOrder, releaseReservation } from './sub-order-refund.js';

/** What happened to one sub-order (or the unsplit order, `subOrderNumber` null) when a cancel was asked. */
export interface CancelResult {
  readonly subOrderNumber: string | null;
  readonly outcome:
    'CANCELLED' | 'CANCEL_REQUESTED' | 'ALREADY_CANCELLED' | 'ALREADY_REQUESTED' | 'NOT_CANCELLABLE';
  readonly reason: string | null;
}

/** A staff cancel (api.md cancelOrder). */
export interface CancelRequest {
  readonly number: string;
  readonly reason: string;
  readonly expectedVersion?: number | null;
}

const MAX_REASON = 500;

/**
 * Cancels on the customer's behalf (domain.md §3): an unsplit order at once, refunding every instrument; a split
 * order sub-order by sub-order, each checked on its own by the transition table — at once while no warehouse has
 * it, by asking the warehouse while one does, never once shipped. One transaction, rows locked parent first then
 * sub-orders by id, so concurrent cancels queue up and the later ones find the work done.
 */
export class CancelService {
  constructor(
    private readonly db: DataSource,
    private readonly dispatchMaxAttempts: number,
  ) {}

  async cancel(staff: StaffPrincipal, request: CancelRequest, address: string | null) {
    const reason = request.reason.trim();
    if (!reason) throw badInput('reason', 'say why the order is cancelled');
    if (reason.length > MAX_REASON) throw badInput('reason', `at most ${MAX_REASON} characters`);
    const parsed = parseOrderNumber(request.number);
    if (!parsed.ok)
      throw domainError('INVALID_ORDER_NUMBER', `Not a valid order number (${parsed.reason}).`, {
        reason: parsed.reason,
      });
    return this.db.transaction(async (manager) => {
      const order = await this.lockOrder(
        manager,
        parsed.kind === 'ORDER' ? { number: parsed.number } : { subOrderNumber: parsed.number },
      );
      return this.cancelLocked(
        manager,
        staff,
        order,
        parsed.kind === 'ORDER' ? null : parsed.number,
        reason,
        address,
        request.expectedVersion,
      );
    });
  }

  /**
   * The cancel itself, in the caller's transaction with the parent row already locked: the whole order, or the one
   * sub-order `subOrderNumber` names. Used by cancelOrder and by a manager's CANCEL_ORDER decision on a hold.
   */
  async cancelLocked(
    manager: EntityManager,
    staff: StaffPrincipal,
    order: OrderEntity,
    subOrderNumber: string | null,
    reason: string,
    address: string | null,
    expectedVersion?: number | null,
  ) {
    const actor = staffActor(staff);
    const subOrders = await manager
      .getRepository(SubOrderEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.order_id = :id', { id: order.id })
      .orderBy('s.id')
      .getMany();
    const targets =
      subOrderNumber === null ? subOrders : subOrders.filter((s) => s.number === subOrderNumber);
    if (expectedVersion != null) {
      const current = subOrderNumber === null ? order.version : targets[0]!.version;
      if (current !== expectedVersion) {
        throw domainError(
          'VERSION_CONFLICT',
          `${subOrderNumber ?? order.number} is at version ${current}, not ${expectedVersion}: someone changed it first.`,
        );
      }
    }
    const refundsBefore = await manager.getRepository(RefundEntity).count({ where: { orderId: order.id } });
    const results: CancelResult[] =
      order.status === 'SPLIT'
        ? await this.cancelSubOrders(manager, order, targets, reason, actor)
        : [await this.cancelUnsplit(manager, order, reason, actor)];
    await recordAudit(manager, {
      staff,
      action: 'CANCEL_ORDER',
      orderNumber: order.number,
      after: { number: subOrderNumber ?? order.number, results },
      reason,
      address,
    });
    const refunds = (
      await manager.getRepository(RefundEntity).find({ where: { orderId: order.id }, order: { id: 'ASC' } })
    ).slice(refundsBefore);
    return { order, results, refunds };
  }

  /** A warehouse confirmed a cancel it was asked for: refund and give the stock back (called by the WMS webhook). */
  async completeAtWarehouse(
    manager: EntityManager,
    order: OrderEntity,
    subOrder: SubOrderEntity,
  ): Promise<void> {
    await refundSubOrder(manager, order, subOrder, 'cancelled: confirmed by the warehouse');
    await releaseReservation(manager, subOrder);
  }

  private async lockOrder(
    manager: EntityManager,
    key: { number: string } | { subOrderNumber: string },
  ): Promise<OrderEntity> {
    const query = manager.getRepository(OrderEntity).createQueryBuilder('o').setLock('pessimistic_write');
    if ('number' in key) query.where('o.number = :n', { n: key.number });
    else query.where('o.id = (SELECT order_id FROM sub_orders WHERE number = :n)', { n: key.subOrderNumber });
    const order = await query.getOne();
    if (!order) throw domainError('NOT_FOUND', 'No such order.');
    return order;
  }

  private async cancelUnsplit(
    manager: EntityManager,
    order: OrderEntity,
    reason: string,
    actor: Actor,
  ): Promise<CancelResult> {
    if (order.status === 'CANCELLED')
      return { subOrderNumber: null, outcome: 'ALREADY_CANCELLED', reason: null };
    const check = checkTransition('ORDER', order.status, 'CANCEL');
    if (!check.ok)
      return { subOrderNumber: null, outcome: 'NOT_CANCELLABLE', reason: `the order is ${order.status}` };
    await applyOrderEvent(manager, order, 'CANCEL', {}, actor, {}, reason);
    await refundWholeOrder(manager, order, reason, actor);
    await this.settleHolds(manager, order, null);
    return { subOrderNumber: null, outcome: 'CANCELLED', reason: null };
  }

  private async cancelSubOrders(
    manager: EntityManager,
    order: OrderEntity,
    subOrders: SubOrderEntity[],
    reason: string,
    actor: Actor,
  ): Promise<CancelResult[]> {
    const results: CancelResult[] = [];
    for (const subOrder of subOrders) {
      const result = { subOrderNumber: subOrder.number };
      if (subOrder.status === 'CANCELLED') {
        results.push({ ...result, outcome: 'ALREADY_CANCELLED', reason: null });
        continue;
      }
      if (subOrder.cancelRequestedAt) {
        results.push({
          ...result,
          outcome: 'ALREADY_REQUESTED',
          reason: 'waiting for the warehouse to confirm',
        });
        continue;
      }
      const check = checkTransition('FULFILMENT', subOrder.status, 'CANCEL', { cancelRequested: false });
      if (!check.ok) {
        results.push({
          ...result,
          outcome: 'NOT_CANCELLABLE',
          reason: `the sub-order is ${subOrder.status}`,
        });
        continue;
      }
      if (check.row.to === 'CANCELLED') {
        await applySubOrderEvent(
          manager,
          order,
          subOrder,
          'CANCEL',
          { cancelRequested: false },
          actor,
          {},
          reason,
        );
        await refundSubOrder(manager, order, subOrder, reason);
        await releaseReservation(manager, subOrder);
        // No warehouse acknowledged it: its pending dispatch is dropped, never sent.
        await manager
          .getRepository(OutboundMessageEntity)
          .update({ subOrderId: subOrder.id, status: 'PENDING', type: 'DISPATCH' }, { status: 'DROPPED' });
        await this.settleHolds(manager, order, subOrder.id);
        results.push({ ...result, outcome: 'CANCELLED', reason: null });
      } else {
        await applySubOrderEvent(
          manager,
          order,
          subOrder,
          'CANCEL',
          { cancelRequested: false },
          actor,
          {},
          reason,
        );
        await manager.getRepository(SubOrderEntity).update(subOrder.id, { cancelRequestedAt: new Date() });
        await enqueueOutbound(
          manager,
          subOrder,
          subOrder.warehouseId!,
          'CANCEL',
          reason,
          this.dispatchMaxAttempts,
        );
        await recordOrderEvent(manager, {
          order,
          subOrderId: subOrder.id,
          type: 'CANCEL_REQUESTED',
          actor,
          reason,
          after: { warehouseStatus: subOrder.status },
        });
        results.push({
          ...result,
          outcome: 'CANCEL_REQUESTED',
          reason: 'asked the warehouse; cancelled when it confirms',
        });
      }
    }
    // A hold on the whole order is moot once nothing under it can still move.
    const open = await manager.getRepository(SubOrderEntity).count({
      where: {
        orderId: order.id,
        status: In(['CREATED', 'DISPATCHED', 'ACCEPTED', 'PICKING', 'PACKED', 'SHIPPED']),
      },
    });
    if (open === 0) await this.settleHolds(manager, order, null);
    return results;
  }

  /** Holds on what was just cancelled end as CANCELLED_ORDER (a hold on a sub-order, or on the whole order). */
  private async settleHolds(
    manager: EntityManager,
    order: OrderEntity,
    subOrderId: string | null,
  ): Promise<void> {
    const active = await manager
      .getRepository(InterceptionEntity)
      .find({ where: { orderId: order.id, status: 'ACTIVE' } });
    for (const hold of active) {
      if (subOrderId === null || hold.subOrderId === subOrderId) {
        await settleHold(
          manager,
          order,
          hold,
          'CANCEL_ORDER',
          { type: 'SYSTEM', id: 'cancellation' },
          'the order was cancelled',
        );
      }
    }
  }
}
