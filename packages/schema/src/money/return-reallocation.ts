import { allocate } from './allocate.js';
import { AmountRuleError } from './amount-rule-error.js';
import { assertNonNegativeFen, type Fen } from './fen.js';
import { assertLineAllocations, type LineAllocation } from './line-allocation.js';
import { assertLineIndexes } from './line-indexes.js';
import { lineAmountsOf, type OrderLineAmountInput } from './order-amounts.js';
import { paidByInstrument, type InstrumentAmounts } from './refund.js';

/** A threshold promotion (满减: `discountFen` off once the goods of `lineIndexes` reach `thresholdFen`). */
export interface ThresholdPromotion {
  readonly id: string;
  readonly thresholdFen: Fen;
  readonly discountFen: Fen;
  /** The lines that took part in it: their goods decide whether the threshold still holds. */
  readonly lineIndexes: readonly number[];
}

/** A return of some lines of a paid order; `allocations` are the current frozen ones (as left by earlier returns). */
export interface ReturnReallocationInput {
  readonly lines: readonly OrderLineAmountInput[];
  readonly allocations: readonly LineAllocation[];
  readonly promotions: readonly ThresholdPromotion[];
  readonly returnedLineIndexes: readonly number[];
  readonly alreadyReturnedLineIndexes?: readonly number[];
}

/** A line that stays with the customer and its allocation after the return. */
export interface KeptLineAllocation {
  readonly lineIndex: number;
  readonly allocation: LineAllocation;
}

/** The outcome of a return: what goes back per instrument and what the kept lines now carry. */
export interface ReturnReallocation {
  /** The returned lines' frozen shares per instrument (freight share included: return freight is after-sales' call). */
  readonly grossRefund: InstrumentAmounts;
  /** What is paid back: grossRefund − recovered, never negative. */
  readonly refund: InstrumentAmounts;
  /** Promotions the kept goods no longer earn, in input order. */
  readonly lostPromotionIds: readonly string[];
  /** The discount of those promotions that sat on the kept lines: what the customer owes back. */
  readonly clawback: Fen;
  /** The part of the clawback taken off the refund, per instrument. */
  readonly recovered: InstrumentAmounts;
  /** clawback − Σ recovered: what the refund could not cover (for the after-sales desk to collect or waive). */
  readonly shortfall: Fen;
  /** Every line neither returned now nor before, in line order, with its new allocation. */
  readonly keptLines: readonly KeptLineAllocation[];
}

/**
 * Refund and re-allocation for a return under threshold promotions (退货重算, docs/domain.md section 4). A promotion is
 * lost by this return when some line is kept, it still held before (goods of its lines not returned earlier ≥
 * threshold) and the goods of its lines that are kept fall below its threshold. Its discount was spread over every line of the order in
 * proportion to line amounts, like the frozen promotion column (`allocate`, same rounding); the kept lines' part of
 * that spread is the clawback, each kept line capped at the promotion discount it carries. The clawback comes off the
 * gross refund (the returned lines' frozen shares) in reverse allocation order: cash first, then points, then gift
 * cards from the last used to the first, because had the kept goods been billed without the discount, only the cash
 * part (the remainder after the fixed card and points amounts) would have been larger. What the refund cannot cover
 * is reported as `shortfall`, never as a negative refund. On the kept lines the recovered amount moves from
 * promotionDiscount to the instruments it was recovered from (in proportion to each line's clawback), so every kept
 * line still balances and, per instrument, Σ kept + refund = what the lines not returned before had paid.
 * Throws AmountRuleError naming the bad field.
 */
export function reallocateOnReturn(input: ReturnReallocationInput): ReturnReallocation {
  const lineAmounts = lineAmountsOf(input.lines);
  const { allocations } = input;
  assertLineAllocations(allocations);
  if (allocations.length !== lineAmounts.length) {
    throw new AmountRuleError('allocations', `must hold one allocation per line (${lineAmounts.length})`);
  }
  allocations.forEach((allocation, i) => {
    if (allocation.lineAmount !== lineAmounts[i]) {
      throw new AmountRuleError(
        `allocations[${i}].lineAmount`,
        `must equal the line's amount ${lineAmounts[i]}`,
      );
    }
  });
  const returnedBefore = input.alreadyReturnedLineIndexes ?? [];
  assertLineIndexes(returnedBefore, lineAmounts.length, 'alreadyReturnedLineIndexes');
  assertLineIndexes(input.returnedLineIndexes, lineAmounts.length, 'returnedLineIndexes');
  const gone = new Set(returnedBefore);
  input.returnedLineIndexes.forEach((index, k) => {
    if (gone.has(index))
      throw new AmountRuleError(`returnedLineIndexes[${k}]`, `line ${index} was already returned`);
  });
  assertPromotions(input.promotions, lineAmounts);

  const returned = new Set(input.returnedLineIndexes);
  const kept = lineAmounts.map((_, i) => i).filter((i) => !gone.has(i) && !returned.has(i));
  const goodsOf = (indexes: readonly number[]) => indexes.reduce((sum, i) => sum + lineAmounts[i]!, 0);

  const owed = lineAmounts.map(() => 0);
  const lostPromotionIds: string[] = [];
  // With nothing kept there is nobody left to owe a lost promotion: the whole rest of the order comes back.
  for (const promotion of kept.length > 0 ? input.promotions : []) {
    const held = promotion.lineIndexes.filter((i) => !gone.has(i));
    // Already lost at an earlier return: the kept lines gave its spread back then, and kept goods only shrink.
    if (goodsOf(held) < promotion.thresholdFen) continue;
    if (goodsOf(held.filter((i) => !returned.has(i))) >= promotion.thresholdFen) continue;
    lostPromotionIds.push(promotion.id);
    // The promotion column spread every promotion over all lines, so every kept line carries part of this one,
    // including lines that did not take part in it; undo exactly that spread.
    allocate(promotion.discountFen, lineAmounts).forEach((share, i) => (owed[i]! += share));
  }
  // The column was split once for all promotions together (and capped), so a line's spread of one promotion can
  // differ from its frozen share by rounding: a kept line never gives back more than it carries.
  const clawbacks = kept.map((i) => Math.min(owed[i]!, allocations[i]!.promotionDiscount));
  const clawback = clawbacks.reduce((sum, part) => sum + part, 0);

  const grossRefund = paidByInstrument(allocations, input.returnedLineIndexes);
  const recovered = takeOffRefund(grossRefund, clawback);
  const recoveredTotal = totalOf(recovered);
  return {
    grossRefund,
    refund: {
      cash: grossRefund.cash - recovered.cash,
      giftCards: grossRefund.giftCards.map((amount, k) => amount - recovered.giftCards[k]!),
      points: grossRefund.points - recovered.points,
    },
    lostPromotionIds,
    clawback,
    recovered,
    shortfall: clawback - recoveredTotal,
    keptLines: rebookKeptLines(
      kept.map((lineIndex) => ({ lineIndex, allocation: allocations[lineIndex]! })),
      clawbacks,
      recovered,
    ),
  };
}

