import { AmountRuleError } from './amount-rule-error.js';
import { type Fen } from './fen.js';
import { assertLineAllocations, type LineAllocation } from './line-allocation.js';
import { assertLineIndexes } from './line-indexes.js';

/** Money per payment instrument: cash (to its payment channel), each gift card in the order's card order, points. */
export interface InstrumentAmounts {
  readonly cash: Fen;
  readonly giftCards: readonly Fen[];
  readonly points: Fen;
}

/** What the given lines paid per instrument: the plain sums of their frozen shares. */
export function paidByInstrument(
  allocations: readonly LineAllocation[],
  lineIndexes: readonly number[] = allocations.map((_, i) => i),
): InstrumentAmounts {
  const cardCount = allocations[0]?.giftCards.length ?? 0;
  const giftCards = Array.from({ length: cardCount }, () => 0);
  let cash = 0;
  let points = 0;
  for (const index of lineIndexes) {
    const allocation = allocations[index]!;
    cash += allocation.cash;
    points += allocation.points;
    allocation.giftCards.forEach((share, k) => (giftCards[k]! += share));
  }
  return { cash, giftCards, points };
}

/**
 * The refund, per instrument, for cancelling the given lines: exactly their frozen shares, never re-allocated over
 * the lines that remain (docs/domain.md: allocations are frozen at payment), so refunding every line, in any batches,
 * returns exactly what was paid per instrument. Throws AmountRuleError naming `cancelledLineIndexes[k]` for an
 * unknown, repeated or already refunded line.
 */
export function refundForCancelledLines(
  allocations: readonly LineAllocation[],
  cancelledLineIndexes: readonly number[],
  alreadyRefundedLineIndexes: readonly number[] = [],
): InstrumentAmounts {
  assertLineAllocations(allocations);
  assertLineIndexes(cancelledLineIndexes, allocations.length, 'cancelledLineIndexes');
  assertLineIndexes(alreadyRefundedLineIndexes, allocations.length, 'alreadyRefundedLineIndexes');
  const refunded = new Set(alreadyRefundedLineIndexes);
  cancelledLineIndexes.forEach((index, k) => {
    if (refunded.has(index)) {
      throw new AmountRuleError(`cancelledLineIndexes[${k}]`, `line ${index} has already been refunded`);
    }
  });
  return paidByInstrument(allocations, cancelledLineIndexes);
}

/**
 * How many points give back `valueFen` of a points payment that spent `points` for `paidValueFen`, rounded to the
 * nearest point (the rate is the one the customer paid at, never today's).
 */
export function pointsForValue(valueFen: Fen, points: number, paidValueFen: Fen): number {
  if (paidValueFen <= 0) return 0;
  return Math.round((valueFen * points) / paidValueFen);
}

/** What the customer pays for an order across every instrument: order total − coupon − promotion (docs/domain.md §4). */
export function amountPaidByCustomer(amounts: {
  readonly goods: Fen;
  readonly freight: Fen;
  readonly couponDiscount: Fen;
  readonly promotionDiscount: Fen;
}): Fen {
  return amounts.goods + amounts.freight - amounts.couponDiscount - amounts.promotionDiscount;
}
