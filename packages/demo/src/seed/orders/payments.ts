import { CASH_METHODS, type PaymentMethod } from '@oms/schema';
import { shanghaiDate } from './clock.js';
import { SYSTEM, uniqueValue } from './context.js';
import type { PaymentDraft } from './model.js';
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

/**
 * The PAY guard's fact, as services/ingest/payment.service.ts decides it: cash that succeeded, or cash on delivery
 * still pending, reaches the payable amount.
 */
export function coversPayable(story: OrderStory): boolean {
  const cash = story.order.payments.filter(
    (p) =>
      CASH_METHODS.includes(p.method) &&
      (p.status === 'SUCCEEDED' || (p.method === 'COD' && p.status === 'PENDING')),
  );
  return cash.reduce((sum, p) => sum + p.amountFen, 0) >= story.order.amounts.payable;
}

/** Cash on delivery: a PENDING payment covers the order until the parcel is signed (docs/domain.md §3). */
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
