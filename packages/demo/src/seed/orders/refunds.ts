import type { InstrumentAmounts, PaymentMethod } from '@oms/schema';
import type { Actor } from '@oms/server';
import { shanghaiDate, type StoryClock } from './clock.js';
import { SYSTEM, uniqueValue } from './context.js';
import type { PaymentDraft, SubOrderDraft } from './model.js';
import type { OrderStory } from './story.js';

/**
 * Refunds per instrument (domain.md §4): cash to the channel it came from, each gift card's share back to that card
 * and points back to the account, each with a reversing usage row. Amounts come from the caller
 * (refundForCancelledLines over the frozen allocations); cash that was never taken (unpaid, COD) is not refunded.
 * Refunds are created PENDING and answered at once here (the demo's channel simulator), so they are SUCCEEDED.
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
  const cash = order.payments.find((p) => p.cardIndex === null && p.method !== 'POINTS' && p.paidAt !== null);
  back(cash, amounts.cash);
  amounts.giftCards.forEach((share, k) => {
    const payment = order.payments.find((p) => p.cardIndex === k);
    if (!payment || share === 0) return;
    back(payment, share);
    const cardNumber = story.priced.giftCards[k]!.cardNumber;
    const card = order.giftCardUsages.filter((u) => u.cardNumber === cardNumber);
    const original = card[0]!;
    order.giftCardUsages.push({
      cardNumber: original.cardNumber,
      amountFen: -share,
      balanceAfterFen: card[card.length - 1]!.balanceAfterFen + share,
      at: createdAt,
      reversalOf: original,
    });
  });
  if (amounts.points > 0) {
    back(
      order.payments.find((p) => p.method === 'POINTS'),
      amounts.points,
    );
    const original = order.pointsUsages[0]!;
    const latest = order.pointsUsages[order.pointsUsages.length - 1]!;
    order.pointsUsages.push({
      points: -amounts.points,
      valueFen: -amounts.points,
      balanceAfter: latest.balanceAfter + amounts.points,
      at: createdAt,
      reversalOf: original,
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
