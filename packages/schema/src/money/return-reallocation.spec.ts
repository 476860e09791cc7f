import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountRuleError } from './amount-rule-error.js';
import { assertLineAllocations, type LineAllocation } from './line-allocation.js';
import { computeOrderAmounts, type OrderAmountsInput } from './order-amounts.js';
import { allocateOrderLevelAmounts } from './order-allocation.js';
import { type InstrumentAmounts } from './refund.js';
import {
  reallocateOnReturn,
  type ReturnReallocation,
  type ThresholdPromotion,
} from './return-reallocation.js';
import {
  batchesArbitrary,
  deepFreeze,
  promotedOrderArbitrary,
  RUNS,
  withinOneFen,
  type PromotedOrder,
} from './test-orders.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AmountRuleError) return error.field;
    throw error;
  }
  return undefined;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const total = (amounts: InstrumentAmounts) => amounts.cash + amounts.points + sum(amounts.giftCards);

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

function returning(
  input: OrderAmountsInput,
  promotions: ThresholdPromotion[],
  returned: number[],
  before: number[] = [],
) {
  return reallocateOnReturn({
    lines: input.lines,
    allocations: allocateOrderLevelAmounts(input),
    promotions,
    returnedLineIndexes: returned,
    alreadyReturnedLineIndexes: before,
  });
}

/** 满300减50 over two lines of 200 and 150 yuan. */
const fullReduction = order([20000, 15000], { promotionDiscountFen: 5000 });
const p300minus50: ThresholdPromotion = {
  id: 'MJ300-50',
  thresholdFen: 30000,
  discountFen: 5000,
  lineIndexes: [0, 1],
};

