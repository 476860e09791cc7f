import type { EntityManager } from 'typeorm';
import {
  GiftCardUsageEntity,
  PaymentEntity,
  PointsUsageEntity,
  RefundEntity,
  type OrderEntity,
} from '../entities/index.js';
import { recordOrderEvent, type Actor } from './history.js';

/**
 * Refunds everything an order has paid, instrument by instrument (before the split nothing is frozen per
 * sub-order, so each payment goes back whole): a PENDING refund per succeeded payment, answered later by its
 * channel; gift cards and points also get their reversing usage rows. Used when an unpaid order closes or a paid,
 * unsplit order is cancelled.
 */
export async function refundWholeOrder(
  manager: EntityManager,
  order: OrderEntity,
  reason: string,
  actor: Actor,
): Promise<RefundEntity[]> {
  const payments = await manager
    .getRepository(PaymentEntity)
    .find({ where: { orderId: order.id, status: 'SUCCEEDED' } });
  const now = new Date();
  const refunds: RefundEntity[] = [];
  for (const payment of payments) {
    const refund = manager.getRepository(RefundEntity).create({
      orderId: order.id,
      subOrderId: null,
      shard: order.shard,
      method: payment.method,
      amountFen: payment.amountFen,
      status: 'PENDING',
      reason,
      createdAt: now,
      settledAt: null,
    });
    await manager.getRepository(RefundEntity).insert(refund);
    await manager.getRepository(PaymentEntity).update(payment.id, { status: 'REFUNDING' });
    refunds.push(refund);
  }
  for (const usage of await manager
    .getRepository(GiftCardUsageEntity)
    .find({ where: { orderId: order.id } })) {
    if (usage.reversalOfId !== null || usage.amountFen <= 0) continue;
    await manager.getRepository(GiftCardUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      cardNumber: usage.cardNumber,
      amountFen: -usage.amountFen,
      balanceAfterFen: usage.balanceAfterFen + usage.amountFen,
      at: now,
      reversalOfId: usage.id,
    });
  }
  for (const usage of await manager.getRepository(PointsUsageEntity).find({ where: { orderId: order.id } })) {
    if (usage.reversalOfId !== null || usage.points <= 0) continue;
    await manager.getRepository(PointsUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      points: -usage.points,
      valueFen: -usage.valueFen,
      balanceAfter: usage.balanceAfter + usage.points,
      at: now,
      reversalOfId: usage.id,
    });
  }
  if (refunds.length) {
    await recordOrderEvent(manager, {
      order,
      type: 'REFUNDS_CREATED',
      actor,
      reason,
      after: { refunds: refunds.map((r) => ({ method: r.method, amountFen: r.amountFen })) },
      customerVisible: true,
    });
  }
  return refunds;
}
