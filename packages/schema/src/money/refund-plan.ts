import { CASH_METHODS, type PaymentMethod, type PaymentStatus } from '../enums/enums.js';
import type { Fen } from './fen.js';
import { AmountRuleError } from './amount-rule-error.js';
import { pointsForValue, type InstrumentAmounts } from './refund.js';

/** A payment as a refund sees it: what it took, and what refunds (pending or done) already draw on it. */
export interface RefundablePayment {
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
  readonly amountFen: Fen;
  readonly refundedFen: Fen;
}

/** A gift card the order was paid with: its first usage, and the card's balance as last recorded. */
export interface CardToRefund {
  readonly cardNumber: string;
  readonly balanceAfterFen: Fen;
}

/** The order's points payment: what was spent for what value, and the balance as last recorded. */
export interface PointsToRefund {
  readonly points: number;
  readonly valueFen: Fen;
  readonly balanceAfter: number;
}

/** What to refund where, for one share of an order's instruments. */
export interface RefundPlan<P, C, U> {
  /**
   * The cash part, spread over the payments that collected it, most recent first, each giving back at most what it
   * took less what refunds already draw on it (none when nothing was collected, as with unpaid COD).
   */
  readonly cash: readonly { readonly payment: P; readonly amountFen: Fen }[];
  /** Each card's part, back to that card, with the card's balance after it. */
  readonly cards: readonly { readonly card: C; readonly amountFen: Fen; readonly balanceAfterFen: Fen }[];
  /** The points part: the points given back (at the rate the customer paid), their value, the balance after. */
  readonly points: {
    readonly usage: U;
    readonly points: number;
    readonly valueFen: Fen;
    readonly balanceAfter: number;
  } | null;
}

const COLLECTED: readonly PaymentStatus[] = ['SUCCEEDED', 'REFUNDING', 'PARTIALLY_REFUNDED', 'REFUNDED'];

/** The cash payments that collected money (a pending or failed one took nothing), in the order they were made. */
export function collectedCashPayments<P extends RefundablePayment>(payments: readonly P[]): P[] {
  return payments.filter((p) => CASH_METHODS.includes(p.method) && COLLECTED.includes(p.status));
}

/**
 * `amountFen` of cash spread over `payments` (in the order they were made): the most recent first, never more from one
 * than it took less what refunds already draw on it. Throws AmountRuleError when they cannot give it all back: a cash
 * refund is never smaller than the rules say, nor taken from where nothing is left.
 */
export function spreadCashRefund<P extends RefundablePayment>(
  amountFen: Fen,
  payments: readonly P[],
): { payment: P; amountFen: Fen }[] {
  const parts: { payment: P; amountFen: Fen }[] = [];
  let left = amountFen;
  for (const payment of [...collectedCashPayments(payments)].reverse()) {
    if (left <= 0) break;
    const take = Math.min(left, payment.amountFen - payment.refundedFen);
    if (take <= 0) continue;
    parts.push({ payment, amountFen: take });
    left -= take;
  }
  if (left > 0)
    throw new AmountRuleError(
      'cash',
      `${left} fen of the cash refund is more than the cash payments have left`,
    );
  return parts;
}

/**
 * How much of the order's succeeded cash is more than it owes (docs/domain.md §11): succeeded cash less what was
 * already refunded as overpaid, less the cash the order still owes (its payable cash; nothing once it is closed or
 * cancelled unsplit). Never negative.
 */
export function overpaidBy(figures: {
  readonly succeededCash: Fen;
  readonly refundedAsOverpaid: Fen;
  readonly owedCash: Fen;
}): Fen {
  return Math.max(0, figures.succeededCash - figures.refundedAsOverpaid - figures.owedCash);
}

/**
 * Where a refund of `share` goes (docs/domain.md §4, §11): cash to the payments that collected it (spreadCashRefund;
 * when no cash payment collected anything, as with COD not yet paid, the cash share is not refunded), each gift card's share
 * back to that card, points back to the account. `paid` is what the whole order paid per instrument, whose card
 * columns follow the order's gift cards as given at checkout; `cards` are the cards that actually paid something, in
 * the same order (a card that paid nothing has no usage), so card column k maps to the next card with a non-zero
 * total. Nothing is planned for a zero share.
 */
export function planInstrumentRefund<
  P extends RefundablePayment,
  C extends CardToRefund,
  U extends PointsToRefund,
>(
  share: InstrumentAmounts,
  paid: InstrumentAmounts,
  instruments: { readonly cash: readonly P[]; readonly cards: readonly C[]; readonly points: U | null },
): RefundPlan<P, C, U> {
  // Cash to be collected at the door (a COD payment still PENDING) and never collected: nothing to give back.
  const collected = collectedCashPayments(instruments.cash);
  const cash = share.cash > 0 && collected.length ? spreadCashRefund(share.cash, collected) : [];
  const cards: { card: C; amountFen: Fen; balanceAfterFen: Fen }[] = [];
  let next = 0;
  paid.giftCards.forEach((total, k) => {
    if (total <= 0) return;
    const card = instruments.cards[next++];
    const amountFen = share.giftCards[k] ?? 0;
    if (card && amountFen > 0)
      cards.push({ card, amountFen, balanceAfterFen: card.balanceAfterFen + amountFen });
  });
  const usage = instruments.points;
  let points: RefundPlan<P, C, U>['points'] = null;
  if (usage && share.points > 0) {
    const given = pointsForValue(share.points, usage.points, usage.valueFen);
    points = { usage, points: given, valueFen: share.points, balanceAfter: usage.balanceAfter + given };
  }
  return { cash, cards, points };
}
