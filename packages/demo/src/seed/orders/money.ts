import {
  allocateOrderLevelAmounts,
  computeOrderAmounts,
  type OrderAmounts,
  type OrderAmountsInput,
} from '@oms/schema';
import type { BasketLine } from './baskets.js';
import type { LineDraft } from './model.js';
import type { Rng } from './random.js';

/** A gift card as the storefront reports it: the whole number, what it held before, what was taken. */
export interface GiftCardUse {
  readonly cardNumber: string;
  readonly balanceBeforeFen: number;
  readonly amountFen: number;
}

/** Points spent (京豆 style: 1 point = 1 fen, used in hundreds). */
export interface PointsUse {
  readonly points: number;
  readonly balanceBefore: number;
}

/** An order's money before payment: its lines with frozen allocations, its figures, its stored-value uses. */
export interface PricedOrder {
  readonly lines: LineDraft[];
  readonly amounts: OrderAmounts;
  readonly promotions: { id: string; thresholdFen: number | null; discountFen: number }[];
  readonly giftCards: readonly GiftCardUse[];
  readonly points: PointsUse | null;
}

export interface PricingOptions {
  /** Gift cards and points allowed (not for stories that need a large cash payable). */
  readonly storedValue: boolean;
  /** Coupons and promotions allowed. */
  readonly discounts: boolean;
}

/** 满减 promotions the demo storefront runs; DIRECT is a 限时直降 without a threshold. */
const PROMOTIONS = [
  { id: 'PROMO-MJ99-10', thresholdFen: 9_900, discountFen: 1_000 },
  { id: 'PROMO-MJ200-30', thresholdFen: 20_000, discountFen: 3_000 },
  { id: 'PROMO-MJ300-50', thresholdFen: 30_000, discountFen: 5_000 },
  { id: 'PROMO-MJ1000-150', thresholdFen: 100_000, discountFen: 15_000 },
  { id: 'PROMO-MJ5000-400', thresholdFen: 500_000, discountFen: 40_000 },
];
const COUPONS = [300, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 20_000];
const CARD_FACES = [10_000, 20_000, 50_000, 100_000, 200_000];

/** Free shipping from 99 yuan (as JD does for most goods); below that 6–15 whole yuan. */
function freightFor(rng: Rng, goods: number): number {
  return goods >= 9_900 ? 0 : rng.int(6, 15) * 100;
}

function discountsFor(rng: Rng, goods: number): { coupon: number; promotion: PricedOrder['promotions'] } {
  const coupons = COUPONS.filter((c) => c <= goods * 0.25);
  const coupon = coupons.length && rng.chance(0.25) ? rng.pick(coupons) : 0;
  const eligible = PROMOTIONS.filter((p) => p.thresholdFen <= goods && p.discountFen <= goods - coupon);
  if (!rng.chance(0.3)) return { coupon, promotion: [] };
  if (eligible.length && rng.chance(0.75)) return { coupon, promotion: [eligible[eligible.length - 1]!] };
  const direct = Math.min(Math.floor((goods - coupon) * 0.05), 20_000);
  return {
    coupon,
    promotion: direct > 0 ? [{ id: 'PROMO-DIRECT', thresholdFen: null, discountFen: direct }] : [],
  };
}

function giftCardsFor(rng: Rng, left: number): GiftCardUse[] {
  const cards: GiftCardUse[] = [];
  const count = rng.chance(0.85) ? 1 : 2;
  for (let i = 0; i < count && left > 0; i++) {
    const face = rng.pick(CARD_FACES);
    const balanceBeforeFen = rng.int(Math.ceil(face / 500), face / 100) * 100;
    const amountFen = Math.min(balanceBeforeFen, left);
    cards.push({ cardNumber: `8800${rng.digits(12)}`, balanceBeforeFen, amountFen });
    left -= amountFen;
  }
  return cards;
}

function pointsFor(rng: Rng, left: number): PointsUse | null {
  const balanceBefore = rng.int(5, 600) * 100;
  const points = Math.min(balanceBefore, Math.floor((left * 0.5) / 100) * 100, 10_000);
  return points > 0 ? { points, balanceBefore } : null;
}

/**
 * Prices a cart: freight, coupon, promotion, gift cards and points chosen at realistic rates, then the figures and
 * each line's frozen allocations computed by packages/schema (computeOrderAmounts, allocateOrderLevelAmounts), so
 * the seed can only hold amounts the rules of docs/domain.md §4 allow.
 */
export function priceOrder(rng: Rng, cart: readonly BasketLine[], options: PricingOptions): PricedOrder {
  const goods = cart.reduce((sum, l) => sum + l.sku.salePriceFen * l.quantity, 0);
  const freight = freightFor(rng, goods);
  const { coupon, promotion } = options.discounts ? discountsFor(rng, goods) : { coupon: 0, promotion: [] };
  let left = goods + freight - coupon - (promotion[0]?.discountFen ?? 0);
  const giftCards = options.storedValue && rng.chance(0.08) ? giftCardsFor(rng, left) : [];
  left -= giftCards.reduce((sum, c) => sum + c.amountFen, 0);
  const points = options.storedValue && rng.chance(0.12) ? pointsFor(rng, left) : null;

  const input: OrderAmountsInput = {
    lines: cart.map((l) => ({ salePriceFen: l.sku.salePriceFen, quantity: l.quantity })),
    freightFen: freight,
    couponDiscountFen: coupon,
    promotionDiscountFen: promotion[0]?.discountFen ?? 0,
    giftCards: giftCards.map((c) => ({ amountFen: c.amountFen })),
    pointsFen: points?.points ?? 0,
  };
  const amounts = computeOrderAmounts(input);
  const allocations = allocateOrderLevelAmounts(input);
  const lines: LineDraft[] = cart.map((l, i) => ({
    lineNo: i + 1,
    lineRef: `L${i + 1}`,
    sku: l.sku.sku,
    title: l.sku.title,
    quantity: l.quantity,
    listPriceFen: l.sku.listPriceFen,
    salePriceFen: l.sku.salePriceFen,
    attributes: l.sku.attributes,
    merchantId: l.sku.merchantId ?? null,
    // The promotion covers the paying goods, never the free gift.
    promotionIds: promotion.length && l.sku.salePriceFen > 0 ? [promotion[0]!.id] : [],
    giftFor: l.giftFor !== undefined ? `L${l.giftFor + 1}` : null,
    splitGroup: l.splitGroup ?? null,
    alloc: allocations[i]!,
    subOrder: null,
  }));
  return { lines, amounts, promotions: promotion, giftCards, points };
}
