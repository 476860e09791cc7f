import { AuditAction, type AuditFilter } from '@/gql/schema';
import type { CursorStack } from '@/shared/cursors';
import { isDay, startOfDay, startOfNextDay } from '@/shared/time';
import { oneOf, withFilterValue } from '@/shared/urlState';

/**
 * The audit log's state, all of it in the URL so a filtered page can be pasted into a ticket: who acted (username),
 * the order number, the action, a range of Asia/Shanghai days, and the stack of `after` cursors walked through.
 */
export interface AuditState extends CursorStack {
  readonly staff?: string;
  readonly order?: string;
  readonly action?: AuditAction;
  readonly from?: string;
  readonly to?: string;
}

/** The filter part of the state (everything but paging). */
export type AuditFilters = Omit<AuditState, 'cursors'>;

export const AUDIT_ACTIONS = Object.values(AuditAction);

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function day(value: string | null): string | undefined {
  return value !== null && isDay(value) ? value : undefined;
}

/** Reads the state from a query string; unknown or malformed values are dropped, never guessed. */
export function parseAuditSearch(search: string | URLSearchParams): AuditState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: { -readonly [K in keyof AuditState]: AuditState[K] } = {
    staff: text(params.get('staff')),
    order: text(params.get('order')),
    action: oneOf(AUDIT_ACTIONS, params.get('action')),
    from: day(params.get('from')),
    to: day(params.get('to')),
    cursors: params.getAll('cursor').filter((c) => c !== ''),
  };
  for (const key of Object.keys(state) as (keyof AuditState)[]) {
    if (state[key] === undefined) delete state[key];
  }
  return state;
}

/** The query string of a state (without `?`), keys in a fixed order so equal states give equal URLs. */
export function auditSearch(state: AuditState): string {
  const params = new URLSearchParams();
  if (state.staff) params.set('staff', state.staff);
  if (state.order) params.set('order', state.order);
  if (state.action) params.set('action', state.action);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const cursor of state.cursors) params.append('cursor', cursor);
  return params.toString();
}

/** The path of the audit log showing `state`. */
export function auditUrl(state: AuditState = { cursors: [] }): string {
  const search = auditSearch(state);
  return search ? `/admin/audit?${search}` : '/admin/audit';
}

/** The state with one filter changed; paging starts over, as the old cursors belong to the old filter. */
export function withAuditFilter<K extends keyof AuditFilters>(
  state: AuditState,
  key: K,
  value: AuditFilters[K] | undefined,
): AuditState {
  return withFilterValue<AuditState, K>(state, key, value);
}

/** The GraphQL filter of a state: the days become an Asia/Shanghai range, the end day included. */
export function auditFilter(state: AuditState): AuditFilter {
  return {
    ...(state.staff ? { username: state.staff } : {}),
    ...(state.order ? { orderNumber: state.order } : {}),
    ...(state.action ? { action: state.action } : {}),
    ...(state.from ? { from: startOfDay(state.from) } : {}),
    ...(state.to ? { to: startOfNextDay(state.to) } : {}),
  };
}
