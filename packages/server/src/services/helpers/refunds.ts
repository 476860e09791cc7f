import {
  collectedCashPayment,
  paidByInstrument,
  planInstrumentRefund,
  refundForCancelledLines,
} from '@oms/schema';
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
 * Refunds a cancelled sub-order exactly its lines' frozen shares per instrument (docs/domain.md §4), where
 * packages/schema's refund plan sends them: cash back to the payment that collected it, each gift card's share back
 * to that card, points back to the account, never re-allocated over the lines that remain. Cash that was never
 * collected (cash on delivery) is not refunded. Writes PENDING refunds (answered later by each channel) and the
 * reversing gift-card and points rows, each carrying the balance after it.
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
  const payments = await manager
    .getRepository(PaymentEntity)
    .find({ where: { orderId: order.id }, order: { id: 'ASC' } });
  const cardUsages = await manager
    .getRepository(GiftCardUsageEntity)
    .find({ where: { orderId: order.id }, order: { id: 'ASC' } });
  const pointsUsages = await manager
    .getRepository(PointsUsageEntity)
    .find({ where: { orderId: order.id }, order: { id: 'ASC' } });
  // Each card's first usage, with the card's balance as its latest row records it.
  const cards = cardUsages
    .filter((usage) => usage.reversalOfId === null)
    .map((usage) => ({
      usage,
      cardNumber: usage.cardNumber,
      balanceAfterFen: cardUsages.filter((u) => u.cardNumber === usage.cardNumber).at(-1)!.balanceAfterFen,
    }));
  const spent = pointsUsages.find((usage) => usage.reversalOfId === null);
  const plan = planInstrumentRefund(
    refundForCancelledLines(allocations, mine),
    paidByInstrument(allocations),
    {
      cash: collectedCashPayment(payments),
      cards,
      points: spent ? { ...spent, usage: spent, balanceAfter: pointsUsages.at(-1)!.balanceAfter } : null,
    },
  );
  const now = new Date();
  const refunds: RefundEntity[] = [];
  const refund = async (method: RefundEntity['method'], amountFen: number) => {
    const row = pendingRefund(manager, order, subOrder.id, method, amountFen, reason, now);
    await manager.getRepository(RefundEntity).insert(row);
    refunds.push(row);
  };
  if (plan.cash) await refund(plan.cash.payment.method, plan.cash.amountFen);
  for (const { card, amountFen, balanceAfterFen } of plan.cards) {
    await manager.getRepository(GiftCardUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      cardNumber: card.cardNumber,
      amountFen: -amountFen,
      balanceAfterFen,
      at: now,
      reversalOfId: card.usage.id,
    });
    await refund('GIFT_CARD', amountFen);
  }
  if (plan.points) {
    await manager.getRepository(PointsUsageEntity).insert({
      orderId: order.id,
      shard: order.shard,
      points: -plan.points.points,
      valueFen: -plan.points.valueFen,
      balanceAfter: plan.points.balanceAfter,
      at: now,
      reversalOfId: plan.points.usage.usage.id,
    });
    await refund('POINTS', plan.points.valueFen);
  }
  return refunds;
}