describe('reallocateOnReturn: examples', () => {
  it('满300减50: returning the 150 line takes the 200 line’s share of the 50 off the refund', () => {
    // Frozen: promotion 5000 × 200/350 = 2857.14 → 2857, × 150/350 = 2142.86 → 2143; cash 17143 and 12857.
    const result = returning(fullReduction, [p300minus50], [1]);
    expect(result.grossRefund).toEqual({ cash: 12857, giftCards: [], points: 0 });
    expect(result.lostPromotionIds).toEqual(['MJ300-50']);
    expect(result.clawback).toBe(2857);
    expect(result.recovered).toEqual({ cash: 2857, giftCards: [], points: 0 });
    expect(result.refund).toEqual({ cash: 10000, giftCards: [], points: 0 });
    expect(result.shortfall).toBe(0);
    // The customer ends up paying the kept 200-yuan line at full price.
    expect(result.keptLines).toEqual([
      {
        lineIndex: 0,
        allocation: {
          lineAmount: 20000,
          freight: 0,
          couponDiscount: 0,
          promotionDiscount: 0,
          giftCards: [],
          giftCard: 0,
          points: 0,
          cash: 20000,
        },
      },
    ]);
  });

  it('满300减50: returning the 200 line instead refunds 171.43 − 21.43 = 150.00', () => {
    const result = returning(fullReduction, [p300minus50], [0]);
    expect(result.refund.cash).toBe(15000);
    expect(result.keptLines[0]!.allocation).toMatchObject({ promotionDiscount: 0, cash: 15000 });
  });

  it('keeps the promotion when the kept goods still reach the threshold (≥, not >)', () => {
    const input = order([20000, 15000, 5000], { promotionDiscountFen: 5000 });
    const promotion = { ...p300minus50, lineIndexes: [0, 1, 2] };
    const result = returning(input, [promotion], [2]);
    expect(result.lostPromotionIds).toEqual([]);
    expect(result.refund).toEqual(result.grossRefund);
    expect(result.keptLines.map((kept) => kept.allocation)).toEqual(
      allocateOrderLevelAmounts(input).slice(0, 2),
    );
  });

  it('takes the clawback off cash, then points, then gift cards from the last used', () => {
    const input = order([20000, 15000], {
      promotionDiscountFen: 5000,
      giftCards: [{ amountFen: 20000 }, { amountFen: 9000 }],
      pointsFen: 500,
    });
    // Frozen line 1: cash 215, cards 8571 and 3857, points 214; line 0 owes 2857.
    const result = returning(input, [p300minus50], [1]);
    expect(result.grossRefund).toEqual({ cash: 215, giftCards: [8571, 3857], points: 214 });
    expect(result.recovered).toEqual({ cash: 215, giftCards: [0, 2428], points: 214 });
    expect(result.refund).toEqual({ cash: 0, giftCards: [8571, 1429], points: 0 });
    expect(result.keptLines[0]!.allocation).toEqual({
      lineAmount: 20000,
      freight: 0,
      couponDiscount: 0,
      promotionDiscount: 0,
      giftCards: [11429, 7571],
      giftCard: 19000,
      points: 500,
      cash: 500,
    });
  });

  it('reports a shortfall instead of a negative refund', () => {
    const input = order([29000, 1000], {
      promotionDiscountFen: 5000,
      giftCards: [{ amountFen: 3000 }],
      pointsFen: 500,
    });
    // Line 0 owes 4833 of the 50 yuan; line 1 paid only 7.16 cash + 1.00 card + 0.17 points.
    const result = returning(input, [p300minus50], [1]);
    expect(result.clawback).toBe(4833);
    expect(result.grossRefund).toEqual({ cash: 716, giftCards: [100], points: 17 });
    expect(result.refund).toEqual({ cash: 0, giftCards: [0], points: 0 });
    expect(result.shortfall).toBe(4000);
    expect(result.keptLines[0]!.allocation).toMatchObject({
      promotionDiscount: 4000,
      cash: 21500,
      points: 500,
      giftCards: [3000],
    });
  });

  it('takes the lost promotion’s spread off every kept line, also lines that did not take part', () => {
    // 满200减40 on lines 0 and 1 only; the order's promotion column spread 4000 as 1000 / 1000 / 2000.
    const input = order([10000, 10000, 20000], { promotionDiscountFen: 4000 });
    const promotion = { id: 'MJ200-40', thresholdFen: 20000, discountFen: 4000, lineIndexes: [0, 1] };
    const result = returning(input, [promotion], [1]);
    expect(result.clawback).toBe(3000);
    expect(result.refund.cash).toBe(6000);
    expect(
      result.keptLines.map((kept) => [
        kept.lineIndex,
        kept.allocation.promotionDiscount,
        kept.allocation.cash,
      ]),
    ).toEqual([
      [0, 0, 10000],
      [2, 0, 20000],
    ]);
    // Returning the line outside the promotion keeps it.
    expect(returning(input, [promotion], [2]).lostPromotionIds).toEqual([]);
  });

  it('removes only the lost promotion when another one still holds', () => {
    const input = order([10000, 10000, 20000], { promotionDiscountFen: 4000 });
    const promotions = [
      { id: 'A', thresholdFen: 20000, discountFen: 2000, lineIndexes: [0, 1] },
      { id: 'B', thresholdFen: 10000, discountFen: 2000, lineIndexes: [2] },
    ];
    // A's 2000 spread 500 / 500 / 1000: the kept lines 0 and 2 give back 500 and 1000.
    const result = returning(input, promotions, [1]);
    expect(result.lostPromotionIds).toEqual(['A']);
    expect(result.clawback).toBe(1500);
    expect(result.refund.cash).toBe(7500);
    expect(result.keptLines.map((kept) => kept.allocation.promotionDiscount)).toEqual([500, 1000]);
  });

  it('claws a promotion back only once over successive returns', () => {
    const input = order([10000, 10000, 10000], { promotionDiscountFen: 3000 });
    const promotion = { id: 'MJ200-30', thresholdFen: 20000, discountFen: 3000, lineIndexes: [0, 1, 2] };
    const first = returning(input, [promotion], [2]);
    expect(first.refund.cash).toBe(9000);
    const allocations = allocateOrderLevelAmounts(input);
    const second = reallocateOnReturn({
      lines: input.lines,
      allocations,
      promotions: [promotion],
      returnedLineIndexes: [1],
      alreadyReturnedLineIndexes: [2],
    });
    expect(second.clawback).toBe(1000);
    expect(second.refund.cash).toBe(8000);
    const afterSecond = [...allocations];
    for (const kept of second.keptLines) afterSecond[kept.lineIndex] = kept.allocation;
    const third = reallocateOnReturn({
      lines: input.lines,
      allocations: afterSecond,
      promotions: [promotion],
      returnedLineIndexes: [0],
      alreadyReturnedLineIndexes: [2, 1],
    });
    expect(third.lostPromotionIds).toEqual([]);
    expect(third.refund.cash).toBe(10000);
    expect(9000 + 8000 + 10000).toBe(computeOrderAmounts(input).payable);
  });

  it('refuses bad input, naming the field', () => {
    const allocations = allocateOrderLevelAmounts(fullReduction);
    const call = (change: object) =>
      fieldOf(() =>
        reallocateOnReturn({
          lines: fullReduction.lines,
          allocations,
          promotions: [p300minus50],
          returnedLineIndexes: [1],
          ...change,
        }),
      );
    expect(call({ returnedLineIndexes: [2] })).toBe('returnedLineIndexes[0]');
    expect(call({ returnedLineIndexes: [1], alreadyReturnedLineIndexes: [1] })).toBe(
      'returnedLineIndexes[0]',
    );
    expect(call({ promotions: [{ ...p300minus50, lineIndexes: [0, 5] }] })).toBe(
      'promotions[0].lineIndexes[1]',
    );
    expect(call({ promotions: [{ ...p300minus50, lineIndexes: [] }] })).toBe('promotions[0].lineIndexes');
    expect(call({ promotions: [{ ...p300minus50, thresholdFen: 35001 }] })).toBe(
      'promotions[0].thresholdFen',
    );
    expect(call({ promotions: [{ ...p300minus50, discountFen: -1 }] })).toBe('promotions[0].discountFen');
    expect(call({ promotions: [p300minus50, p300minus50] })).toBe('promotions[1].id');
    expect(call({ allocations: allocations.slice(1) })).toBe('allocations');
    expect(call({ lines: [{ salePriceFen: 20001, quantity: 1 }, fullReduction.lines[1]] })).toBe(
      'allocations[0].lineAmount',
    );
    expect(call({ allocations: [{ ...allocations[0]!, cash: -1 }, allocations[1]] })).toBe(
      'allocations[0].cash',
    );
  });
});

