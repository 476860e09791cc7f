import type { PlanWarehouse } from '@oms/server';
import type { WarehouseInfo } from './model.js';

/**
 * The seed's view of warehouse stock, kept like the services keep it: the split reserves, shipping, cancelling and
 * reassigning release. What is left reserved at the end (open sub-orders) is written to `stock.reserved`; it can
 * never pass `on_hand` because plans only see what is left. Shipped goods count as already replenished, so
 * `on_hand` stays as seeded.
 */
export class StockLedger {
  private readonly reserved = new Map<string, number>();

  constructor(
    readonly warehouses: readonly WarehouseInfo[],
    private readonly onHand: ReadonlyMap<string, number>,
    private readonly scarce: ReadonlySet<string>,
  ) {}

  private static key(warehouseId: string, sku: string): string {
    return `${warehouseId}|${sku}`;
  }

  available(warehouseId: string, sku: string): number {
    const key = StockLedger.key(warehouseId, sku);
    return (this.onHand.get(key) ?? 0) - (this.reserved.get(key) ?? 0);
  }

  /**
   * The warehouses as the split planner sees them for one order. A story may declare goods sold out at some
   * warehouses at the time of its order (`soldOut`); a scarce sku keeps one unit aside, so ops can still resolve an
   * out-of-stock sub-order by reassigning it to a warehouse that has the goods.
   */
  planView(skus: readonly string[], soldOut: (code: string, sku: string) => boolean): PlanWarehouse[] {
    return this.warehouses.map((w) => ({
      id: w.id,
      code: w.code,
      region: w.region,
      capabilities: w.capabilities,
      available: new Map(
        skus.map((sku) => {
          if (soldOut(w.code, sku)) return [sku, 0];
          return [sku, Math.max(0, this.available(w.id, sku) - (this.scarce.has(sku) ? 1 : 0))];
        }),
      ),
    }));
  }

  /** Holds goods for an open sub-order; refuses (a seed bug) rather than overbook. */
  reserve(warehouseId: string, sku: string, quantity: number): void {
    if (this.available(warehouseId, sku) < quantity)
      throw new Error(`seed stock: ${sku} at warehouse ${warehouseId} would be overbooked`);
    const key = StockLedger.key(warehouseId, sku);
    this.reserved.set(key, (this.reserved.get(key) ?? 0) + quantity);
  }

  /** Gives goods back (shipped, cancelled, or moved to another warehouse). */
  release(warehouseId: string, sku: string, quantity: number): void {
    const key = StockLedger.key(warehouseId, sku);
    const left = (this.reserved.get(key) ?? 0) - quantity;
    if (left < 0) throw new Error(`seed stock: releasing more ${sku} than reserved at ${warehouseId}`);
    this.reserved.set(key, left);
  }

  /** Everything reserved, for the final UPDATE of `stock`. */
  reservations(): { warehouse_id: string; sku: string; quantity: number }[] {
    return [...this.reserved]
      .filter(([, quantity]) => quantity > 0)
      .map(([key, quantity]) => {
        const [warehouse_id, sku] = key.split('|') as [string, string];
        return { warehouse_id, sku, quantity };
      });
  }
}
