import {
  paidByInstrument,
  planInstrumentRefund,
  type InstrumentAmounts,
  type PaymentMethod,
} from '@oms/schema';
import type { Actor } from '@oms/server';
import { shanghaiDate, type StoryClock } from './clock.js';
import { SYSTEM, uniqueValue } from './context.js';
import type { PaymentDraft, SubOrderDraft } from './model.js';
import type { OrderStory } from './story.js';

/**
 * Refunds per instrument where packages/schema's refund plan sends them, as the server's refund helper does: cash
 * back to the payment that collected it, each gift card's share back to that card and points back to the account
 * (at the rate the customer paid), each with a reversing usage row carrying the balance after it. Amounts come from
 * the caller (refundForCancelledLines over the frozen allocations); cash that was never taken (unpaid, COD) is not
 * refunded. Refunds are created PENDING and answered at once here (the demo's channel simulator), so they are
 * SUCCEEDED.
 */
export function refund(
  story: OrderStory,
  sub: SubOrderDraft | null,
  amounts: InstrumentAmounts,
  reason: string,
  actor: Actor,
  clock: StoryClock,
): void {
  const { order } = story;
  const createdAt = clock.advance(0.05, 0.5);
  const settledAt = clock.advance(1, 25);
  const made: { method: PaymentMethod; amountFen: number }[] = [];
  const back = (payment: PaymentDraft | undefined, amountFen: number) => {
    if (!payment || amountFen === 0) return;
    order.refunds.push({
      subOrder: sub,
      method: payment.method,
      amountFen,
      status: 'SUCCEEDED',
      reason,
      createdAt,
      settledAt,
    });
    payment.refundedFen += amountFen;
    payment.status = payment.refundedFen === payment.amountFen ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    // The channel's refund serial, as its answer carries it.
    const serial = uniqueValue(
      story.ctx,
      () => `RF${shanghaiDate(createdAt.getTime())}${story.ctx.rng.digits(12)}`,
    );
    payment.logs.push({ status: 'REFUNDING', at: createdAt, reference: `refund_no=${serial}` });
    payment.logs.push({ status: payment.status, at: settledAt, reference: `refund_id=${serial}` });
    made.push({ method: payment.method, amountFen });
  };
  const latestOfCard = (cardNumber: string) =>
    order.giftCardUsages.filter((u) => u.cardNumber === cardNumber).at(-1)!;
  const cards = order.giftCardUsages
    .filter((usage) => usage.reversalOf === null)
    .map((usage) => ({
      usage,
      cardNumber: usage.cardNumber,
      balanceAfterFen: latestOfCard(usage.cardNumber).balanceAfterFen,
      payment: order.payments.find(
        (p) => p.cardIndex !== null && story.priced.giftCards[p.cardIndex]!.cardNumber === usage.cardNumber,
      ),
    }));
  const spent = order.pointsUsages.find((usage) => usage.reversalOf === null);
  const plan = planInstrumentRefund(amounts, paidByInstrument(order.lines.map((l) => l.alloc)), {
    cash: order.payments,
    cards,
    points: spent ? { ...spent, usage: spent, balanceAfter: order.pointsUsages.at(-1)!.balanceAfter } : null,
  });
  for (const part of plan.cash) back(part.payment, part.amountFen);
  for (const { card, amountFen, balanceAfterFen } of plan.cards) {
    back(card.payment, amountFen);
    order.giftCardUsages.push({
      cardNumber: card.cardNumber,
      amountFen: -amountFen,
      balanceAfterFen,
      at: createdAt,
      reversalOf: card.usage,
    });
  }
  if (plan.points) {
    back(
      order.payments.find((p) => p.method === 'POINTS'),
      plan.points.valueFen,
    );
    order.pointsUsages.push({
      points: -plan.points.points,
      valueFen: -plan.points.valueFen,
      balanceAfter: plan.points.balanceAfter,
      at: createdAt,
      reversalOf: plan.points.usage.usage,
    });
  }
  if (made.length === 0) return;
  story.entry({
    type: 'REFUNDS_CREATED',
    actor,
    at: createdAt,
    sub,
    reason,
    after: { refunds: made },
    visible: true,
  });
  for (const r of made) {
    story.entry({
      type: 'REFUND_SUCCEEDED',
      actor: SYSTEM.refunds,
      at: settledAt,
      sub,
      after: r,
      visible: true,
    });
  }
}
