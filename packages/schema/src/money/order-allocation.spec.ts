import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate } from './allocate.js';
import { type Fen } from './fen.js';
import { assertLineAllocations, type LineAllocation } from './line-allocation.js';
import { computeOrderAmounts, type OrderAmountsInput } from './order-amounts.js';
import { allocateOrderLevelAmounts } from './order-allocation.js';
import { orderArbitrary, RUNS, withinOneFen } from './test-orders.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const column = (allocations: readonly LineAllocation[], pick: (a: LineAllocation) => Fen) =>
  allocations.map(pick);

function order(lineAmounts: number[], rest: Partial<OrderAmountsInput> = {}): OrderAmountsInput {
  return {
    lines: lineAmounts.map((salePriceFen) => ({ salePriceFen, quantity: 1 })),
    freightFen: 0,
    couponDiscountFen: 0,
    promotionDiscountFen: 0,
    giftCards: [],
    pointsFen: 0,
    ...rest,
  };
}

describe('allocateOrderLevelAmounts: examples', () => {
  it('allocates a hand-checked order column by column', () => {
    const allocations = allocateOrderLevelAmounts(
      order([10000, 20000, 30000], {
        freightFen: 1000,
        couponDiscountFen: 1000,
        promotionDiscountFen: 3000,
        giftCards: [{ amountFen: 10000 }],
        pointsFen: 100,
      }),
    );
    // 1000 × 1:2:3 = 166.67 / 333.33 / 500 → the leftover fen to the largest remainder (line 0).
    expect(column(allocations, (a) => a.freight)).toEqual([167, 333, 500]);
    expect(column(allocations, (a) => a.couponDiscount)).toEqual([167, 333, 500]);
    expect(column(allocations, (a) => a.promotionDiscount)).toEqual([500, 1000, 1500]);
    expect(column(allocations, (a) => a.giftCard)).toEqual([1667, 3333, 5000]);
    expect(column(allocations, (a) => a.points)).toEqual([17, 33, 50]);
    expect(column(allocations, (a) => a.cash)).toEqual([7816, 15634, 23450]);
    expect(allocations[0]).toEqual({
      lineAmount: 10000,
      freight: 167,
      couponDiscount: 167,
      promotionDiscount: 500,
      giftCards: [1667],
      giftCard: 1667,
      points: 17,
      cash: 7816,
    });
  });

  it('applies the tie-break inside an order', () => {
    expect(
      allocateOrderLevelAmounts(order([5000, 5000], { couponDiscountFen: 1 })).map((a) => a.couponDiscount),
    ).toEqual([1, 0]);
    expect(
      allocateOrderLevelAmounts(order([100, 300], { couponDiscountFen: 2 })).map((a) => a.couponDiscount),
    ).toEqual([0, 2]);
  });

  it('caps a payment share at what the line still has to pay', () => {
    // Coupon 2 over three 1-fen lines → 1, 1, 0; the 1-fen gift card can only land on line 2 (uncapped: line 0).
    const allocations = allocateOrderLevelAmounts(
      order([1, 1, 1], { couponDiscountFen: 2, giftCards: [{ amountFen: 1 }] }),
    );
    expect(column(allocations, (a) => a.couponDiscount)).toEqual([1, 1, 0]);
    expect(column(allocations, (a) => a.giftCard)).toEqual([0, 0, 1]);
    expect(column(allocations, (a) => a.cash)).toEqual([0, 0, 0]);
  });

  it('never discounts freight: a line’s coupon + promotion stays within its own amount', () => {
    // Coupon 1 → line 0 (tie, lower index); promotion 1 would go to line 0 again, which has no goods left.
    const allocations = allocateOrderLevelAmounts(
      order([1, 1], { freightFen: 10, couponDiscountFen: 1, promotionDiscountFen: 1 }),
    );
    expect(column(allocations, (a) => a.couponDiscount)).toEqual([1, 0]);
    expect(column(allocations, (a) => a.promotionDiscount)).toEqual([0, 1]);
    expect(column(allocations, (a) => a.freight)).toEqual([5, 5]);
  });

  it('spreads freight and payments equally when every line is free', () => {
    const allocations = allocateOrderLevelAmounts(
      order([0, 0, 0], { freightFen: 1000, giftCards: [{ amountFen: 500 }], pointsFen: 100 }),
    );
    expect(column(allocations, (a) => a.freight)).toEqual([334, 333, 333]);
    expect(column(allocations, (a) => a.giftCard)).toEqual([167, 167, 166]);
    expect(column(allocations, (a) => a.points)).toEqual([34, 33, 33]);
    expect(sum(column(allocations, (a) => a.cash))).toBe(400);
  });

  it('gives each gift card its own column, in input order', () => {
    const allocations = allocateOrderLevelAmounts(
      order([100, 300], { giftCards: [{ amountFen: 40 }, { amountFen: 0 }, { amountFen: 8 }] }),
    );
    expect(allocations.map((a) => a.giftCards)).toEqual([
      [10, 0, 2],
      [30, 0, 6],
    ]);
    expect(allocations.map((a) => a.giftCard)).toEqual([12, 36]);
  });
});

