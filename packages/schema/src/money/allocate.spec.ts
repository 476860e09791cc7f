import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate } from './allocate.js';
import { AmountRuleError } from './amount-rule-error.js';
import { RUNS, withinOneFen } from './test-orders.js';

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

/** Small weights and totals (rounding-heavy, many ties) and large ones (10^10 fen: the BigInt path). */
const magnitude = fc.constantFrom(10, 1_000, 1_000_000, 10_000_000_000);
const weightsAndTotal = magnitude.chain((max) =>
  fc.record({
    total: fc.oneof(fc.constant(0), fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 10_000_000_000 })),
    weights: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max })), { minLength: 1, maxLength: 40 }),
  }),
);

describe('allocate: examples', () => {
  it('splits in proportion and gives the rounding fen by largest remainder', () => {
    expect(allocate(1000, [10000, 20000, 30000])).toEqual([167, 333, 500]);
    expect(allocate(10, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(allocate(0, [5, 7])).toEqual([0, 0]);
    expect(allocate(7, [0, 3, 0])).toEqual([0, 7, 0]);
  });

  it('breaks a tie of remainders by the larger weight, then by the lower index', () => {
    // 2 × 1/4 = 0.5 and 2 × 3/4 = 1.5: equal remainders, the heavier line (index 1) takes the fen.
    expect(allocate(2, [100, 300])).toEqual([0, 2]);
    expect(allocate(2, [300, 100])).toEqual([2, 0]);
    // 3 × (1, 1, 2, 2)/6 = 0.5, 0.5, 1, 1: lines 0 and 1 tie on remainder and weight, the lower index wins.
    expect(allocate(3, [100, 100, 200, 200])).toEqual([1, 0, 1, 1]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('spreads over equal weights when every weight is 0, and needs somewhere to put money', () => {
    expect(allocate(5, [0, 0, 0])).toEqual([2, 2, 1]);
    expect(allocate(0, [])).toEqual([]);
    expect(fieldOf(() => allocate(1, []))).toBe('weights');
  });

  it('is exact beyond 2^53 for totals and weights of 10^10 fen', () => {
    expect(allocate(10_000_000_000, [10_000_000_000, 10_000_000_000, 10_000_000_000])).toEqual([
      3_333_333_334, 3_333_333_333, 3_333_333_333,
    ]);
    // Shares 9999999998.0000000001 and 0.9999999999: the leftover fen goes to the larger remainder, line 1.
    // (In doubles 9999999999² is not even representable, so float math cannot see the difference.)
    expect(allocate(9_999_999_999, [9_999_999_999, 1])).toEqual([9_999_999_998, 1]);
    expect(allocate(9_007_199_254_740_991, [3, 3, 3])).toEqual([
      3_002_399_751_580_331, 3_002_399_751_580_330, 3_002_399_751_580_330,
    ]);
  });

  it('caps a part and spreads the excess over the other lines in proportion', () => {
    expect(allocate(100, [1, 1, 1], [10, 100, 100])).toEqual([10, 45, 45]);
    // 5 and 10 are capped; the other 85 fen go 3:4 → 36.43 / 48.57 → 36 / 49.
    expect(allocate(100, [1, 2, 3, 4], [5, 10, 100, 100])).toEqual([5, 10, 36, 49]);
    // The excess of line 0 pushes line 1 over its cap too (40 → 55 > 40): iterate until nothing overflows.
    expect(allocate(120, [1, 1, 1], [10, 40, 100])).toEqual([10, 40, 70]);
    // A capped tie: the rounding fen cannot go to line 0, which has no room left.
    expect(allocate(1, [1, 1, 1], [0, 0, 1])).toEqual([0, 0, 1]);
    // Only a zero-weight line has room once the weighted line is full.
    expect(allocate(10, [1, 0], [4, 100])).toEqual([4, 6]);
    expect(allocate(9, [0, 0, 0], [1, 100, 100])).toEqual([1, 4, 4]);
    expect(allocate(30, [1, 2], [10, 20])).toEqual([10, 20]);
  });

  it('refuses bad input, naming it', () => {
    expect(fieldOf(() => allocate(-1, [1]))).toBe('total');
    expect(fieldOf(() => allocate(1.5, [1]))).toBe('total');
    expect(fieldOf(() => allocate(1, [1, -2]))).toBe('weights[1]');
    expect(fieldOf(() => allocate(1, [1, 0.5]))).toBe('weights[1]');
    expect(fieldOf(() => allocate(1, [1, 2], [1]))).toBe('caps');
    expect(fieldOf(() => allocate(1, [1, 2], [1, -1]))).toBe('caps[1]');
    expect(fieldOf(() => allocate(31, [1, 2], [10, 20]))).toBe('total');
    expect(fieldOf(() => allocate(1, [Number.MAX_SAFE_INTEGER, 1]))).toBe('weights');
  });
});

describe('allocate: properties', () => {
  it('parts are whole, non-negative and sum exactly to the total', () => {
    fc.assert(
      fc.property(weightsAndTotal, ({ total, weights }) => {
        const parts = allocate(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.every((part) => Number.isSafeInteger(part) && part >= 0)).toBe(true);
        expect(sum(parts)).toBe(total);
      }),
      { numRuns: RUNS },
    );
  });

  it('every part is within one fen of total × weight / Σ weights', () => {
    fc.assert(
      fc.property(weightsAndTotal, ({ total, weights }) => {
        const weightSum = sum(weights);
        const effective = weightSum === 0 ? weights.map(() => 1) : weights;
        const parts = allocate(total, weights);
        parts.forEach((part, i) =>
          expect(withinOneFen(part, total, effective[i]!, sum(effective))).toBe(true),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('the extra fen go to the largest remainders, then the larger weight, then the lower index', () => {
    fc.assert(
      fc.property(weightsAndTotal, ({ total, weights }) => {
        const effective = sum(weights) === 0 ? weights.map(() => 1) : weights;
        const weightSum = BigInt(sum(effective));
        const parts = allocate(total, weights);
        const lines = effective.map((weight, index) => {
          const exact = BigInt(total) * BigInt(weight);
          return {
            index,
            weight,
            remainder: exact % weightSum,
            extra: BigInt(parts[index]!) - exact / weightSum,
          };
        });
        const precedes = (a: (typeof lines)[number], b: (typeof lines)[number]) =>
          a.remainder !== b.remainder
            ? a.remainder > b.remainder
            : a.weight !== b.weight
              ? a.weight > b.weight
              : a.index < b.index;
        for (const got of lines) {
          expect(got.extra === 0n || got.extra === 1n).toBe(true);
          if (got.extra === 0n) continue;
          for (const missed of lines) if (missed.extra === 0n) expect(precedes(got, missed)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(weightsAndTotal, fc.integer({ min: 2, max: 1000 }), ({ total, weights }, factor) => {
        fc.pre(sum(weights) * factor <= Number.MAX_SAFE_INTEGER);
        expect(
          allocate(
            total,
            weights.map((weight) => weight * factor),
          ),
        ).toEqual(allocate(total, weights));
      }),
      { numRuns: RUNS },
    );
  });

  const capped = weightsAndTotal.chain(({ total, weights }) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Math.max(1, total) })), {
        minLength: weights.length,
        maxLength: weights.length,
      })
      .chain((caps) =>
        fc.record({
          total: fc.integer({ min: 0, max: sum(caps) }),
          weights: fc.constant(weights),
          caps: fc.constant(caps),
        }),
      ),
  );

  it('with caps: parts sum to the total and stay within 0…cap', () => {
    fc.assert(
      fc.property(capped, ({ total, weights, caps }) => {
        const parts = allocate(total, weights, caps);
        expect(sum(parts)).toBe(total);
        parts.forEach((part, i) => {
          expect(part).toBeGreaterThanOrEqual(0);
          expect(part).toBeLessThanOrEqual(caps[i]!);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('with caps: the excess is spread in proportion (one fill level, within a fen)', () => {
    fc.assert(
      fc.property(capped, ({ total, weights, caps }) => {
        const parts = allocate(total, weights, caps);
        const hasRoom = (i: number) => parts[i]! < caps[i]!;
        weights.forEach((wi, i) => {
          if (wi === 0 || !hasRoom(i)) return;
          // A line with room is filled to the common level λ (part + 1 > λ·w); any other line is at most there.
          weights.forEach((wj, j) => {
            if (wj > 0)
              expect(BigInt(parts[j]! - 1) * BigInt(wi) < BigInt(parts[i]! + 1) * BigInt(wj)).toBe(true);
          });
        });
        // Money reaches a zero-weight line only once every weighted line is full.
        if (weights.some((w, i) => w === 0 && parts[i]! > 0) && weights.some((w) => w > 0)) {
          weights.forEach((w, i) => w > 0 && expect(parts[i]).toBe(caps[i]));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with caps that leave room, the result is the uncapped one', () => {
    fc.assert(
      fc.property(
        weightsAndTotal,
        fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
        ({ total, weights }, slack) => {
          const uncapped = allocate(total, weights);
          const caps = uncapped.map((part, i) => part + 1 + slack[i]!);
          expect(allocate(total, weights, caps)).toEqual(uncapped);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('throws when the total exceeds the caps', () => {
    fc.assert(
      fc.property(capped, fc.integer({ min: 1, max: 1000 }), ({ weights, caps }, excess) => {
        expect(fieldOf(() => allocate(sum(caps) + excess, weights, caps))).toBe('total');
      }),
      { numRuns: RUNS },
    );
  });
});
