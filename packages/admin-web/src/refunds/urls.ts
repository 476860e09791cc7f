import type { CursorStack } from '@/shared/cursors';

/**
 * The failed refunds list's state, in the URL so a page of it can be pasted into a ticket: the stack of `after`
 * cursors walked through (the list has no filter: the server lists every refund that needs a person).
 */
export type RefundsState = CursorStack;

/** Reads the state from a query string; empty cursors are dropped. */
export function parseRefundsSearch(search: string | URLSearchParams): RefundsState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return { cursors: params.getAll('cursor').filter((c) => c !== '') };
}

/** The query string of a state (without `?`). */
export function refundsSearch(state: RefundsState): string {
  const params = new URLSearchParams();
  for (const cursor of state.cursors) params.append('cursor', cursor);
  return params.toString();
}

/** The path of the failed refunds list showing `state`. */
export function refundsUrl(state: RefundsState = { cursors: [] }): string {
  const search = refundsSearch(state);
  return search ? `/refunds?${search}` : '/refunds';
}
