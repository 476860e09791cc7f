import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountRuleError } from './amount-rule-error.js';
import { computeOrderAmounts, lineAmountsOf, type OrderAmountsInput } from './order-amounts.js';
import { allocateOrderLevelAmounts } from './order-allocation.js';
import { orderArbitrary, RUNS } from './test-orders.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AmountRuleError) return error.field;
    throw error;
  }
  return undefined;
}

const base: OrderAmountsInput = {
  lines: [
    { salePriceFen: 9990, quantity: 2 },
    { salePriceFen: 12345, quantity: 1 },
    { salePriceFen: 0, quantity: 1 },
  ],
  freightFen: 800,
  couponDiscountFen: 2000,
  promotionDiscountFen: 3000,
  giftCards: [{ amountFen: 5000 }, { amountFen: 1000 }],
  pointsFen: 500,
};

describe('computeOrderAmounts: examples', () => {
  it('computes every figure of a hand-checked order', () => {
    // goods 99.90×2 + 123.45 = 323.25; total 331.25; payable 331.25 − 20 − 30 − 50 − 10 − 5 = 216.25
    expect(computeOrderAmounts(base)).toEqual({
      goods: 32325,
      freight: 800,
      orderTotal: 33125,
      couponDiscount: 2000,
      promotionDiscount: 3000,
      giftCard: 6000,
      points: 500,
      payable: 21625,
    });
    expect(computeOrderAmounts({ ...base, payableFen: 21625 }).payable).toBe(21625);
  });

  it('lets gift cards and points pay the freight, down to a payable of 0', () => {
    const input = {
      ...base,
      couponDiscountFen: 32325,
      promotionDiscountFen: 0,
      giftCards: [{ amountFen: 300 }],
      pointsFen: 500,
    };
    expect(computeOrderAmounts(input)).toMatchObject({
      orderTotal: 33125,
      giftCard: 300,
      points: 500,
      payable: 0,
    });
  });

  it('names the field that breaks a rule', () => {
    const cases: [Partial<OrderAmountsInput>, string][] = [
      [{ lines: [] }, 'lines'],
      [
        {
          lines: [
            { salePriceFen: 100, quantity: 1 },
            { salePriceFen: 100, quantity: 0 },
          ],
        },
        'lines[1].quantity',
      ],
      [{ lines: [{ salePriceFen: 100, quantity: -1 }] }, 'lines[0].quantity'],
      [{ lines: [{ salePriceFen: 100, quantity: 1.5 }] }, 'lines[0].quantity'],
      [{ lines: [{ salePriceFen: -100, quantity: 1 }] }, 'lines[0].salePriceFen'],
      [{ lines: [{ salePriceFen: 99.9, quantity: 1 }] }, 'lines[0].salePriceFen'],
      [{ lines: [{ salePriceFen: Number.MAX_SAFE_INTEGER, quantity: 2 }] }, 'lines[0]'],
      [
        {
          lines: [
            { salePriceFen: Number.MAX_SAFE_INTEGER, quantity: 1 },
            { salePriceFen: 1, quantity: 1 },
          ],
        },
        'lines',
      ],
      [{ freightFen: -1 }, 'freightFen'],
      [{ freightFen: Number.MAX_SAFE_INTEGER }, 'freightFen'],
      [{ couponDiscountFen: 32326 }, 'couponDiscountFen'],
      [{ couponDiscountFen: -1 }, 'couponDiscountFen'],
      [{ couponDiscountFen: 30000, promotionDiscountFen: 2326 }, 'promotionDiscountFen'],
      [{ giftCards: [{ amountFen: 5000 }, { amountFen: -1 }] }, 'giftCards[1].amountFen'],
      [{ giftCards: [{ amountFen: 25000 }, { amountFen: 3126 }] }, 'giftCards[1].amountFen'],
      [{ pointsFen: 22126 }, 'pointsFen'],
      [{ pointsFen: 0.5 }, 'pointsFen'],
      [{ payableFen: 21624 }, 'payableFen'],
      [{ payableFen: -1 }, 'payableFen'],
    ];
    for (const [change, field] of cases) {
      expect(fieldOf(() => computeOrderAmounts({ ...base, ...change }))).toBe(field);
      expect(fieldOf(() => allocateOrderLevelAmounts({ ...base, ...change }))).toBe(field);
    }
    // Discounts apply to goods, not freight: a coupon of goods + 1 is refused even though freight could absorb it.
    expect(
      fieldOf(() => computeOrderAmounts({ ...base, couponDiscountFen: 32325 + 1, promotionDiscountFen: 0 })),
    ).toBe('couponDiscountFen');
  });

  it('computes line amounts as sale price × quantity', () => {
    expect(lineAmountsOf(base.lines)).toEqual([19980, 12345, 0]);
  });
});

