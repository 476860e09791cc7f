import { formatDay, isDay, startOfDay, startOfNextDay } from '@/shared/time';

/** The paged lists of the warehouses page. */
export const SUB_ORDER_LISTS = ['late', 'outOfStock', 'deadLetter'] as const;
/** One of them. */
export type SubOrderList = (typeof SUB_ORDER_LISTS)[number];

const CURSOR_PARAM: Readonly<Record<SubOrderList, string>> = {
  late: 'late',
  outOfStock: 'oos',
  deadLetter: 'dead',
};

/**
 * The warehouses page's state, all in the URL: the warehouse the late list is narrowed to, each list's stack of
 * cursors, and the Asia/Shanghai days the timings cover (both ends included).
 */
export interface WarehousesState {
  readonly warehouse?: string;
  readonly cursors: Readonly<Record<SubOrderList, readonly string[]>>;
  readonly from?: string;
  readonly to?: string;
}

const NO_CURSORS = { late: [], outOfStock: [], deadLetter: [] } as const;

/** Reads the state from a query string; unknown or malformed values are dropped. */
export function parseWarehousesSearch(search: string | URLSearchParams): WarehousesState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const warehouse = params.get('warehouse')?.trim();
  const from = params.get('from');
  const to = params.get('to');
  const cursors = Object.fromEntries(
    SUB_ORDER_LISTS.map((list) => [list, params.getAll(CURSOR_PARAM[list]).filter((c) => c !== '')]),
  ) as unknown as WarehousesState['cursors'];
  return {
    ...(warehouse ? { warehouse } : {}),
    cursors,
    ...(from && isDay(from) ? { from } : {}),
    ...(to && isDay(to) ? { to } : {}),
  };
}

/** The query string of a state (without `?`), in a fixed order. */
export function warehousesSearch(state: WarehousesState): string {
  const params = new URLSearchParams();
  if (state.warehouse) params.set('warehouse', state.warehouse);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const list of SUB_ORDER_LISTS) {
    for (const cursor of state.cursors[list]) params.append(CURSOR_PARAM[list], cursor);
  }
  return params.toString();
}

/** The path of the warehouses page showing `state`. */
export function warehousesUrl(state: WarehousesState = { cursors: NO_CURSORS }): string {
  const search = warehousesSearch(state);
  return search ? `/warehouses?${search}` : '/warehouses';
}

/** The late list narrowed to one warehouse (or not); its paging starts over. */
export function withWarehouse(state: WarehousesState, warehouse: string | undefined): WarehousesState {
  const { warehouse: _old, ...rest } = state;
  return { ...rest, ...(warehouse ? { warehouse } : {}), cursors: { ...state.cursors, late: [] } };
}

/** One list's cursor stack replaced. */
export function withCursors(
  state: WarehousesState,
  list: SubOrderList,
  cursors: readonly string[],
): WarehousesState {
  return { ...state, cursors: { ...state.cursors, [list]: cursors } };
}

/** The timings' days changed. */
export function withDays(
  state: WarehousesState,
  from: string | undefined,
  to: string | undefined,
): WarehousesState {
  const { from: _f, to: _t, ...rest } = state;
  return { ...rest, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The days the timings cover: as given, else the seven Shanghai days up to `now`'s. */
export function timingDays(state: WarehousesState, now: Date): { from: string; to: string } {
  const today = formatDay(now.toISOString());
  const to = state.to ?? today;
  return { from: state.from ?? addDays(to, -6), to };
}

/** `warehouseTimings`' arguments: the covered days as an end-exclusive range of instants. */
export function timingRange(days: { from: string; to: string }): { from: string; to: string } {
  return { from: startOfDay(days.from), to: startOfNextDay(days.to) };
}
