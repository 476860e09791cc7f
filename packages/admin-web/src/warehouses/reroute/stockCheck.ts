/** One line of a sub-order to be moved, as the stock check needs it. */
export interface MovingLine {
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly attributes: readonly string[];
}

/** A sub-order to be moved: where it is now and its lines. */
export interface MovingSubOrder {
  readonly number: string;
  readonly warehouseCode: string | null;
  readonly lines: readonly MovingLine[];
}

/** The target warehouse as `warehouses { code active capabilities stock { sku available } }` gives it. */
export interface TargetWarehouse {
  readonly code: string;
  readonly active: boolean;
  readonly capabilities: readonly string[];
  readonly stock: readonly { readonly sku: string; readonly available: number }[];
}

/** One sku across the sub-orders being moved. */
export interface SkuCheck {
  readonly sku: string;
  readonly title: string;
  readonly needed: number;
  readonly available: number;
  readonly enough: boolean;
}

/** What the console shows before a re-route is confirmed; the server checks again when it runs. */
export interface StockCheck {
  readonly skus: readonly SkuCheck[];
  /** line attributes (COLD_CHAIN, OVERSIZE) the target does not list among its capabilities */
  readonly missingCapabilities: readonly string[];
  /** sub-orders already at the target (the server refuses to move them there) */
  readonly alreadyThere: readonly string[];
  /** sub-orders with at least one sku the target is short of */
  readonly short: readonly string[];
  readonly allEnough: boolean;
}

const CAPABILITY_ATTRIBUTES = ['COLD_CHAIN', 'OVERSIZE'];

/**
 * The target's available stock against what the selected sub-orders need, sku by sku (summed over the sub-orders,
 * as they would all draw on the same stock). A preview for people: the server re-checks and moves stock atomically.
 */
export function checkStock(subOrders: readonly MovingSubOrder[], target: TargetWarehouse): StockCheck {
  const available = new Map(target.stock.map((s) => [s.sku, s.available]));
  const moving = subOrders.filter((s) => s.warehouseCode !== target.code);
  const needed = new Map<string, { title: string; quantity: number }>();
  for (const line of moving.flatMap((s) => s.lines)) {
    const entry = needed.get(line.sku);
    needed.set(line.sku, {
      title: entry?.title ?? line.title,
      quantity: (entry?.quantity ?? 0) + line.quantity,
    });
  }
  const skus = [...needed].map(([sku, { title, quantity }]) => {
    const have = available.get(sku) ?? 0;
    return { sku, title, needed: quantity, available: have, enough: have >= quantity };
  });
  const shortSkus = new Set(skus.filter((s) => !s.enough).map((s) => s.sku));
  const attributes = new Set(moving.flatMap((s) => s.lines.flatMap((l) => l.attributes)));
  return {
    skus,
    missingCapabilities: CAPABILITY_ATTRIBUTES.filter(
      (a) => attributes.has(a) && !target.capabilities.includes(a),
    ),
    alreadyThere: subOrders.filter((s) => s.warehouseCode === target.code).map((s) => s.number),
    short: moving.filter((s) => s.lines.some((l) => shortSkus.has(l.sku))).map((s) => s.number),
    allEnough: shortSkus.size === 0,
  };
}