interface Step {
  readonly returned: readonly number[];
  readonly before: readonly LineAllocation[];
  readonly result: ReturnReallocation;
}

/** Returns the batches one after another, carrying the kept lines' new allocations into the next return. */
function returnAll({ input, promotions }: PromotedOrder, batches: readonly number[][]): Step[] {
  let allocations: readonly LineAllocation[] = deepFreeze(allocateOrderLevelAmounts(input));
  const gone: number[] = [];
  return batches.map((batch) => {
    const before = allocations;
    const result = reallocateOnReturn({
      lines: input.lines,
      allocations: before,
      promotions,
      returnedLineIndexes: batch,
      alreadyReturnedLineIndexes: [...gone],
    });
    const next = [...before];
    for (const kept of result.keptLines) next[kept.lineIndex] = kept.allocation;
    allocations = deepFreeze(next);
    gone.push(...batch);
    return { returned: batch, before, result };
  });
}

function instrumentSums(
  allocations: readonly LineAllocation[],
  lines: readonly number[],
  cards: number,
): InstrumentAmounts {
  return {
    cash: sum(lines.map((i) => allocations[i]!.cash)),
    giftCards: Array.from({ length: cards }, (_, k) => sum(lines.map((i) => allocations[i]!.giftCards[k]!))),
    points: sum(lines.map((i) => allocations[i]!.points)),
  };
}

const equalAmounts = (a: InstrumentAmounts, b: InstrumentAmounts) =>
  a.cash === b.cash &&
  a.points === b.points &&
  a.giftCards.length === b.giftCards.length &&
  a.giftCards.every((x, k) => x === b.giftCards[k]);

