import { pointsForValue, refundForCancelledLines, type LineAllocation } from '@oms/schema';
import type { EntityManager } from 'typeorm';
import {
  GiftCardUsageEntity,
  OrderLineEntity,
  PaymentEntity,
  PointsUsageEntity,
  RefundEntity,
  type OrderEntity,
  type SubOrderEntity,
} from '../../entities/index.js';

function allocationOf(line: OrderLineEntity): LineAllocation {
  return {
    lineAmount: line.lineAmountFen,
    freight: line.allocFreightFen,
    couponDiscount: line.allocCouponFen,
    promotionDiscount: line.allocPromotionFen,
    giftCards: line.allocGiftCards,
    giftCard: line.allocGiftCardFen,
    points: line.allocPointsFen,
    cash: line.allocCashFen,
  };
}

/**
 * Refunds a cancelled sub-order exactly its lines' frozen shares per instrument (domain.md §4): cash back to the
 * channel that was paid, each gift card's share back to that card, points back to the account, never re-allocated
 * over the lines that remain. Cash that was never collected (cash on delivery) is not refunded. Writes PENDING refunds
 * (answered later by each channel) and the reversing gift-card and points rows, in the caller's transaction.
 */
export async function refundSubOrder(
  manager: EntityManager,
  order: OrderEntity,
  subOrder: SubOrderEntity,
  reason: string,
): Promise<RefundEntity[]> {
  const lines = await manager
    .getRepository(OrderLineEntity)
    .find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
  const allocations = lines.map(allocationOf);
  const mine = lines.flatMap((line, index) => (line.subOrderId === subOrder.id ? [index] : []));
  const share = refundForCancelledLines(allocations, mine);
  const now = new Date();
  const refunds: RefundEntity[] = [];
  const refund = async (method: RefundEntity['method'], amountFen: number) => {
    if (amountFen <= 0) return;
    const row = manager.getRepository(RefundEntity).create({
      orderId: order.id,
      subOrderId: subOrder.id,
      shard: order.shard,
      method,
      amountFen,
      status: 'PENDING',
      reason,
      createdAt: now,
      settledAt: null,
    });
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

/** Gives a sub-order's reserved stock back to its warehouse (a cancel before shipping). */
export async function releaseReservation(manager: EntityManager, subOrder: SubOrderEntity): Promise<void> {
  if (!subOrder.warehouseId) return;
  const lines = await manager.getRepository(OrderLineEntity).find({ where: { subOrderId: subOrder.id } });
  for (const line of lines) {
    await manager.query(
      'UPDATE stock SET reserved = reserved - $3 WHERE warehouse_id = $1 AND sku = $2 AND reserved >= $3',
      [subOrder.warehouseId, line.sku, line.quantity],
    );
  }
}
