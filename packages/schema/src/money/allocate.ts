import { AmountRuleError } from './amount-rule-error.js';
import { assertNonNegativeFen, sumFen, type Fen } from './fen.js';

/**
 * Splits `total` fen (≥ 0) over `weights` (whole numbers ≥ 0) in proportion, in whole fen, parts summing exactly
 * to `total`, by the largest-remainder method; tie-break among equal remainders: the larger weight, then the lower
 * index; when every weight is 0 the lines count as equal. With `caps`, no part exceeds its cap: a line whose
 * proportional share reaches its cap gets exactly the cap and the rest is split again over the lines with room, in
 * proportion to their weights (water-filling; lines with room that all weigh 0 share equally). Throws
 * AmountRuleError (`total`, `weights[i]`, `caps`, `caps[i]`) on bad input or when `total` > Σ caps.
 */
export function allocate(total: Fen, weights: readonly Fen[], caps?: readonly Fen[]): Fen[] {
  assertNonNegativeFen(total, 'total');
  if (!Array.isArray(weights)) throw new AmountRuleError('weights', 'must be an array');
  weights.forEach((weight, i) => assertNonNegativeFen(weight, `weights[${i}]`));
  sumFen(weights, 'weights');
  if (weights.length === 0 && total > 0) {
    throw new AmountRuleError('weights', `cannot split ${total} fen over no lines`);
  }
  if (caps === undefined) return splitByLargestRemainder(total, equalIfAllZero(weights));

  if (!Array.isArray(caps) || caps.length !== weights.length) {
    throw new AmountRuleError('caps', `must list one cap per weight (${weights.length})`);
  }
  caps.forEach((cap, i) => assertNonNegativeFen(cap, `caps[${i}]`));
  const room = sumFen(caps, 'caps');
  if (total > room)
    throw new AmountRuleError('total', `${total} fen exceeds the sum of the caps, ${room} fen`);
  return waterFill(total, weights, caps);
}

function equalIfAllZero(weights: readonly Fen[]): readonly Fen[] {
  return weights.some((weight) => weight > 0) ? weights : weights.map(() => 1);
}

/**
 * Exact floor and remainder of total × weight / Σweights. Plain doubles are exact while total × Σweights stays a safe
 * integer (every product is then safe too); beyond that (e.g. 10^10 fen × 10^10 fen weights) BigInt takes over.
 */
function divide(total: Fen, weights: readonly Fen[], weightSum: Fen) {
  if (total * weightSum <= Number.MAX_SAFE_INTEGER) {
    return weights.map((weight) => {
      const product = total * weight;
      const remainder = product % weightSum;
      return { quotient: (product - remainder) / weightSum, remainder: BigInt(remainder) };
    });
  }
  const bigTotal = BigInt(total);
  const bigSum = BigInt(weightSum);
  return weights.map((weight) => {
    const product = bigTotal * BigInt(weight);
    return { quotient: Number(product / bigSum), remainder: product % bigSum };
  });
}

/** Largest remainder over weights of which at least one is positive (or total is 0). */
function splitByLargestRemainder(total: Fen, weights: readonly Fen[]): Fen[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0 || weightSum === 0) return weights.map(() => 0);
  const shares = divide(total, weights, weightSum);
  const parts = shares.map((share) => share.quotient);
  let leftover = total - parts.reduce((sum, part) => sum + part, 0);
  // The tie-break is part of the contract (invoices print these fen): the larger remainder first; among equal
  // remainders the larger weight (the bigger line absorbs the rounding), then the lower index.
  const order = shares
    .map((share, index) => ({ index, remainder: share.remainder, weight: weights[index]! }))
    .sort(
      (a, b) =>
        compareBig(b.remainder, a.remainder) || compareNumbers(b.weight, a.weight) || a.index - b.index,
    );
  // leftover < number of lines with a non-zero remainder, so a line whose share is whole never gets an extra fen.
  for (const { index } of order) {
    if (leftover === 0) break;
    parts[index]! += 1;
    leftover -= 1;
  }
  return parts;
}

function waterFill(total: Fen, weights: readonly Fen[], caps: readonly Fen[]): Fen[] {
  const parts = weights.map(() => 0);
  const open = weights.map((_, index) => index).filter((index) => caps[index]! > 0);
  const effective = equalIfAllZero(open.map((index) => weights[index]!));
  const weightOf = new Map(open.map((index, k) => [index, effective[k]!]));
  // Lines reach their caps in the order of cap / weight (weight 0 never does), so one pass in that order finds
  // every saturated line: fixing a line at its cap never lowers the fill level of the others.
  const byFillOrder = [...open].sort(
    (a, b) => compareRatios(caps[a]!, weightOf.get(a)!, caps[b]!, weightOf.get(b)!) || a - b,
  );
  let remaining = total;
  let openWeight = effective.reduce((sum, weight) => sum + weight, 0);
  let k = 0;
  for (; k < byFillOrder.length; k += 1) {
    const index = byFillOrder[k]!;
    const weight = weightOf.get(index)!;
    // Saturated when its share remaining × weight / openWeight reaches its cap.
    if (weight === 0 || compareProducts(remaining, weight, caps[index]!, openWeight) < 0) break;
    parts[index] = caps[index]!;
    remaining -= caps[index]!;
    openWeight -= weight;
  }
  const rest = byFillOrder.slice(k).sort((a, b) => a - b);
  if (remaining === 0 || rest.length === 0) return parts;
  // Every share left is strictly below its cap, so rounding it up by one fen cannot pass the cap; when only
  // zero-weight lines have room, they share the rest equally, still capped.
  const restParts =
    openWeight > 0
      ? splitByLargestRemainder(
          remaining,
          rest.map((index) => weightOf.get(index)!),
        )
      : waterFill(
          remaining,
          rest.map(() => 1),
          rest.map((index) => caps[index]!),
        );
  rest.forEach((index, j) => {
    parts[index] = restParts[j]!;
  });
  return parts;
}

/** Sign of a × b − c × d, exact for any safe integers ≥ 0. */
function compareProducts(a: number, b: number, c: number, d: number): number {
  const left = a * b;
  const right = c * d;
  // A product above 2^53 can only round to a double ≥ 2^53, so both being ≤ MAX_SAFE_INTEGER proves them exact.
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) return compareNumbers(left, right);
  return compareBig(BigInt(a) * BigInt(b), BigInt(c) * BigInt(d));
}

/** Orders capA / weightA against capB / weightB, a zero weight counting as an infinite ratio. */
function compareRatios(capA: number, weightA: number, capB: number, weightB: number): number {
  if (weightA === 0 || weightB === 0) return compareNumbers(weightA === 0 ? 1 : 0, weightB === 0 ? 1 : 0);
  return compareProducts(capA, weightB, capB, weightA);
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
