import {
  overpaidBy,
  paidByInstrument,
  planInstrumentRefund,
  refundForCancelledLines,
  type PaymentStatus,
} from '@oms/schema';
import type { EntityManager } from 'typeorm';
import { selectEntities } from '../../database/select-entities.js';
import { insertRows } from '../../database/insert-row.js';
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
import type { Tx } from './deps.js';
import { recordOrderEvent, type Actor } from './history.js';

type OrderRef = Pick<OrderEntity, 'id' | 'shard'>;

/** The reason a refund of money the order did not owe carries (docs/domain.md §11). */
export const OVERPAID = 'OVERPAID';

/** One refund to create: how much goes back to which payment, and for a card or points, where exactly. */
export interface RefundPart {
  readonly payment: Pick<PaymentEntity, 'id' | 'method'>;
  readonly amountFen: number;
  readonly subOrderId?: string | null;
  /** GIFT_CARD: the card the money goes back to. */
  readonly cardNumber?: string | null;
  /** POINTS: the points that go back to the account. */
  readonly points?: number | null;
}

/** A payment with what refunds (pending or done) already draw on it. */
export type PaymentWithRefunds = PaymentEntity & { refundedFen: number };

/** The order's payments, in the order they were made, each with what its refunds (not failed ones) draw on it. */
export async function paymentsWithRefunds(
  manager: EntityManager,
  orderId: string,
): Promise<PaymentWithRefunds[]> {
  const payments = await selectEntities(
    manager,
    PaymentEntity,
    'SELECT to_jsonb(p) AS row FROM payments p WHERE p.order_id = $1 ORDER BY p.id',
    [orderId],
  );
  const drawn: { paymentId: string; fen: string }[] = await manager.query(
    `SELECT payment_id::text AS "paymentId", sum(amount_fen)::text AS fen FROM refunds
     WHERE order_id = $1 AND payment_id IS NOT NULL AND status <> 'FAILED' GROUP BY payment_id`,
    [orderId],
  );
  const byPayment = new Map(drawn.map((d) => [d.paymentId, Number(d.fen)]));
  return payments.map((p) => Object.assign(p, { refundedFen: byPayment.get(p.id) ?? 0 }));
}

/**
 * Creates refunds PENDING, in the caller's transaction (docs/domain.md §11): each draws on one payment and goes to
 * that payment's channel through the outbox; the payments show REFUNDING until the channels answer; the order's
 * timeline says what goes back where. Gift-card and points reversals are written when their channel confirms.
 */
export async function createRefunds(
  tx: Tx,
  order: OrderRef,
  parts: readonly RefundPart[],
  reason: string,
  actor: Actor,
): Promise<RefundEntity[]> {
  const wanted = parts.filter((part) => part.amountFen > 0);
  if (!wanted.length) return [];
  const now = new Date();
  const refunds = await insertRows(
    tx.manager,
    RefundEntity,
    wanted.map((part) => ({
      orderId: order.id,
      subOrderId: part.subOrderId ?? null,
      shard: order.shard,
      paymentId: part.payment.id,
      method: part.payment.method,
      amountFen: part.amountFen,
      status: 'PENDING' as const,
      reason,
      attempt: 1,
      deliveryState: 'PENDING' as const,
      deliveryAttempts: 0,
      lastError: null,
      channelRefundNo: null,
      failureReason: null,
      settledOffline: false,
      cardNumber: part.cardNumber ?? null,
      points: part.points ?? null,
      createdAt: now,
      settledAt: null,
    })),
  );
  await refreshPaymentStatuses(tx.manager, [...new Set(refunds.map((r) => r.paymentId!))], now);
  await tx.outbox.sendRefunds(tx.manager, refunds);
  await recordOrderEvent(tx.manager, {
    order,
    subOrderId: wanted[0]!.subOrderId ?? null,
    type: 'REFUNDS_CREATED',
    actor,
    reason,
    after: { refunds: refunds.map((r) => ({ refundId: r.id, method: r.method, amountFen: r.amountFen })) },
    customerVisible: true,
    at: now,
  });
  return refunds;
}

/**
 * What a payment's refunds make of it: REFUNDING while one is pending, else how much of it went back (`base`, what it
 * was, when nothing did). Exported for the demo seed, which writes payments as this writes them.
 */
