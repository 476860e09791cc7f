import { CASH_METHODS, type PaymentMethod, type PaymentStatus } from '../enums/enums.js';
import type { Fen } from './fen.js';
import { pointsForValue, type InstrumentAmounts } from './refund.js';

/** A payment as a refund sees it. */
export interface RefundablePayment {
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
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
  /** The cash part, back to the channel that was paid (none when nothing was collected, as with unpaid COD). */
  readonly cash: { readonly payment: P; readonly amountFen: Fen } | null;
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

/** The cash payment a refund goes back to: the first one collected (succeeded, or already partly refunded). */
export function collectedCashPayment<P extends RefundablePayment>(payments: readonly P[]): P | null {
  return (
    payments.find(
      (p) =>
        CASH_METHODS.includes(p.method) && (p.status === 'SUCCEEDED' || p.status === 'PARTIALLY_REFUNDED'),
    ) ?? null
  );
}

/**
 * Where a refund of `share` goes (docs/domain.md §4): cash to the payment that collected it, each gift card's share
 * back to that card, points back to the account. `paid` is what the whole order paid per instrument, whose card
 * columns follow the order's gift cards as given at checkout; `cards` are the cards that actually paid something, in
 * the same order (a card that paid nothing has no usage), so card column k maps to the next card with a non-zero
 * total. Nothing is planned for a zero share.
 */
export function planInstrumentRefund<P, C extends CardToRefund, U extends PointsToRefund>(
  share: InstrumentAmounts,
  paid: InstrumentAmounts,
  instruments: { readonly cash: P | null; readonly cards: readonly C[]; readonly points: U | null },
): RefundPlan<P, C, U> {
  const cash =
    instruments.cash && share.cash > 0 ? { payment: instruments.cash, amountFen: share.cash } : null;
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