const plus = (a: InstrumentAmounts, b: InstrumentAmounts): InstrumentAmounts => ({
  cash: a.cash + b.cash,
  giftCards: a.giftCards.map((x, k) => x + b.giftCards[k]!),
  points: a.points + b.points,
});

const promotedWithBatches = promotedOrderArbitrary.chain((promoted) =>
  fc.tuple(fc.constant(promoted), batchesArbitrary(promoted.input.lines.length)),
);

describe('reallocateOnReturn: properties over generated orders and return sequences', () => {
  it('the refund is the gross refund less what was recovered, never negative; shortfall only when nothing is left', () => {
    fc.assert(
      fc.property(promotedWithBatches, ([promoted, batches]) => {
        const cards = promoted.input.giftCards.length;
        const problems: string[] = [];
        returnAll(promoted, batches).forEach(({ returned, before, result }, step) => {
          const { refund, recovered, grossRefund, shortfall, clawback } = result;
          const fail = (what: string) => problems.push(`step ${step}: ${what}`);
          if (!equalAmounts(grossRefund, instrumentSums(before, returned, cards)))
            fail('gross ≠ frozen shares');
          if (!equalAmounts(plus(refund, recovered), grossRefund)) fail('refund + recovered ≠ gross');
          if (![refund.cash, refund.points, ...refund.giftCards].every((v) => v >= 0))
            fail('negative refund');
          if (![recovered.cash, recovered.points, ...recovered.giftCards].every((v) => v >= 0))
            fail('negative recovery');
          if (total(recovered) + shortfall !== clawback || shortfall < 0)
            fail('recovered + shortfall ≠ clawback');
          if (shortfall > 0 && total(refund) !== 0) fail('shortfall while refund left');
          // Cash absorbs the clawback before any stored value is touched, points before gift cards.
          if (recovered.points + sum(recovered.giftCards) > 0 && refund.cash !== 0)
            fail('stored value before cash');
          if (sum(recovered.giftCards) > 0 && refund.points !== 0) fail('gift cards before points');
          recovered.giftCards.forEach((taken, k) => {
            if (taken > 0 && refund.giftCards.some((left, later) => later > k && left > 0))
              fail('card before a later one');
          });
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('per instrument, the kept lines plus the refund hold exactly what those lines had paid', () => {
    fc.assert(
      fc.property(promotedWithBatches, ([promoted, batches]) => {
        const cards = promoted.input.giftCards.length;
        for (const { returned, before, result } of returnAll(promoted, batches)) {
          const keptIndexes = result.keptLines.map((kept) => kept.lineIndex);
          const after = [...before];
          for (const kept of result.keptLines) after[kept.lineIndex] = kept.allocation;
          expect(plus(instrumentSums(after, keptIndexes, cards), result.refund)).toEqual(
            instrumentSums(before, [...keptIndexes, ...returned], cards),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('kept lines still balance, keep amount, freight and coupon, and give up exactly the recovered promotion', () => {
    fc.assert(
      fc.property(promotedWithBatches, ([promoted, batches]) => {
        const problems: string[] = [];
        for (const { returned, before, result } of returnAll(promoted, batches)) {
          const kept = result.keptLines.map((k) => k.allocation);
          if (kept.length > 0) expect(assertLineAllocations(kept)).toBe(promoted.input.giftCards.length);
          for (const { lineIndex, allocation: now } of result.keptLines) {
            const old = before[lineIndex]!;
            const fail = (what: string) => problems.push(`line ${lineIndex}: ${what}`);
            if (returned.includes(lineIndex)) fail('returned but kept');
            if (now.lineAmount !== old.lineAmount || now.freight !== old.freight)
              fail('amount or freight moved');
            if (now.couponDiscount !== old.couponDiscount) fail('coupon moved');
            if (now.promotionDiscount > old.promotionDiscount) fail('promotion grew');
            if (now.cash < old.cash || now.points < old.points) fail('cash or points shrank');
            if (now.giftCards.some((share, k) => share < old.giftCards[k]!)) fail('gift card shrank');
          }
          const givenBack = result.keptLines.map(
            (k) => before[k.lineIndex]!.promotionDiscount - k.allocation.promotionDiscount,
          );
          const given = sum(givenBack);
          if (given !== total(result.recovered))
            problems.push(`gave up ${given}, recovered ${total(result.recovered)}`);
          // The recovered cash lands on the kept lines in proportion to what each gave back.
          result.keptLines.forEach((k, j) => {
            const cashIn = k.allocation.cash - before[k.lineIndex]!.cash;
            if (given > 0 && !withinOneFen(cashIn, result.recovered.cash, givenBack[j]!, given)) {
              problems.push(`line ${k.lineIndex}: cash ${cashIn} not in proportion`);
            }
          });
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('loses exactly the promotions whose kept goods fall below the threshold, each at most once', () => {
    fc.assert(
      fc.property(promotedWithBatches, ([promoted, batches]) => {
        const amounts = promoted.input.lines.map((line) => line.salePriceFen * line.quantity);
        const gone = new Set<number>();
        const lostSoFar: string[] = [];
        for (const { returned, before, result } of returnAll(promoted, batches)) {
          const keptAny = amounts.some((_, i) => !gone.has(i) && !returned.includes(i));
          const expected = promoted.promotions
            .filter((p) => {
              const held = sum(p.lineIndexes.filter((i) => !gone.has(i)).map((i) => amounts[i]!));
              const kept = sum(
                p.lineIndexes.filter((i) => !gone.has(i) && !returned.includes(i)).map((i) => amounts[i]!),
              );
              return keptAny && held >= p.thresholdFen && kept < p.thresholdFen;
            })
            .map((p) => p.id);
          expect(result.lostPromotionIds).toEqual(expected);
          for (const id of expected) expect(lostSoFar).not.toContain(id);
          lostSoFar.push(...expected);
          const lostDiscount = sum(
            promoted.promotions.filter((p) => expected.includes(p.id)).map((p) => p.discountFen),
          );
          expect(result.clawback).toBeLessThanOrEqual(lostDiscount);
          if (expected.length === 0) {
            expect(result.refund).toEqual(result.grossRefund);
            for (const kept of result.keptLines) expect(kept.allocation).toBe(before[kept.lineIndex]);
          }
          returned.forEach((i) => gone.add(i));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('over a whole sequence of returns, the refunds add up to exactly what was paid per instrument', () => {
    fc.assert(
      fc.property(promotedWithBatches, ([promoted, batches]) => {
        const { input } = promoted;
        const refunded = returnAll(promoted, batches).reduce((acc, step) => plus(acc, step.result.refund), {
          cash: 0,
          giftCards: input.giftCards.map(() => 0),
          points: 0,
        } as InstrumentAmounts);
        expect(refunded).toEqual({
          cash: computeOrderAmounts(input).payable,
          giftCards: input.giftCards.map((card) => card.amountFen),
          points: input.pointsFen,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('one promotion and no coupon: losing it bills the kept goods at full price', () => {
    const single = promotedWithBatches
      .map(([{ input, promotions }, batches]) => {
        const promotion = promotions[0];
        const only = promotion ? [promotion] : [];
        return [
          {
            input: {
              ...input,
              couponDiscountFen: 0,
              promotionDiscountFen: promotion?.discountFen ?? 0,
              payableFen: undefined,
            },
            promotions: only,
          },
          batches,
        ] as const;
      })
      .filter(([{ input }]) => {
        try {
          computeOrderAmounts(input);
          return true;
        } catch {
          return false;
        }
      });
    fc.assert(
      fc.property(single, ([promoted, batches]) => {
        for (const { result } of returnAll(promoted, batches)) {
          if (result.lostPromotionIds.length === 0 || result.shortfall > 0) continue;
          for (const { allocation } of result.keptLines) {
            expect(allocation.promotionDiscount).toBe(0);
            expect(allocation.cash + allocation.giftCard + allocation.points).toBe(
              allocation.lineAmount + allocation.freight,
            );
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
