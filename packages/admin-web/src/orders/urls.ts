import { FulfilmentStatus, OrderSource, OrderStatus, OrderType, type OrderFilter } from '@/gql/schema';
import type { CursorStack } from '@/shared/cursors';
import { isDay, startOfDay, startOfNextDay } from '@/shared/time';
import { oneOf, withFilterValue } from '@/shared/urlState';

// The list pages as every cursor-paged list does.
export { currentCursor, nextPage, previousPage } from '@/shared/cursors';

/**
 * The order list's state, all of it in the URL (Saleor's `orders/urls.ts`), so a filtered page can be pasted
 * into a ticket. Dates are Asia/Shanghai calendar days; `cursors` is the stack of `after` cursors of the pages
 * walked through, the last one being the current page's.
 */
export interface OrderListState extends CursorStack {
  readonly status?: OrderStatus;
  readonly fulfilmentStatus?: FulfilmentStatus;
  readonly warehouse?: string;
  readonly source?: OrderSource;
  readonly type?: OrderType;
  readonly held?: boolean;
  readonly createdFrom?: string;
  readonly createdTo?: string;
}

/** The filter part of the state (everything but paging). */
export type OrderListFilters = Omit<OrderListState, 'cursors'>;

export const ORDER_STATUSES = Object.values(OrderStatus);
export const FULFILMENT_STATUSES = Object.values(FulfilmentStatus);
export const ORDER_SOURCES = Object.values(OrderSource);
export const ORDER_TYPES = Object.values(OrderType);

function day(value: string | null): string | undefined {
  return value !== null && isDay(value) ? value : undefined;
}

/** Reads the state from a query string; unknown or malformed values are dropped, never guessed. */
export function parseOrderListSearch(search: string | URLSearchParams): OrderListState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const held = params.get('held');
  const warehouse = params.get('warehouse')?.trim();
  const state: { -readonly [K in keyof OrderListState]: OrderListState[K] } = {
    status: oneOf(ORDER_STATUSES, params.get('status')),
    fulfilmentStatus: oneOf(FULFILMENT_STATUSES, params.get('fulfilmentStatus')),
    warehouse: warehouse ? warehouse : undefined,
    source: oneOf(ORDER_SOURCES, params.get('source')),
    type: oneOf(ORDER_TYPES, params.get('type')),
    held: held === 'true' ? true : held === 'false' ? false : undefined,
    createdFrom: day(params.get('from')),
    createdTo: day(params.get('to')),
    cursors: params.getAll('cursor').filter((c) => c !== ''),
  };
  for (const key of Object.keys(state) as (keyof OrderListState)[]) {
    if (state[key] === undefined) delete state[key];
  }
  return state;
}

/** The query string of a state (without `?`), keys in a fixed order so equal states give equal URLs. */
export function orderListSearch(state: OrderListState): string {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.fulfilmentStatus) params.set('fulfilmentStatus', state.fulfilmentStatus);
  if (state.warehouse) params.set('warehouse', state.warehouse);
  if (state.source) params.set('source', state.source);
  if (state.type) params.set('type', state.type);
  if (state.held !== undefined) params.set('held', String(state.held));
  if (state.createdFrom) params.set('from', state.createdFrom);
  if (state.createdTo) params.set('to', state.createdTo);
  for (const cursor of state.cursors) params.append('cursor', cursor);
  return params.toString();
}

/** The path of the order list showing `state`. */
export function orderListUrl(state: OrderListState = { cursors: [] }): string {
  const search = orderListSearch(state);
  return search ? `/orders?${search}` : '/orders';
}

/** The state with one filter changed; paging starts over, as the old cursors belong to the old filter. */
export function withFilter<K extends keyof OrderListFilters>(
  state: OrderListState,
  key: K,
  value: OrderListFilters[K] | undefined,
): OrderListState {
  return withFilterValue<OrderListState, K>(state, key, value);
}

/** The GraphQL filter of a state: created days become an Asia/Shanghai range, the end day included. */
export function orderListFilter(state: OrderListState): OrderFilter {
  return {
    ...(state.status ? { status: state.status } : {}),
    ...(state.fulfilmentStatus ? { fulfilmentStatus: state.fulfilmentStatus } : {}),
    ...(state.warehouse ? { warehouseCode: state.warehouse } : {}),
    ...(state.source ? { source: state.source } : {}),
    ...(state.type ? { type: state.type } : {}),
    ...(state.held !== undefined ? { held: state.held } : {}),
    ...(state.createdFrom ? { createdFrom: startOfDay(state.createdFrom) } : {}),
    ...(state.createdTo ? { createdTo: startOfNextDay(state.createdTo) } : {}),
  };
}

/** The path of an order's page; `subOrder` highlights the sub-order a search found. */
export function orderUrl(number: string, subOrder?: string): string {
  const path = `/orders/${encodeURIComponent(number)}`;
  return subOrder ? `${path}?${new URLSearchParams({ subOrder }).toString()}` : path;
}
