import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountRuleError } from './amount-rule-error.js';
import { type LineAllocation } from './line-allocation.js';
import { computeOrderAmounts, type OrderAmountsInput } from './order-amounts.js';
import { allocateOrderLevelAmounts } from './order-allocation.js';
import { paidByInstrument, refundForCancelledLines, type InstrumentAmounts } from './refund.js';
import { splitAmountsBySubOrder } from './sub-order-amounts.js';
import { batchesArbitrary, deepFreeze, orderArbitrary, RUNS } from './test-orders.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AmountRuleError) return error.field;
    throw error;
  }
  return undefined;
}

/** The frozen shares of `lines`, summed here independently of the code under test. */
function frozenShares(
  allocations: readonly LineAllocation[],
  lines: readonly number[],
  cards: number,
): InstrumentAmounts {
  return {
    cash: lines.reduce((s, i) => s + allocations[i]!.cash, 0),
    giftCards: Array.from({ length: cards }, (_, k) =>
      lines.reduce((s, i) => s + allocations[i]!.giftCards[k]!, 0),
    ),
    points: lines.reduce((s, i) => s + allocations[i]!.points, 0),
  };
}

function paidPerInstrument(input: OrderAmountsInput): InstrumentAmounts {
  return {
    cash: computeOrderAmounts(input).payable,
    giftCards: input.giftCards.map((card) => card.amountFen),
    points: input.pointsFen,
  };
}

const input: OrderAmountsInput = {
  lines: [10000, 20000, 30000].map((salePriceFen) => ({ salePriceFen, quantity: 1 })),
  freightFen: 1000,
  couponDiscountFen: 1000,
  promotionDiscountFen: 3000,
  giftCards: [{ amountFen: 6000 }, { amountFen: 4000 }],
  pointsFen: 100,
};

describe('refundForCancelledLines: examples', () => {
  it('refunds exactly the cancelled lines’ frozen shares, per instrument', () => {
    const allocations = allocateOrderLevelAmounts(input);
    // Cards 6000 and 4000 split 1:2:3 → [1000, 2000, 3000] and [667, 1333, 2000]; points [17, 33, 50].
    expect(allocations.map((a) => a.giftCards)).toEqual([
      [1000, 667],
      [2000, 1333],
      [3000, 2000],
    ]);
    expect(refundForCancelledLines(allocations, [1])).toEqual({
      cash: 15634,
      giftCards: [2000, 1333],
      points: 33,
    });
    expect(refundForCancelledLines(allocations, [0, 2], [1])).toEqual({
      cash: 7816 + 23450,
      giftCards: [4000, 2667],
      points: 67,
    });
    expect(refundForCancelledLines(allocations, [])).toEqual({ cash: 0, giftCards: [0, 0], points: 0 });
    expect(paidByInstrument(allocations)).toEqual({ cash: 46900, giftCards: [6000, 4000], points: 100 });
  });

  it('keeps the remaining lines’ shares frozen: cancelling line 0 does not move money onto lines 1 and 2', () => {
    const allocations = deepFreeze(allocateOrderLevelAmounts(input));
    refundForCancelledLines(allocations, [0]);
    expect(refundForCancelledLines(allocations, [2], [0]).cash).toBe(23450);
    // What re-allocating the order over the remaining lines would refund instead (the popular peer's bug).
    expect(allocateOrderLevelAmounts({ ...input, lines: input.lines.slice(1) })[1]!.cash).toBe(22140);
  });

  it('refuses a second refund of a line and unknown lines', () => {
    const allocations = allocateOrderLevelAmounts(input);
    expect(fieldOf(() => refundForCancelledLines(allocations, [2, 1], [0, 1]))).toBe(
      'cancelledLineIndexes[1]',
    );
    expect(fieldOf(() => refundForCancelledLines(allocations, [1, 1]))).toBe('cancelledLineIndexes[1]');
    expect(fieldOf(() => refundForCancelledLines(allocations, [3]))).toBe('cancelledLineIndexes[0]');
    expect(fieldOf(() => refundForCancelledLines(allocations, [0], [7]))).toBe(
      'alreadyRefundedLineIndexes[0]',
    );
    const missingCard = allocations.map((a, i) =>
      i === 2 ? { ...a, giftCards: [3000], giftCard: 3000 } : a,
    );
    expect(fieldOf(() => refundForCancelledLines(missingCard, [0]))).toBe('allocations[2].giftCards');
  });
});

describe('refundForCancelledLines: properties', () => {
  const orderAndBatches = orderArbitrary.chain((order) =>
    fc.tuple(fc.constant(order), batchesArbitrary(order.lines.length)),
  );

  it('refunding every line, in random batches, returns exactly what was paid per instrument', () => {
    fc.assert(
      fc.property(orderAndBatches, ([order, batches]) => {
        const allocations = deepFreeze(allocateOrderLevelAmounts(order));
        const total = { cash: 0, giftCards: order.giftCards.map(() => 0), points: 0 };
        const done: number[] = [];
        for (const batch of batches) {
          const refund = refundForCancelledLines(allocations, batch, done);
          expect(refund.cash).toBeGreaterThanOrEqual(0);
          total.cash += refund.cash;
          total.points += refund.points;
          refund.giftCards.forEach((amount, k) => (total.giftCards[k]! += amount));
          done.push(...batch);
        }
        expect(total).toEqual(paidPerInstrument(order));
      }),
      { numRuns: RUNS },
    );
  });

  it('cancelling some lines never changes what the remaining lines refund later (frozen shares)', () => {
    fc.assert(
      fc.property(orderAndBatches, ([order, batches]) => {
        const allocations = deepFreeze(allocateOrderLevelAmounts(order));
        const cancelledFirst = batches[0]!;
        const rest = batches.slice(1).flat();
        refundForCancelledLines(allocations, cancelledFirst);
        const later = refundForCancelledLines(allocations, rest, cancelledFirst);
        expect(later).toEqual(frozenShares(allocations, rest, order.giftCards.length));
        expect(later).toEqual(refundForCancelledLines(allocations, rest));
        expect(allocations).toEqual(allocateOrderLevelAmounts(order));
      }),
      { numRuns: RUNS },
    );
  });

  it('a cancelled sub-order refunds exactly its own amounts', () => {
    fc.assert(
      fc.property(orderAndBatches, ([order, groups]) => {
        const allocations = allocateOrderLevelAmounts(order);
        const subOrders = splitAmountsBySubOrder(allocations, groups);
        groups.forEach((group, g) => {
          const refund = refundForCancelledLines(allocations, group);
          expect(refund.cash).toBe(subOrders[g]!.payable);
          expect(refund.giftCards.reduce((s, a) => s + a, 0)).toBe(subOrders[g]!.giftCard);
          expect(refund.points).toBe(subOrders[g]!.points);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('refunding a line twice is an error naming it', () => {
    fc.assert(
      fc.property(orderAndBatches, fc.nat(), ([order, batches], pick) => {
        const allocations = allocateOrderLevelAmounts(order);
        const first = batches[pick % batches.length]!;
        const again = first[pick % first.length]!;
        const retry = [
          ...batches
            .flat()
            .filter((i) => !first.includes(i))
            .slice(0, pick % 3),
          again,
        ];
        expect(fieldOf(() => refundForCancelledLines(allocations, retry, first))).toBe(
          `cancelledLineIndexes[${retry.length - 1}]`,
        );
      }),
      { numRuns: RUNS },
    );
  });
});
