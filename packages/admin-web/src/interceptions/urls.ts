import { InterceptionRule, InterceptionStatus, type InterceptionFilter } from '@/gql/schema';
import type { CursorStack } from '@/shared/cursors';
import { fenToYuan, yuanToFen } from '@/shared/money';
import { oneOf, withFilterValue } from '@/shared/urlState';

/**
 * The interception queue's state, all of it in the URL so a filtered queue can be pasted into a ticket: status
 * (absent = the server's default, ACTIVE), rule, warehouse, the minimum amount in fen (shown and typed in yuan), and
 * the stack of cursors walked through.
 */
export interface QueueState extends CursorStack {
  readonly status?: InterceptionStatus;
  readonly rule?: InterceptionRule;
  readonly warehouse?: string;
  readonly minAmountFen?: number;
}

/** The filter part of the state. */
export type QueueFilters = Omit<QueueState, 'cursors'>;

export const INTERCEPTION_STATUSES = Object.values(InterceptionStatus);
export const INTERCEPTION_RULES = Object.values(InterceptionRule);

/** Reads the state from a query string; unknown or malformed values are dropped, never guessed. */
export function parseQueueSearch(search: string | URLSearchParams): QueueState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const warehouse = params.get('warehouse')?.trim();
  const min = params.get('min');
  const state: { -readonly [K in keyof QueueState]: QueueState[K] } = {
    status: oneOf(INTERCEPTION_STATUSES, params.get('status')),
    rule: oneOf(INTERCEPTION_RULES, params.get('rule')),
    warehouse: warehouse ? warehouse : undefined,
    minAmountFen: min === null ? undefined : yuanToFen(min),
    cursors: params.getAll('cursor').filter((c) => c !== ''),
  };
  for (const key of Object.keys(state) as (keyof QueueState)[]) {
    if (state[key] === undefined) delete state[key];
  }
  return state;
}

/** The query string of a state (without `?`), keys in a fixed order so equal states give equal URLs. */
export function queueSearch(state: QueueState): string {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.rule) params.set('rule', state.rule);
  if (state.warehouse) params.set('warehouse', state.warehouse);
  if (state.minAmountFen !== undefined) params.set('min', fenToYuan(state.minAmountFen));
  for (const cursor of state.cursors) params.append('cursor', cursor);
  return params.toString();
}

/** The path of the queue showing `state`. */
export function queueUrl(state: QueueState = { cursors: [] }): string {
  const search = queueSearch(state);
  return search ? `/interceptions?${search}` : '/interceptions';
}

/** The state with one filter changed; paging starts over, as the old cursors belong to the old filter. */
export function withQueueFilter<K extends keyof QueueFilters>(
  state: QueueState,
  key: K,
  value: QueueFilters[K] | undefined,
): QueueState {
  return withFilterValue<QueueState, K>(state, key, value);
}

/** The GraphQL filter of a state. */
export function queueFilter(state: QueueState): InterceptionFilter {
  return {
    ...(state.status ? { status: state.status } : {}),
    ...(state.rule ? { rule: state.rule } : {}),
    ...(state.warehouse ? { warehouseCode: state.warehouse } : {}),
    ...(state.minAmountFen !== undefined ? { minAmountFen: state.minAmountFen } : {}),
  };
}
