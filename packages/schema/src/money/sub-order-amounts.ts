import { AmountRuleError } from './amount-rule-error.js';
import { sumFen } from './fen.js';
import { assertLineAllocations, type LineAllocation } from './line-allocation.js';
import { assertLineIndexes } from './line-indexes.js';
import { type OrderAmounts } from './order-amounts.js';

/** The figures of the given lines (all by default) as sums of their allocations; payable = Σ cash. */
export function sumLineAllocations(
  allocations: readonly LineAllocation[],
  lineIndexes: readonly number[] = allocations.map((_, i) => i),
): OrderAmounts {
  const picked = lineIndexes.map((index) => allocations[index]!);
  const sum = (column: keyof Omit<LineAllocation, 'giftCards'>) =>
    sumFen(
      picked.map((allocation) => allocation[column]),
      column,
    );
  const goods = sum('lineAmount');
  const freight = sum('freight');
  return {
    goods,
    freight,
    orderTotal: goods + freight,
    couponDiscount: sum('couponDiscount'),
    promotionDiscount: sum('promotionDiscount'),
    giftCard: sum('giftCard'),
    points: sum('points'),
    payable: sum('cash'),
  };
}

/**
 * Each sub-order's figures, the sums of its lines' frozen allocations (docs/domain.md: Σ over sub-orders = the parent, to
 * the fen); `groups[g]` lists the line indexes of sub-order g. Throws AmountRuleError (`groups`, `groups[g]`,
 * `groups[g][k]`) unless every line is in exactly one non-empty group.
 */
export function splitAmountsBySubOrder(
  allocations: readonly LineAllocation[],
  groups: readonly (readonly number[])[],
): OrderAmounts[] {
  assertLineAllocations(allocations);
  if (!Array.isArray(groups)) throw new AmountRuleError('groups', 'must be a list of line-index lists');
  const owner = new Map<number, number>();
  groups.forEach((group, g) => {
    assertLineIndexes(group, allocations.length, `groups[${g}]`);
    if (group.length === 0) throw new AmountRuleError(`groups[${g}]`, 'a sub-order needs at least one line');
    group.forEach((index, k) => {
      const other = owner.get(index);
      if (other !== undefined) {
        throw new AmountRuleError(`groups[${g}][${k}]`, `line ${index} is already in sub-order ${other}`);
      }
      owner.set(index, g);
    });
  });
  const missing = allocations.findIndex((_, i) => !owner.has(i));
  if (missing >= 0) throw new AmountRuleError('groups', `line ${missing} is in no sub-order`);
  return groups.map((group) => sumLineAllocations(allocations, group));
}
