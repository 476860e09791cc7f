import type { EntityManager } from 'typeorm';
import { recordset } from '../../database/recordset.js';

/** Quantities per sku. */
export type SkuQuantities = ReadonlyMap<string, number>;

/** What `lines` need, per sku (a sku on several lines counts once, summed). */
export function quantitiesOf(lines: readonly { sku: string; quantity: number }[]): Map<string, number> {
  const need = new Map<string, number>();
  for (const line of lines) need.set(line.sku, (need.get(line.sku) ?? 0) + line.quantity);
  return need;
}

/**
 * Reserves `need` at a warehouse whose stock rows the caller has locked (locks.ts lockStock) and found sufficient;
 * a row that no longer covers its share is a bug, and rolls the whole transaction back.
 */
export async function reserve(
  manager: EntityManager,
  warehouseId: string,
  need: SkuQuantities,
): Promise<void> {
  const [, affected] = (await manager.query(
    `UPDATE stock s SET reserved = s.reserved + r.quantity
     FROM unnest($2::text[], $3::int[]) AS r(sku, quantity)
     WHERE s.warehouse_id = $1 AND s.sku = r.sku AND s.on_hand - s.reserved >= r.quantity`,
    [warehouseId, [...need.keys()], [...need.values()]],
  )) as [unknown, number];
  if (affected !== need.size)
    throw new Error(
      `stock at warehouse ${warehouseId} vanished under a lock (${affected} of ${need.size} skus)`,
    );
}

/** One sub-order's stock moving between warehouses: released at `from` (if it had one), reserved at `to`. */
export interface ReservationMove {
  readonly from: string | null;
  readonly to: string;
  readonly need: SkuQuantities;
}

/**
 * Moves reservations in one statement, however many: each (warehouse, sku) row changes once by the sum of what
 * arrives and leaves. Rows are locked by the caller; a reservation never goes below zero.
 */
export async function moveReservations(
  manager: EntityManager,
  moves: readonly ReservationMove[],
): Promise<void> {
  const delta = new Map<string, { warehouse_id: string; sku: string; delta: number }>();
  const shift = (warehouseId: string, sku: string, quantity: number) => {
    const key = `${warehouseId}\u0000${sku}`;
    const entry = delta.get(key) ?? { warehouse_id: warehouseId, sku, delta: 0 };
    entry.delta += quantity;
    delta.set(key, entry);
  };
  for (const { from, to, need } of moves)
    for (const [sku, quantity] of need) {
      if (from) shift(from, sku, -quantity);
      shift(to, sku, quantity);
    }
  const changes = [...delta.values()].filter((entry) => entry.delta !== 0);
  if (!changes.length) return;
  await manager.query(
    `UPDATE stock s SET reserved = s.reserved + x.delta
     FROM jsonb_to_recordset($1::jsonb) AS x(i int, warehouse_id bigint, sku text, delta int)
     WHERE s.warehouse_id = x.warehouse_id AND s.sku = x.sku AND s.reserved + x.delta >= 0`,
    [recordset(changes)],
  );
}

/** A sub-order whose lines' reservation is taken off `warehouseId` (where it was reserved). */
export interface ReservedAt {
  readonly subOrderId: string;
  readonly warehouseId: string;
}

/** Gives reserved goods back to their warehouses (a cancel before shipping). */
export function releaseReservations(manager: EntityManager, reserved: readonly ReservedAt[]): Promise<void> {
  return takeReserved(manager, reserved, false);
}

/** Reserved goods that left the warehouse in a parcel: gone from its shelves and from its reservations. */
export function consumeReservation(manager: EntityManager, reserved: ReservedAt): Promise<void> {
  return takeReserved(manager, [reserved], true);
}

/**
 * Takes the sub-orders' lines off their warehouses' reservations (and off the shelves when the goods left with a
 * parcel), in one statement that locks the stock rows in (warehouse, sku) order first: the order every stock lock
 * is taken in (locks.ts lockStockPairs), so two cancels sharing skus wait for each other instead of deadlocking.
 */
async function takeReserved(
  manager: EntityManager,
  reserved: readonly ReservedAt[],
  leftTheShelves: boolean,
): Promise<void> {
  if (!reserved.length) return;
  await manager.query(
    `WITH need AS (
       SELECT r.warehouse_id, l.sku, sum(l.quantity)::int AS quantity
       FROM unnest($1::bigint[], $2::bigint[]) AS r(sub_order_id, warehouse_id)
       JOIN order_lines l ON l.sub_order_id = r.sub_order_id
       GROUP BY r.warehouse_id, l.sku
     ), locked AS (
       SELECT s.warehouse_id, s.sku, need.quantity FROM stock s
       JOIN need ON s.warehouse_id = need.warehouse_id AND s.sku = need.sku
       ORDER BY s.warehouse_id, s.sku FOR UPDATE OF s
     )
     UPDATE stock s SET reserved = s.reserved - locked.quantity,
       on_hand = s.on_hand - CASE WHEN $3 THEN locked.quantity ELSE 0 END
     FROM locked
     WHERE s.warehouse_id = locked.warehouse_id AND s.sku = locked.sku AND s.reserved >= locked.quantity`,
    [reserved.map((r) => r.subOrderId), reserved.map((r) => r.warehouseId), leftTheShelves],
  );
}
