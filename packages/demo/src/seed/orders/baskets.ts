import { DEMO_SKUS, type DemoSku } from '../catalog.js';
import type { Rng } from './random.js';

/**
 * What a story's customer puts in the cart. The kinds exist to produce each split reason of docs/domain.md §6.3:
 * cold-chain, oversize and pre-sale goods, a third-party merchant's goods, scarce goods (out of stock or only
 * elsewhere), plus the carts the screening rules look for (a scalper's bulk buy, a new account's expensive one).
 */
export type BasketKind =
  | 'everyday'
  | 'single'
  | 'cold'
  | 'coldOnly'
  | 'oversize'
  | 'presale'
  | 'presaleMix'
  | 'merchant'
  | 'merchantMix'
  | 'scarce'
  | 'scarcePair'
  | 'bulk'
  | 'highValue';

/** One cart line before money: the sku, how many, and what keeps it with another line. */
export interface BasketLine {
  readonly sku: DemoSku;
  readonly quantity: number;
  /** Index of the main line a gift belongs to. */
  readonly giftFor?: number;
  readonly splitGroup?: string;
}

const plain = DEMO_SKUS.filter((s) => s.attributes.length === 0 && !s.scarce && !s.merchantId);
const cold = DEMO_SKUS.filter((s) => s.attributes.includes('COLD_CHAIN'));
const oversize = DEMO_SKUS.filter((s) => s.attributes.includes('OVERSIZE'));
const presale = DEMO_SKUS.filter((s) => s.attributes.includes('PRESALE'));
const scarce = DEMO_SKUS.filter((s) => s.scarce);
const gift = DEMO_SKUS.find((s) => s.attributes.includes('GIFT'))!;
const cheap = plain.filter((s) => s.salePriceFen < 40_000);
const pricey = plain.filter((s) => s.salePriceFen >= 100_000);
const merchants = [...new Set(DEMO_SKUS.flatMap((s) => (s.merchantId ? [s.merchantId] : [])))];

/** The scarce skus, for the stock view of out-of-stock stories. */
export const SCARCE_SKUS: readonly string[] = scarce.map((s) => s.sku);

function quantityOf(rng: Rng, sku: DemoSku): number {
  if (sku.salePriceFen >= 100_000) return rng.chance(0.9) ? 1 : 2;
  return rng.weighted([
    [1, 6],
    [2, 3],
    [3, 1.5],
    [4, 0.8],
    [6, 0.4],
  ] as const);
}

/** 1–`max` distinct ordinary goods, a gift sometimes riding along with the dearest. */
function everyday(rng: Rng, max: number): BasketLine[] {
  const count = rng.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
    [4, 1],
  ] as const);
  const picked = new Set<DemoSku>();
  while (picked.size < Math.min(count, max)) picked.add(rng.chance(0.3) ? rng.pick(pricey) : rng.pick(plain));
  const lines: BasketLine[] = [...picked].map((sku) => ({ sku, quantity: quantityOf(rng, sku) }));
  const main = lines.findIndex((l) => l.sku.salePriceFen >= 100_000);
  if (main >= 0 && rng.chance(0.35)) lines.push({ sku: gift, quantity: 1, giftFor: main });
  return lines;
}

function distinct(rng: Rng, from: readonly DemoSku[], count: number): DemoSku[] {
  const picked = new Set<DemoSku>();
  while (picked.size < Math.min(count, from.length)) picked.add(rng.pick(from));
  return [...picked];
}

/**
 * A cart of the given kind. `param` is the scalper's quantity for `bulk` (above the QUANTITY_LIMIT threshold) and
 * the least goods amount in fen for `highValue` (above HIGH_VALUE_NEW_ACCOUNT's payable threshold).
 */
export function basket(rng: Rng, kind: BasketKind, param = 0): BasketLine[] {
  switch (kind) {
    case 'everyday':
      return everyday(rng, 4);
    case 'single':
      return [{ sku: rng.pick(plain), quantity: rng.int(1, 2) }];
    case 'cold': {
      const base = everyday(rng, 2);
      const fresh = distinct(rng, cold, rng.int(1, 2)).map((sku) => ({ sku, quantity: rng.int(1, 3) }));
      // Now and then a 年货礼盒: a cold and an ordinary line sold as one set travel together (splitGroup).
      if (rng.chance(0.15)) {
        return [
          ...base,
          { ...fresh[0]!, splitGroup: 'GIFTBOX' },
          { sku: rng.pick(cheap), quantity: 1, splitGroup: 'GIFTBOX' },
        ];
      }
      return [...base, ...fresh];
    }
    case 'coldOnly':
      return distinct(rng, cold, rng.int(1, 3)).map((sku) => ({ sku, quantity: rng.int(1, 4) }));
    case 'oversize':
      return [{ sku: rng.pick(oversize), quantity: 1 }, ...(rng.chance(0.6) ? everyday(rng, 2) : [])];
    case 'presale':
      return [
        { sku: rng.pick(presale), quantity: 1 },
        ...(rng.chance(0.4) ? [{ sku: gift, quantity: 1, giftFor: 0 }] : []),
      ];
    case 'presaleMix':
      return [{ sku: rng.pick(presale), quantity: 1 }, ...everyday(rng, 2)];
    case 'merchant': {
      const merchant = rng.pick(merchants);
      const own = DEMO_SKUS.filter((s) => s.merchantId === merchant);
      return own.map((sku) => ({ sku, quantity: rng.int(1, 2) })).slice(0, rng.int(1, own.length));
    }
    case 'merchantMix': {
      const merchantSkus = DEMO_SKUS.filter((s) => s.merchantId);
      return [
        ...everyday(rng, 2),
        ...distinct(rng, merchantSkus, rng.int(1, 2)).map((sku) => ({ sku, quantity: 1 })),
      ];
    }
    case 'scarce':
      return [...everyday(rng, 2), { sku: rng.pick(scarce), quantity: 1 }];
    case 'scarcePair':
      return [...scarce.map((sku) => ({ sku, quantity: 1 })), ...everyday(rng, 1)];
    case 'bulk':
      return [{ sku: rng.pick(cheap), quantity: param }];
    case 'highValue': {
      const skus = distinct(rng, pricey, rng.int(1, 3));
      const lines = skus.map((sku) => ({ sku, quantity: 1 }));
      // Top up the dearest line until the cart is well above the threshold, whatever discounts it gets.
      const top = skus.reduce((a, b) => (a.salePriceFen >= b.salePriceFen ? a : b));
      const others = lines.reduce((sum, l) => sum + (l.sku === top ? 0 : l.sku.salePriceFen), 0);
      const quantity = Math.max(1, Math.ceil((param * 1.2 - others) / top.salePriceFen));
      return lines.map((l) => (l.sku === top ? { sku: top, quantity } : l));
    }
  }
}
