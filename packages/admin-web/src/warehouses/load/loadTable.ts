import { FulfilmentStatus } from '@/gql/schema';

/** One cell of `warehouseLoad`: open sub-orders of one warehouse in one status, and how many are late. */
export interface LoadCell {
  readonly warehouseCode: string;
  readonly status: FulfilmentStatus;
  readonly count: number;
  readonly late: number;
}

/** One warehouse's row of the load table. */
export interface LoadRow {
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
  readonly cells: ReadonlyMap<FulfilmentStatus, LoadCell>;
  readonly open: number;
  readonly late: number;
}

const ORDER = Object.values(FulfilmentStatus);

/**
 * `warehouseLoad` laid out as a table: one row per warehouse (every warehouse, also those with nothing open, and any
 * code the load names that the list lacks), one column per status that occurs, in the fulfilment order.
 */
export function loadTable(
  warehouses: readonly { code: string; name: string; active: boolean }[],
  load: readonly LoadCell[],
): { statuses: FulfilmentStatus[]; rows: LoadRow[]; max: number } {
  const statuses = ORDER.filter((s) => load.some((c) => c.status === s));
  const known = new Map(warehouses.map((w) => [w.code, w]));
  const codes = [
    ...warehouses.map((w) => w.code),
    ...load.map((c) => c.warehouseCode).filter((c) => !known.has(c)),
  ];
  const rows = [...new Set(codes)].map((code) => {
    const cells = new Map(load.filter((c) => c.warehouseCode === code).map((c) => [c.status, c] as const));
    const w = known.get(code);
    return {
      code,
      name: w?.name ?? code,
      active: w?.active ?? true,
      cells,
      open: [...cells.values()].reduce((n, c) => n + c.count, 0),
      late: [...cells.values()].reduce((n, c) => n + c.late, 0),
    };
  });
  return { statuses, rows, max: Math.max(0, ...rows.map((r) => r.open)) };
}
