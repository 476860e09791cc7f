import { AmountRuleError } from './amount-rule-error.js';
import { assertNonNegativeFen, type Fen } from './fen.js';

/**
 * One line's frozen shares of the order-level amounts (docs/domain.md 分摊), fixed at payment:
 * cash = lineAmount + freight − couponDiscount − promotionDiscount − giftCard − points, every figure ≥ 0.
 */
export interface LineAllocation {
  readonly lineAmount: Fen;
  readonly freight: Fen;
  readonly couponDiscount: Fen;
  readonly promotionDiscount: Fen;
  /** The line's share of each gift card, in the order's card order. */
  readonly giftCards: readonly Fen[];
  /** Σ giftCards. */
  readonly giftCard: Fen;
  readonly points: Fen;
  readonly cash: Fen;
}

const COLUMNS = [
  'lineAmount',
  'freight',
  'couponDiscount',
  'promotionDiscount',
  'giftCard',
  'points',
  'cash',
] as const;

/**
 * Checks stored allocations before money moves on them: non-negative safe integers, one share per gift card on every
 * line, giftCard = Σ giftCards and the cash identity; returns the number of gift cards. Throws AmountRuleError
 * naming e.g. `allocations[2].cash`.
 */
export function assertLineAllocations(allocations: readonly LineAllocation[], field = 'allocations'): number {
  if (!Array.isArray(allocations)) throw new AmountRuleError(field, 'must be a list');
  const cardCount = allocations[0]?.giftCards?.length ?? 0;
  allocations.forEach((allocation, i) => {
    const at = `${field}[${i}]`;
    if (typeof allocation !== 'object' || allocation === null)
      throw new AmountRuleError(at, 'must be an allocation');
    for (const column of COLUMNS) assertNonNegativeFen(allocation[column], `${at}.${column}`);
    if (!Array.isArray(allocation.giftCards) || allocation.giftCards.length !== cardCount) {
      throw new AmountRuleError(`${at}.giftCards`, `must hold one share per gift card (${cardCount})`);
    }
    let cards = 0;
    allocation.giftCards.forEach((share: Fen, k: number) => {
      assertNonNegativeFen(share, `${at}.giftCards[${k}]`);
      cards += share;
    });
    if (cards !== allocation.giftCard)
      throw new AmountRuleError(`${at}.giftCard`, 'must equal the sum of giftCards');
    const { lineAmount, freight, couponDiscount, promotionDiscount, giftCard, points, cash } = allocation;
    if (lineAmount + freight - couponDiscount - promotionDiscount - giftCard - points !== cash) {
      throw new AmountRuleError(
        `${at}.cash`,
        'must equal lineAmount + freight − discounts − gift card − points',
      );
    }
  });
  return cardCount;
}
