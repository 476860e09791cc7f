import { pointsForValue, refundForCancelledLines } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import {
  GiftCardUsageEntity,
  lineAllocation,
  OrderLineEntity,
  PaymentEntity,
  PointsUsageEntity,
  RefundEntity,
  type OrderEntity,
  type SubOrderEntity,
} from '../../entities/index.js';
import { recordOrderEvent, type Actor } from './history.js';

type OrderRef = Pick<OrderEntity, 'id' | 'shard'>;

/** A PENDING refund row of `order` (answered later by its channel), not yet written. */
function pendingRefund(
  manager: EntityManager,
  order: OrderRef,
  subOrderId: string | null,
  method: RefundEntity['method'],
  amountFen: number,
  reason: string,
  createdAt: Date,
): RefundEntity {
  return manager.getRepository(RefundEntity).create({
    orderId: order.id,
    subOrderId,
    shard: order.shard,
    method,
    amountFen,
    status: 'PENDING',
    reason,
    createdAt,
    settledAt: null,
  });
}

/** Writes one PENDING refund of `order` and returns it. */
export async function insertPendingRefund(
  manager: EntityManager,
  order: OrderRef,
  refund: { subOrderId?: string | null; method: RefundEntity['method']; amountFen: number; reason: string },
): Promise<RefundEntity> {
  const row = pendingRefund(
    manager,
    order,
    refund.subOrderId ?? null,
    refund.method,
    refund.amountFen,
    refund.reason,
    new Date(),
  );
  await manager.getRepository(RefundEntity).insert(row);
  return row;
}

/**
 * Refunds everything an order has paid, instrument by instrument (before the split nothing is frozen per
 * sub-order, so each payment goes back whole): a PENDING refund per succeeded payment, answered later by its
 * channel; gift cards and points also get their reversing usage rows. Used when an unpaid order closes or a paid,
 * unsplit order is cancelled.
 */
export async function refundWholeOrder(
  manager: EntityManager,
  order: OrderRef,
  reason: string,
  actor: Actor,
): Promise<RefundEntity[]> {
  const payments = await manager
    .getRepository(PaymentEntity)
    .find({ where: { orderId: order.id, status: 'SUCCEEDED' } });
  const now = new Date();
  const refunds: RefundEntity[] = [];
  for (const payment of payments) {
    const refund = pendingRefund(manager, order, null, payment.method, payment.amountFen, reason, now);
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

/**
 * Refunds a cancelled sub-order exactly its lines' frozen shares per instrument (docs/domain.md §4): cash back to
 * the channel that was paid, each gift card's share back to that card, points back to the account, never
 * re-allocated over the lines that remain. Cash that was never collected (cash on delivery) is not refunded. Writes
 * PENDING refunds (answered later by each channel) and the reversing gift-card and points rows.
 */
export async function refundSubOrder(
  manager: EntityManager,
  order: OrderRef,
  subOrder: Pick<SubOrderEntity, 'id'>,
  reason: string,
): Promise<RefundEntity[]> {
  const lines = await manager
    .getRepository(OrderLineEntity)
    .find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
  const allocations = lines.map(lineAllocation);
  const mine = lines.flatMap((line, index) => (line.subOrderId === subOrder.id ? [index] : []));
  const share = refundForCancelledLines(allocations, mine);
  const now = new Date();
  const refunds: RefundEntity[] = [];
  const refund = async (method: RefundEntity['method'], amountFen: number) => {
    if (amountFen <= 0) return;
    const row = pendingRefund(manager, order, subOrder.id, method, amountFen, reason, now);
    await manager.getRepository(RefundEntity).insert(row);
    refunds.push(row);
  };

  const cashPaid = await manager.getRepository(PaymentEntity).findOne({
    where: [
      { orderId: order.id, status: 'SUCCEEDED', method: 'WECHAT_PAY' },
      { orderId: order.id, status: 'SUCCEEDED', method: 'ALIPAY' },
      { orderId: order.id, status: 'SUCCEEDED', method: 'UNIONPAY' },
      { orderId: order.id, status: 'SUCCEEDED', method: 'BANK_CARD' },
      { orderId: order.id, status: 'SUCCEEDED', method: 'COD' },
    ],
    order: { id: 'ASC' },
  });
  if (cashPaid) await refund(cashPaid.method, share.cash);

  // Usage rows exist only for cards that paid something; the allocation has a column for every card given.
  const cardTotals = allocations.reduce<number[]>(
    (totals, a) => a.giftCards.map((v, k) => (totals[k] ?? 0) + v),
    [],
  );
  const cards = (
    await manager
      .getRepository(GiftCardUsageEntity)
      .find({ where: { orderId: order.id }, order: { id: 'ASC' } })
  ).filter((u) => u.reversalOfId === null);
  let card = 0;
  for (const [k, total] of cardTotals.entries()) {
    if (total <= 0) continue;
    const usage = cards[card++];
    const amount = share.giftCards[k] ?? 0;
    if (!usage || amount <= 0) continue;
    await manager.getRepository(GiftCardUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      cardNumber: usage.cardNumber,
      amountFen: -amount,
      balanceAfterFen: usage.balanceAfterFen + amount,
      at: now,
      reversalOfId: usage.id,
    });
    await refund('GIFT_CARD', amount);
  }
  const points = (
    await manager
      .getRepository(PointsUsageEntity)
      .find({ where: { orderId: order.id }, order: { id: 'ASC' } })
  ).find((u) => u.reversalOfId === null);
  if (points && share.points > 0) {
    // Points are worth valueFen / points each; give back the points that bought this share.
    const given = pointsForValue(share.points, points.points, points.valueFen);
    await manager.getRepository(PointsUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      points: -given,
      valueFen: -share.points,
      balanceAfter: points.balanceAfter + given,
      at: now,
      reversalOfId: points.id,
    });
    await refund('POINTS', share.points);
  }
  return refunds;
}