type Mutation = (input: OrderAmountsInput, pick: number) => [OrderAmountsInput, string];

/** Each mutation breaks exactly one rule of a valid order and says which field must be named. */
const mutations: Record<string, Mutation> = {
  noLines: (input) => [{ ...input, lines: [] }, 'lines'],
  badQuantity: (input, pick) => {
    const i = pick % input.lines.length;
    const quantity = [0, -1, 1.5, NaN][pick % 4]!;
    return [
      { ...input, lines: input.lines.map((line, k) => (k === i ? { ...line, quantity } : line)) },
      `lines[${i}].quantity`,
    ];
  },
  badPrice: (input, pick) => {
    const i = pick % input.lines.length;
    const salePriceFen = [-1, 0.5, Infinity][pick % 3]!;
    return [
      { ...input, lines: input.lines.map((line, k) => (k === i ? { ...line, salePriceFen } : line)) },
      `lines[${i}].salePriceFen`,
    ];
  },
  badFreight: (input, pick) => [{ ...input, freightFen: pick % 2 ? -1 : 0.1 }, 'freightFen'],
  couponOverGoods: (input, pick) => {
    const goods = computeOrderAmounts(input).goods;
    return [{ ...input, couponDiscountFen: goods + 1 + (pick % 100) }, 'couponDiscountFen'];
  },
  promotionOverGoods: (input, pick) => {
    const goods = computeOrderAmounts(input).goods;
    return [
      { ...input, promotionDiscountFen: goods - input.couponDiscountFen + 1 + (pick % 100) },
      'promotionDiscountFen',
    ];
  },
  cardOverLeft: (input, pick) => {
    const { orderTotal, couponDiscount, promotionDiscount } = computeOrderAmounts(input);
    const cards = [...input.giftCards, { amountFen: 0 }];
    const k = pick % cards.length;
    const left =
      orderTotal -
      couponDiscount -
      promotionDiscount -
      cards.slice(0, k).reduce((s, c) => s + c.amountFen, 0);
    cards[k] = { amountFen: left + 1 };
    return [{ ...input, giftCards: cards }, `giftCards[${k}].amountFen`];
  },
  pointsOverLeft: (input) => {
    const { payable, points } = computeOrderAmounts(input);
    return [{ ...input, pointsFen: points + payable + 1 }, 'pointsFen'];
  },
  payableMismatch: (input, pick) => {
    const { payable } = computeOrderAmounts(input);
    return [{ ...input, payableFen: payable + (pick % 2 ? 1 : -1) }, 'payableFen'];
  },
};

describe('computeOrderAmounts: properties', () => {
  it('holds the section-4 identities on every valid order', () => {
    fc.assert(
      fc.property(orderArbitrary, (input) => {
        const amounts = computeOrderAmounts(input);
        const goods = input.lines.reduce((sum, line) => sum + line.salePriceFen * line.quantity, 0);
        const cards = input.giftCards.reduce((sum, card) => sum + card.amountFen, 0);
        expect(amounts.goods).toBe(goods);
        expect(amounts.orderTotal).toBe(goods + input.freightFen);
        expect(amounts.giftCard).toBe(cards);
        expect(amounts.payable).toBe(
          amounts.orderTotal - input.couponDiscountFen - input.promotionDiscountFen - cards - input.pointsFen,
        );
        expect(amounts.payable).toBeGreaterThanOrEqual(0);
        expect(amounts.couponDiscount + amounts.promotionDiscount).toBeLessThanOrEqual(goods);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a broken order with AmountRuleError naming the broken field', () => {
    fc.assert(
      fc.property(
        orderArbitrary,
        fc.constantFrom(...Object.keys(mutations)),
        fc.nat(),
        (input, name, pick) => {
          const [broken, field] = mutations[name]!(input, pick);
          expect(fieldOf(() => computeOrderAmounts(broken))).toBe(field);
          expect(fieldOf(() => allocateOrderLevelAmounts(broken))).toBe(field);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
