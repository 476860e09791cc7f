import { allocate } from './allocate.js';
import { type Fen } from './fen.js';
import { type LineAllocation } from './line-allocation.js';
import { validateOrderAmounts, type OrderAmountsInput } from './order-amounts.js';

/**
 * Splits every order-level amount over the lines in proportion to line amounts (see `allocate` for rounding and
 * tie-break), in the fixed order freight, coupon, promotion, each gift card in input order, points. Freight adds to
 * what a line pays; coupon and promotion are capped at the line's goods not yet discounted (discounts never touch
 * freight); gift cards and points are capped at what the line still has to pay; cash is the rest, never negative.
 * Per column the parts sum exactly to the order figure and Σ cash = payable. Throws AmountRuleError like
 * `computeOrderAmounts`.
 */
export function allocateOrderLevelAmounts(input: OrderAmountsInput): LineAllocation[] {
  const { amounts, lineAmounts, giftCardAmounts } = validateOrderAmounts(input);
  const freight = allocate(amounts.freight, lineAmounts);

  const undiscounted = [...lineAmounts];
  const discount = (total: Fen): Fen[] => {
    const parts = allocate(total, lineAmounts, undiscounted);
    parts.forEach((part, i) => (undiscounted[i]! -= part));
    return parts;
  };
  const coupon = discount(amounts.couponDiscount);
  const promotion = discount(amounts.promotionDiscount);

  const toPay = undiscounted.map((goods, i) => goods + freight[i]!);
  const pay = (total: Fen): Fen[] => {
    const parts = allocate(total, lineAmounts, toPay);
    parts.forEach((part, i) => (toPay[i]! -= part));
    return parts;
  };
  const cards = giftCardAmounts.map(pay);
  const points = pay(amounts.points);

  return lineAmounts.map((lineAmount, i) => {
    const giftCards = cards.map((parts) => parts[i]!);
    return {
      lineAmount,
      freight: freight[i]!,
      couponDiscount: coupon[i]!,
      promotionDiscount: promotion[i]!,
      giftCards,
      giftCard: giftCards.reduce((sum, part) => sum + part, 0),
      points: points[i]!,
      cash: toPay[i]!,
    };
  });
}
