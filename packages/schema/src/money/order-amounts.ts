import { AmountRuleError } from './amount-rule-error.js';
import { assertNonNegativeFen, sumFen, type Fen } from './fen.js';

/** One order line as far as money goes: sale price at the moment of sale and quantity. */
export interface OrderLineAmountInput {
  readonly salePriceFen: Fen;
  readonly quantity: number;
}

/** One gift card used on the order: the amount taken from it. */
export interface GiftCardAmountInput {
  readonly amountFen: Fen;
}

/** The money an order is created with; `payableFen`, when given, must equal the computed payable. */
export interface OrderAmountsInput {
  readonly lines: readonly OrderLineAmountInput[];
  readonly freightFen: Fen;
  readonly couponDiscountFen: Fen;
  readonly promotionDiscountFen: Fen;
  readonly giftCards: readonly GiftCardAmountInput[];
  readonly pointsFen: Fen;
  readonly payableFen?: Fen;
}

/** An order's (or a sub-order's) figures (docs/api.md `amounts`); `payable` is the cash part. */
export interface OrderAmounts {
  readonly goods: Fen;
  readonly freight: Fen;
  readonly orderTotal: Fen;
  readonly couponDiscount: Fen;
  readonly promotionDiscount: Fen;
  readonly giftCard: Fen;
  readonly points: Fen;
  readonly payable: Fen;
}

/** Each line's amount (sale price × quantity); throws AmountRuleError naming `lines`, `lines[i].salePriceFen`, `lines[i].quantity` or `lines[i]`. */
export function lineAmountsOf(lines: readonly OrderLineAmountInput[]): Fen[] {
  if (!Array.isArray(lines) || lines.length === 0)
    throw new AmountRuleError('lines', 'an order needs at least one line');
  const amounts = lines.map((line, i) => {
    assertNonNegativeFen(line?.salePriceFen, `lines[${i}].salePriceFen`);
    const quantity: unknown = line.quantity;
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
      throw new AmountRuleError(
        `lines[${i}].quantity`,
        `must be a positive whole number, got ${String(quantity)}`,
      );
    }
    const amount = line.salePriceFen * quantity;
    if (!Number.isSafeInteger(amount))
      throw new AmountRuleError(`lines[${i}]`, 'sale price × quantity is too large');
    return amount;
  });
  sumFen(amounts, 'lines');
  return amounts;
}

/** The validated figures of an order, plus what allocation needs: each line's amount and each card's amount. */
export interface ValidatedOrderAmounts {
  readonly amounts: OrderAmounts;
  readonly lineAmounts: readonly Fen[];
  readonly giftCardAmounts: readonly Fen[];
}

/** Checks every rule of docs/domain.md section 4 in input order and throws AmountRuleError naming the first field that breaks one. */
export function validateOrderAmounts(input: OrderAmountsInput): ValidatedOrderAmounts {
  const lineAmounts = lineAmountsOf(input.lines);
  const goods = sumFen(lineAmounts, 'lines');

  assertNonNegativeFen(input.freightFen, 'freightFen');
  const orderTotal = goods + input.freightFen;
  if (!Number.isSafeInteger(orderTotal))
    throw new AmountRuleError('freightFen', 'goods + freight is too large');

  // Coupons and promotions discount goods, never freight: a free-shipping offer is a lower freightFen, so a
  // line's discount never exceeds its own amount and every per-line invoice stays non-negative.
  const coupon = input.couponDiscountFen;
  assertNonNegativeFen(coupon, 'couponDiscountFen');
  if (coupon > goods)
    throw new AmountRuleError('couponDiscountFen', `${coupon} exceeds the goods amount ${goods}`);
  const promotion = input.promotionDiscountFen;
  assertNonNegativeFen(promotion, 'promotionDiscountFen');
  if (promotion > goods - coupon) {
    throw new AmountRuleError('promotionDiscountFen', `coupon + promotion exceed the goods amount ${goods}`);
  }

  // Gift cards and points are payments: they may pay freight too, but never more than is left to pay. The field
  // blamed is the first one, in the fixed allocation order, that pushes the payable below zero.
  let left = orderTotal - coupon - promotion;
  if (!Array.isArray(input.giftCards)) throw new AmountRuleError('giftCards', 'must be a list');
  const giftCardAmounts = input.giftCards.map((card, i) => {
    const field = `giftCards[${i}].amountFen`;
    assertNonNegativeFen(card?.amountFen, field);
    if (card.amountFen > left)
      throw new AmountRuleError(field, `${card.amountFen} exceeds the ${left} left to pay`);
    left -= card.amountFen;
    return card.amountFen;
  });
  assertNonNegativeFen(input.pointsFen, 'pointsFen');
  if (input.pointsFen > left)
    throw new AmountRuleError('pointsFen', `${input.pointsFen} exceeds the ${left} left to pay`);
  const payable = left - input.pointsFen;

  if (input.payableFen !== undefined) {
    assertNonNegativeFen(input.payableFen, 'payableFen');
    if (input.payableFen !== payable) {
      throw new AmountRuleError(
        'payableFen',
        `${input.payableFen} differs from the computed payable ${payable}`,
      );
    }
  }
  const amounts: OrderAmounts = {
    goods,
    freight: input.freightFen,
    orderTotal,
    couponDiscount: coupon,
    promotionDiscount: promotion,
    giftCard: orderTotal - coupon - promotion - input.pointsFen - payable,
    points: input.pointsFen,
    payable,
  };
  return { amounts, lineAmounts, giftCardAmounts };
}

/** An order's figures (goods = Σ price × qty, orderTotal = goods + freight, payable = the rest ≥ 0); throws AmountRuleError naming the offending field. */
export function computeOrderAmounts(input: OrderAmountsInput): OrderAmounts {
  return validateOrderAmounts(input).amounts;
}
