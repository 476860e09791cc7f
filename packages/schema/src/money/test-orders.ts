// Test support only (generators for the property specs); index.ts does not export it.
import fc from 'fast-check';
import { type OrderAmountsInput, type OrderLineAmountInput } from './order-amounts.js';
import { type ThresholdPromotion } from './return-reallocation.js';

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;

/** Runs per property: 2000 locally, 5000 on CI. */
export const RUNS = env?.CI ? 5000 : 2000;

/** A share of something in 1/10000ths, biased to the edges (none of it, all of it). */
const portion = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constant(10_000) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
);

/** floor(whole × p / 10000): exact, since whole ≤ ~4·10^9 keeps the product far below 2^53. */
export function partOf(whole: number, p: number): number {
  return Math.floor((whole * p) / 10_000);
}

/** A line: free gifts, tiny prices (rounding-heavy) and prices up to 10^6 fen, quantity 1–100. */
export const lineArbitrary: fc.Arbitrary<OrderLineAmountInput> = fc.record({
  salePriceFen: fc.oneof(
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 100 }) },
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
  ),
  quantity: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 100 })),
});

const freightArbitrary = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 5_000 }),
  fc.integer({ min: 0, max: 1_000_000 }),
);

interface Deductions {
  readonly coupon: number;
  readonly promotion: number;
  readonly cards: readonly number[];
  readonly points: number;
  readonly withPayable: boolean;
}

const deductionsArbitrary: fc.Arbitrary<Deductions> = fc.record({
  coupon: portion,
  promotion: portion,
  cards: fc.array(portion, { maxLength: 3 }),
  points: portion,
  withPayable: fc.boolean(),
});

function lineAmount(line: OrderLineAmountInput): number {
  return line.salePriceFen * line.quantity;
}

function buildOrder(
  lines: readonly OrderLineAmountInput[],
  freightFen: number,
  couponDiscountFen: number,
  promotionDiscountFen: number,
  d: Deductions,
): OrderAmountsInput {
  const goods = lines.reduce((sum, line) => sum + lineAmount(line), 0);
  let left = goods + freightFen - couponDiscountFen - promotionDiscountFen;
  const giftCards = d.cards.map((p) => {
    const amountFen = partOf(left, p);
    left -= amountFen;
    return { amountFen };
  });
  const pointsFen = partOf(left, d.points);
  left -= pointsFen;
  return {
    lines,
    freightFen,
    couponDiscountFen,
    promotionDiscountFen,
    giftCards,
    pointsFen,
    ...(d.withPayable ? { payableFen: left } : {}),
  };
}

/** A valid order: 1–40 lines, random freight, coupon, promotion, 0–3 gift cards and points that keep it valid. */
export const orderArbitrary: fc.Arbitrary<OrderAmountsInput> = fc
  .record({
    lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 40 }),
    freightFen: freightArbitrary,
    d: deductionsArbitrary,
  })
  .map(({ lines, freightFen, d }) => {
    const goods = lines.reduce((sum, line) => sum + lineAmount(line), 0);
    const coupon = partOf(goods, d.coupon);
    return buildOrder(lines, freightFen, coupon, partOf(goods - coupon, d.promotion), d);
  });

/** An order whose promotion discount is the sum of up to three disjoint threshold promotions over its lines. */
export interface PromotedOrder {
  readonly input: OrderAmountsInput;
  readonly promotions: readonly ThresholdPromotion[];
}

export const promotedOrderArbitrary: fc.Arbitrary<PromotedOrder> = fc
  .record({
    lines: fc.array(fc.record({ line: lineArbitrary, promotion: fc.integer({ min: -1, max: 2 }) }), {
      minLength: 1,
      maxLength: 40,
    }),
    terms: fc.array(fc.record({ threshold: portion, discount: portion }), { minLength: 3, maxLength: 3 }),
    freightFen: freightArbitrary,
    d: deductionsArbitrary,
  })
  .map(({ lines, terms, freightFen, d }) => {
    const promotions: ThresholdPromotion[] = [];
    terms.forEach((term, p) => {
      const lineIndexes = lines.flatMap((entry, i) => (entry.promotion === p ? [i] : []));
      if (lineIndexes.length === 0) return;
      const goods = lineIndexes.reduce((sum, i) => sum + lineAmount(lines[i]!.line), 0);
      const thresholdFen = partOf(goods, term.threshold);
      promotions.push({
        id: `P${p}`,
        thresholdFen,
        discountFen: partOf(thresholdFen, term.discount),
        lineIndexes,
      });
    });
    const orderLines = lines.map((entry) => entry.line);
    const goods = orderLines.reduce((sum, line) => sum + lineAmount(line), 0);
    const promotion = promotions.reduce((sum, p) => sum + p.discountFen, 0);
    const coupon = partOf(goods - promotion, d.coupon);
    return { input: buildOrder(orderLines, freightFen, coupon, promotion, d), promotions };
  });

/** A random split of 0…n−1 into non-empty batches, in random order. */
export function batchesArbitrary(n: number): fc.Arbitrary<number[][]> {
  const indexes = Array.from({ length: n }, (_, i) => i);
  return fc
    .tuple(
      fc.shuffledSubarray(indexes, { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    )
    .map(([order, cuts]) => {
      const batches: number[][] = [];
      order.forEach((index, k) => {
        if (k === 0 || cuts[k]) batches.push([]);
        batches[batches.length - 1]!.push(index);
      });
      return batches;
    });
}

/** Deep-freezes test fixtures so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** True when part is within one fen of the exact share total × weight / weightSum (checked in BigInt). */
export function withinOneFen(part: number, total: number, weight: number, weightSum: number): boolean {
  const diff = BigInt(part) * BigInt(weightSum) - BigInt(total) * BigInt(weight);
  return (diff < 0n ? -diff : diff) < BigInt(weightSum);
}
