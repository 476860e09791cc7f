import type { InstrumentAmounts, PaymentMethod } from '@oms/schema';
import type { Actor } from '../../services/history.js';
import { shanghaiDate, type StoryClock } from './clock.js';
import { SYSTEM, uniqueValue } from './context.js';
import type { PaymentDraft, SubOrderDraft } from './model.js';
import type { OrderStory } from './story.js';

/** How each channel's serial (交易流水号) looks, and the name of the reference it sends back. */
function transactionNo(story: OrderStory, method: PaymentMethod, at: Date): string {
  const { rng } = story.ctx;
  const day = `20${shanghaiDate(at.getTime())}`;
  return uniqueValue(story.ctx, () => {
    switch (method) {
      case 'WECHAT_PAY':
        return `4200${rng.digits(6)}${day}${rng.digits(10)}`;
      case 'ALIPAY':
        return `${day}2200${rng.digits(16)}`;
      case 'UNIONPAY':
        return `${rng.digits(2)}${day.slice(2)}${rng.digits(13)}`;
      case 'BANK_CARD':
        return `BC${day}${rng.digits(12)}`;
      default:
        return `COD${day}${rng.digits(10)}`;
    }
  });
}

const REFERENCE_NAMES: Partial<Record<PaymentMethod, string>> = {
  WECHAT_PAY: 'transaction_id',
  ALIPAY: 'trade_no',
  UNIONPAY: 'queryId',
  BANK_CARD: 'bank_serial',
};

/**
 * Gift cards and points are taken when the order is created, as payments that succeed at once, each with its usage
 * row (card balance after, points balance after) — what services/ingest/order-intake.service.ts records.
 */
export function takeStoredValue(story: OrderStory): void {
  const { order, priced } = story;
  const at = order.createdAt;
  priced.giftCards.forEach((card, cardIndex) => {
    if (card.amountFen === 0) return;
    order.giftCardUsages.push({
      cardNumber: card.cardNumber,
      amountFen: card.amountFen,
      balanceAfterFen: card.balanceBeforeFen - card.amountFen,
      at,
      reversalOf: null,
    });
    order.payments.push(
      storedPayment('GIFT_CARD', card.amountFen, at, `gift card ${card.cardNumber.slice(-4)}`, cardIndex),
    );
  });
  if (priced.points) {
    const { points, balanceBefore } = priced.points;
    order.pointsUsages.push({
      points,
      valueFen: points,
      balanceAfter: balanceBefore - points,
      at,
      reversalOf: null,
    });
    order.payments.push(storedPayment('POINTS', points, at, `${points} points`, null));
  }
}

function storedPayment(
  method: 'GIFT_CARD' | 'POINTS',
  amountFen: number,
  at: Date,
  reference: string,
  cardIndex: number | null,
): PaymentDraft {
  return {
    method,
    amountFen,
    status: 'SUCCEEDED',
    transactionNo: null,
    paidAt: at,
    createdAt: at,
    logs: [{ status: 'SUCCEEDED', at, reference }],
    cardIndex,
    refundedFen: 0,
  };
}

/** The cash part paid through a channel: its prepay (PENDING) and the channel's success with its serial. */
export function payCash(
  story: OrderStory,
  method: Exclude<PaymentMethod, 'GIFT_CARD' | 'POINTS' | 'COD'>,
  at: Date,
): void {
  const { order } = story;
  const amountFen = order.amounts.payable;
  if (amountFen === 0) return;
  const serial = transactionNo(story, method, at);
  const prepayAt = new Date(at.getTime() - story.ctx.rng.int(5, 90) * 1000);
  order.payments.push({
    method,
    amountFen,
    status: 'SUCCEEDED',
    transactionNo: serial,
    paidAt: at,
    createdAt: prepayAt,
    logs: [
      { status: 'PENDING', at: prepayAt, reference: `out_trade_no=${order.number}` },
      { status: 'SUCCEEDED', at, reference: `${REFERENCE_NAMES[method]}=${serial}` },
    ],
    cardIndex: null,
    refundedFen: 0,
  });
  story.entry({
    type: 'PAYMENT_SUCCEEDED',
    actor: story.client,
    at,
    after: { method, amountFen, transactionNo: serial },
  });
}

/** Cash on delivery: a PENDING payment covers the order until the parcel is signed (domain.md §3). */
export function payCod(story: OrderStory, at: Date): void {
  const { order } = story;
  const amountFen = order.amounts.payable;
  const serial = transactionNo(story, 'COD', at);
  order.payments.push({
    method: 'COD',
    amountFen,
    status: 'PENDING',
    transactionNo: serial,
    paidAt: null,
    createdAt: at,
    logs: [{ status: 'PENDING', at, reference: serial }],
    cardIndex: null,
    refundedFen: 0,
  });
  story.entry({
    type: 'PAYMENT_PENDING',
    actor: story.client,
    at,
    after: { method: 'COD', amountFen, transactionNo: serial },
  });
}

/** The courier collected the cash at the door. */
export function settleCod(story: OrderStory, at: Date): void {
  for (const payment of story.order.payments) {
    if (payment.method !== 'COD' || payment.status !== 'PENDING') continue;
    payment.status = 'SUCCEEDED';
    payment.paidAt = at;
    payment.logs.push({ status: 'SUCCEEDED', at, reference: 'collected on delivery' });
    story.entry({
      type: 'PAYMENT_SUCCEEDED',
      actor: SYSTEM.cod,
      at,
      after: { method: 'COD', amountFen: payment.amountFen },
    });
  }
}

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
    payment.logs.push({ status: 'REFUNDING', at: createdAt, reference: reason });
    payment.logs.push({ status: payment.status, at: settledAt, reference: `refund ${amountFen}` });
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