export function statusFrom(payment: {
  amount: number;
  pending: number;
  succeeded: number;
  base: PaymentStatus;
}): PaymentStatus {
  if (payment.pending > 0) return 'REFUNDING';
  if (payment.succeeded >= payment.amount) return 'REFUNDED';
  if (payment.succeeded > 0) return 'PARTIALLY_REFUNDED';
  return payment.base;
}

/**
 * Brings the given payments' statuses in line with their refunds (docs/domain.md §11): REFUNDING while any refund on
 * it is pending, then REFUNDED (all of it) or PARTIALLY_REFUNDED; when its only pending refund fails it goes back to
 * what it was (SUCCEEDED). Each change is logged, with `reference` (the channel's, when an answer caused it).
 */
export async function refreshPaymentStatuses(
  manager: EntityManager,
  paymentIds: readonly string[],
  at: Date,
  reference: string | null = null,
): Promise<void> {
  if (!paymentIds.length) return;
  const rows: { id: string; status: PaymentStatus; amount: string; pending: string; succeeded: string }[] =
    await manager.query(
      `SELECT p.id::text AS id, p.status, p.amount_fen::text AS amount,
         coalesce(sum(r.amount_fen) FILTER (WHERE r.status = 'PENDING'), 0)::text AS pending,
         coalesce(sum(r.amount_fen) FILTER (WHERE r.status = 'SUCCEEDED'), 0)::text AS succeeded
       FROM payments p LEFT JOIN refunds r ON r.payment_id = p.id
       WHERE p.id = ANY($1::bigint[]) GROUP BY p.id ORDER BY p.id`,
      [paymentIds],
    );
  const changes = rows.flatMap((row) => {
    const next = statusFrom({
      amount: Number(row.amount),
      pending: Number(row.pending),
      succeeded: Number(row.succeeded),
      base: 'SUCCEEDED',
    });
    return next === row.status ? [] : [{ id: row.id, status: next }];
  });
  if (!changes.length) return;
  await manager.query(
    `WITH x AS (SELECT * FROM unnest($1::bigint[], $2::text[]) AS x(id, status)),
     changed AS (UPDATE payments p SET status = x.status FROM x WHERE p.id = x.id RETURNING p.id, p.order_id, p.shard, p.status)
     INSERT INTO payment_logs (payment_id, order_id, shard, status, at, reference)
     SELECT id, order_id, shard, status, $3, $4 FROM changed ORDER BY id`,
    [changes.map((c) => c.id), changes.map((c) => c.status), at, reference],
  );
}

/**
 * Refunds everything an order has paid and not yet had back, instrument by instrument (before the split nothing is
 * frozen per sub-order, so each payment goes back whole): when an unpaid order closes (its gift cards and points) or
 * a paid, unsplit order is cancelled.
 */
export async function refundWholeOrder(
  tx: Tx,
  order: OrderRef,
  reason: string,
  actor: Actor,
): Promise<RefundEntity[]> {
  const payments = (await paymentsWithRefunds(tx.manager, order.id)).filter(
    (p) => p.status !== 'PENDING' && p.status !== 'FAILED' && p.amountFen > p.refundedFen,
  );
  const cards = await firstCardUsages(tx.manager, order.id);
  const spent = await firstPointsUsage(tx.manager, order.id);
  return createRefunds(
    tx,
    order,
    payments.map((payment) => ({
      payment,
      amountFen: payment.amountFen - payment.refundedFen,
      cardNumber: payment.method === 'GIFT_CARD' ? cardOfPayment(payment, payments, cards) : null,
      points: payment.method === 'POINTS' && spent ? spent.points : null,
    })),
    reason,
    actor,
  );
}

/**
 * Refunds a cancelled sub-order exactly its lines' frozen shares per instrument (docs/domain.md §4, §11), where
 * packages/schema's refund plan sends them: cash spread over the payments that collected it, most recent first, each
 * gift card's share back to that card, points back to the account, never re-allocated over the lines that remain.
 * Cash that was never collected (cash on delivery) is not refunded.
 */
