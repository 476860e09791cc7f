import type { FulfilmentStatus } from '@/gql/schema';

/** The statuses of a sub-order still at its warehouse (not yet shipped): what stays there when it goes offline. */
export const OPEN_AT_WAREHOUSE: readonly FulfilmentStatus[] = [
  'CREATED',
  'DISPATCHED',
  'ACCEPTED',
  'PICKING',
  'PACKED',
];

/** Open sub-orders per warehouse code, from the `warehouseLoad` figures (sub-orders per warehouse and status). */
export function openSubOrdersByWarehouse(
  load: readonly {
    readonly warehouseCode: string;
    readonly status: FulfilmentStatus;
    readonly count: number;
  }[],
): ReadonlyMap<string, number> {
  const open = new Map<string, number>();
  for (const row of load)
    if (OPEN_AT_WAREHOUSE.includes(row.status))
      open.set(row.warehouseCode, (open.get(row.warehouseCode) ?? 0) + row.count);
  return open;
}