describe('allocateOrderLevelAmounts: properties over generated orders', () => {
  it('per column, the line parts sum exactly to the order figure; Σ cash = payable', () => {
    fc.assert(
      fc.property(orderArbitrary, (input) => {
        const amounts = computeOrderAmounts(input);
        const allocations = allocateOrderLevelAmounts(input);
        expect(allocations).toHaveLength(input.lines.length);
        expect(sum(column(allocations, (a) => a.lineAmount))).toBe(amounts.goods);
        expect(sum(column(allocations, (a) => a.freight))).toBe(amounts.freight);
        expect(sum(column(allocations, (a) => a.couponDiscount))).toBe(amounts.couponDiscount);
        expect(sum(column(allocations, (a) => a.promotionDiscount))).toBe(amounts.promotionDiscount);
        input.giftCards.forEach((card, k) =>
          expect(sum(allocations.map((a) => a.giftCards[k]!))).toBe(card.amountFen),
        );
        expect(sum(column(allocations, (a) => a.giftCard))).toBe(amounts.giftCard);
        expect(sum(column(allocations, (a) => a.points))).toBe(amounts.points);
        expect(sum(column(allocations, (a) => a.cash))).toBe(amounts.payable);
      }),
      { numRuns: RUNS },
    );
  });

  it('no share and no cash is negative; each line balances; discounts stay within the line amount', () => {
    fc.assert(
      fc.property(orderArbitrary, (input) => {
        const allocations = allocateOrderLevelAmounts(input);
        // Collected rather than asserted one by one: a failure lists every broken line, and the run stays fast.
        const problems: string[] = [];
        allocations.forEach((a, i) => {
          const { salePriceFen, quantity } = input.lines[i]!;
          const values = [a.freight, a.couponDiscount, a.promotionDiscount, ...a.giftCards, a.points, a.cash];
          if (a.lineAmount !== salePriceFen * quantity) problems.push(`line ${i}: lineAmount`);
          if (!values.every((value) => Number.isSafeInteger(value) && value >= 0))
            problems.push(`line ${i}: negative`);
          if (a.giftCard !== sum(a.giftCards)) problems.push(`line ${i}: giftCard`);
          if (
            a.cash !==
            a.lineAmount + a.freight - a.couponDiscount - a.promotionDiscount - a.giftCard - a.points
          ) {
            problems.push(`line ${i}: cash`);
          }
          if (a.couponDiscount + a.promotionDiscount > a.lineAmount)
            problems.push(`line ${i}: discount > amount`);
        });
        expect(problems).toEqual([]);
        expect(assertLineAllocations(allocations)).toBe(input.giftCards.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('freight and coupon shares are within one fen of their proportional share of line amounts', () => {
    fc.assert(
      fc.property(orderArbitrary, (input) => {
        const allocations = allocateOrderLevelAmounts(input);
        const weights = allocations.map((a) => a.lineAmount);
        const goods = sum(weights);
        const effective = goods === 0 ? weights.map(() => 1) : weights;
        allocations.forEach((a, i) => {
          expect(withinOneFen(a.freight, input.freightFen, effective[i]!, sum(effective))).toBe(true);
          // Coupon is the first deduction: its caps (the line amounts) never bind.
          if (goods > 0)
            expect(withinOneFen(a.couponDiscount, input.couponDiscountFen, weights[i]!, goods)).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('each deduction is the capped proportional split, in the fixed order freight, coupon, promotion, cards, points', () => {
    fc.assert(
      fc.property(orderArbitrary, (input) => {
        const allocations = allocateOrderLevelAmounts(input);
        const weights = allocations.map((a) => a.lineAmount);
        // Rebuild what each line had left before each step and check every column against allocate() with it.
        const goodsLeft = [...weights];
        const expectStep = (total: Fen, caps: Fen[], got: Fen[]) => {
          expect(got).toEqual(allocate(total, weights, caps));
          got.forEach((part, i) => (caps[i]! -= part));
        };
        expect(allocations.map((a) => a.freight)).toEqual(allocate(input.freightFen, weights));
        expectStep(
          input.couponDiscountFen,
          goodsLeft,
          allocations.map((a) => a.couponDiscount),
        );
        expectStep(
          input.promotionDiscountFen,
          goodsLeft,
          allocations.map((a) => a.promotionDiscount),
        );
        const toPay = goodsLeft.map((left, i) => left + allocations[i]!.freight);
        input.giftCards.forEach((card, k) =>
          expectStep(
            card.amountFen,
            toPay,
            allocations.map((a) => a.giftCards[k]!),
          ),
        );
        expectStep(
          input.pointsFen,
          toPay,
          allocations.map((a) => a.points),
        );
        expect(allocations.map((a) => a.cash)).toEqual(toPay);
      }),
      { numRuns: RUNS },
    );
  });

  it('a payment share is proportional unless the line ran out of room (one fill level, within a fen)', () => {
    fc.assert(
      fc.property(orderArbitrary, (input) => {
        const allocations = allocateOrderLevelAmounts(input);
        if (allocations.every((a) => a.lineAmount === 0)) return;
        const points = allocations.map((a) => a.points);
        // Room each line had before points: its cash after points plus its points share.
        const room = allocations.map((a) => a.cash + a.points);
        allocations.forEach((ai, i) => {
          if (ai.lineAmount === 0 || points[i]! >= room[i]!) return;
          allocations.forEach((aj, j) => {
            if (aj.lineAmount === 0) return;
            expect(
              BigInt(points[j]! - 1) * BigInt(ai.lineAmount) < BigInt(points[i]! + 1) * BigInt(aj.lineAmount),
            ).toBe(true);
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic and does not depend on payableFen being given', () => {
    fc.assert(
      fc.property(orderArbitrary, (input) => {
        const { payableFen: _ignored, ...withoutPayable } = input;
        expect(allocateOrderLevelAmounts(withoutPayable)).toEqual(allocateOrderLevelAmounts(input));
      }),
      { numRuns: RUNS },
    );
  });
});