export async function refundSubOrder(
  tx: Tx,
  order: OrderRef,
  subOrder: Pick<SubOrderEntity, 'id'>,
  reason: string,
  actor: Actor,
): Promise<RefundEntity[]> {
  const { manager } = tx;
  const lines = await manager
    .getRepository(OrderLineEntity)
    .find({ where: { orderId: order.id }, order: { lineNo: 'ASC' } });
  const allocations = lines.map(lineAllocation);
  const mine = lines.flatMap((line, index) => (line.subOrderId === subOrder.id ? [index] : []));
  const payments = await paymentsWithRefunds(manager, order.id);
  const cardPayments = payments.filter((p) => p.method === 'GIFT_CARD');
  const cards = (await firstCardUsages(manager, order.id)).map((usage, k) => ({
    ...usage,
    balanceAfterFen: usage.balanceAfterFen,
    payment: cardPayments[k],
  }));
  const spent = await firstPointsUsage(manager, order.id);
  const plan = planInstrumentRefund(
    refundForCancelledLines(allocations, mine),
    paidByInstrument(allocations),
    {
      cash: payments,
      cards,
      points: spent,
    },
  );
  const pointsPayment = payments.find((p) => p.method === 'POINTS');
  return createRefunds(
    tx,
    order,
    [
      ...plan.cash.map(({ payment, amountFen }) => ({ payment, amountFen, subOrderId: subOrder.id })),
      ...plan.cards.map(({ card, amountFen }) => ({
        payment: card.payment!,
        amountFen,
        subOrderId: subOrder.id,
        cardNumber: card.cardNumber,
      })),
      ...(plan.points && pointsPayment
        ? [
            {
              payment: pointsPayment,
              amountFen: plan.points.valueFen,
              subOrderId: subOrder.id,
              points: plan.points.points,
            },
          ]
        : []),
    ],
    reason,
    actor,
  );
}

/**
 * Money the customer paid that the order does not owe (docs/domain.md §11: a double charge, a second channel, a late
 * success after the order closed) is refunded in full at once, reason OVERPAID, from the payment that made it so.
 * Called after a payment succeeds; the order must be locked. Returns the refund, if any.
 */
export async function refundOverpayment(
  tx: Tx,
  order: Pick<OrderEntity, 'id' | 'shard' | 'status' | 'payableFen'>,
  paymentId: string,
  actor: Actor,
): Promise<RefundEntity | null> {
  const payments = await paymentsWithRefunds(tx.manager, order.id);
  const [{ overpaid }] = (await tx.manager.query(
    `SELECT coalesce(sum(amount_fen) FILTER (WHERE reason = $2 AND status <> 'FAILED'), 0)::text AS overpaid
     FROM refunds WHERE order_id = $1`,
    [order.id, OVERPAID],
  )) as [{ overpaid: string }];
  const excess = overpaidBy({
    succeededCash: payments
      .filter(
        (p) =>
          p.method !== 'GIFT_CARD' &&
          p.method !== 'POINTS' &&
          p.status !== 'PENDING' &&
          p.status !== 'FAILED',
      )
      .reduce((sum, p) => sum + p.amountFen, 0),
    refundedAsOverpaid: Number(overpaid),
    owedCash: order.payableFen,
  });
  const payment = payments.find((p) => p.id === paymentId)!;
  const left = payment.amountFen - payment.refundedFen;
  // A closed or cancelled order owes nothing more: whatever of this payment is not back yet goes back.
  const amountFen = order.status === 'CLOSED' || order.status === 'CANCELLED' ? left : Math.min(excess, left);
  if (amountFen <= 0) return null;
  const [refund] = await createRefunds(tx, order, [{ payment, amountFen }], OVERPAID, actor);
  return refund!;
}

/** Each gift card's first usage (the deduction), in the order the cards were given. */
async function firstCardUsages(manager: EntityManager, orderId: string) {
  const usages = await manager
    .getRepository(GiftCardUsageEntity)
    .find({ where: { orderId }, order: { id: 'ASC' } });
  return usages.filter((u) => u.reversalOfId === null);
}

/** The order's points deduction, if any. */
async function firstPointsUsage(manager: EntityManager, orderId: string) {
  const usages = await manager
    .getRepository(PointsUsageEntity)
    .find({ where: { orderId }, order: { id: 'ASC' } });
  return usages.find((u) => u.reversalOfId === null) ?? null;
}

/** The card a gift-card payment took from: the k-th card payment took from the k-th card. */
function cardOfPayment(
  payment: PaymentEntity,
  payments: readonly PaymentEntity[],
  cards: readonly GiftCardUsageEntity[],
): string | null {
  const k = payments.filter((p) => p.method === 'GIFT_CARD').indexOf(payment);
  return cards[k]?.cardNumber ?? null;
}