function totalOf(amounts: InstrumentAmounts): Fen {
  return amounts.cash + amounts.points + amounts.giftCards.reduce((sum, part) => sum + part, 0);
}

/** Up to `clawback` off the gross refund: cash, then points, then gift cards from the last used to the first. */
function takeOffRefund(gross: InstrumentAmounts, clawback: Fen): InstrumentAmounts {
  let left = Math.min(clawback, totalOf(gross));
  const take = (available: Fen): Fen => {
    const taken = Math.min(available, left);
    left -= taken;
    return taken;
  };
  const cash = take(gross.cash);
  const points = take(gross.points);
  const giftCards = gross.giftCards.map(() => 0);
  for (let k = giftCards.length - 1; k >= 0; k -= 1) giftCards[k] = take(gross.giftCards[k]!);
  return { cash, giftCards, points };
}

/**
 * Moves what was recovered from each kept line's promotionDiscount to the instruments it came from: each line gives
 * back its part of the recovered total (in proportion to its clawback), and each instrument's recovered amount is
 * spread over the lines in proportion to what they gave back, capped so that every line still balances.
 */
function rebookKeptLines(
  kept: readonly KeptLineAllocation[],
  clawbacks: readonly Fen[],
  recovered: InstrumentAmounts,
): KeptLineAllocation[] {
  const givenBack = allocate(totalOf(recovered), clawbacks, clawbacks);
  const room = [...givenBack];
  const spread = (amount: Fen): Fen[] => {
    const parts = allocate(amount, givenBack, room);
    parts.forEach((part, j) => (room[j]! -= part));
    return parts;
  };
  // Same order as they were taken off the refund, so the caps bind the same way.
  const cashParts = spread(recovered.cash);
  const pointParts = spread(recovered.points);
  const cardParts: Fen[][] = recovered.giftCards.map(() => []);
  for (let k = cardParts.length - 1; k >= 0; k -= 1) cardParts[k] = spread(recovered.giftCards[k]!);

  return kept.map(({ lineIndex, allocation }, j) => {
    if (givenBack[j] === 0) return { lineIndex, allocation };
    const giftCards = allocation.giftCards.map((share, k) => share + cardParts[k]![j]!);
    return {
      lineIndex,
      allocation: {
        ...allocation,
        promotionDiscount: allocation.promotionDiscount - givenBack[j]!,
        giftCards,
        giftCard: giftCards.reduce((sum, share) => sum + share, 0),
        points: allocation.points + pointParts[j]!,
        cash: allocation.cash + cashParts[j]!,
      },
    };
  });
}

function assertPromotions(promotions: readonly ThresholdPromotion[], lineAmounts: readonly Fen[]): void {
  if (!Array.isArray(promotions)) throw new AmountRuleError('promotions', 'must be a list');
  const ids = new Set<string>();
  promotions.forEach((promotion, p) => {
    const at = `promotions[${p}]`;
    if (typeof promotion?.id !== 'string' || promotion.id === '' || ids.has(promotion.id)) {
      throw new AmountRuleError(`${at}.id`, 'must be a non-empty id, unique in the order');
    }
    ids.add(promotion.id);
    assertNonNegativeFen(promotion.thresholdFen, `${at}.thresholdFen`);
    assertNonNegativeFen(promotion.discountFen, `${at}.discountFen`);
    assertLineIndexes(promotion.lineIndexes, lineAmounts.length, `${at}.lineIndexes`);
    if (promotion.lineIndexes.length === 0) throw new AmountRuleError(`${at}.lineIndexes`, 'names no line');
    const goods = promotion.lineIndexes.reduce((sum: Fen, i: number) => sum + lineAmounts[i]!, 0);
    if (goods < promotion.thresholdFen) {
      throw new AmountRuleError(`${at}.thresholdFen`, `its lines (${goods}) never reached the threshold`);
    }
    if (promotion.discountFen > goods) {
      throw new AmountRuleError(`${at}.discountFen`, `exceeds the goods of its lines (${goods})`);
    }
  });
}
