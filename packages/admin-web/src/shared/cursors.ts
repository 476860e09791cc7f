/** A list's paging state: the stack of `after` cursors walked through, the last being the current page's. */
export interface CursorStack {
  readonly cursors: readonly string[];
}

/** The next page: the current page's end cursor pushed on the stack. */
export function nextPage<S extends CursorStack>(state: S, endCursor: string): S {
  return { ...state, cursors: [...state.cursors, endCursor] };
}

/** The previous page: the last cursor popped. */
export function previousPage<S extends CursorStack>(state: S): S {
  return { ...state, cursors: state.cursors.slice(0, -1) };
}

/** The `after` argument of the current page. */
export function currentCursor(state: CursorStack): string | null {
  return state.cursors.at(-1) ?? null;
}
