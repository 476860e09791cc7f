/** A list's paging state: the stack of `after` cursors walked through, the last being the current page's. */
export interface CursorStack {
  readonly cursors: readonly string[];
}

/** What a connection says about the page after the one shown (its `pageInfo`). */
export interface NextPageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
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

/**
 * Where a pager can go from `state`: the page number shown (from 1), and the states one page back and one page on,
 * null where there is none (on the first page; when the server has no further page, or has not answered yet).
 */
export function pagerSteps<S extends CursorStack>(
  state: S,
  pageInfo: NextPageInfo | null | undefined,
): { page: number; previous: S | null; next: S | null } {
  return {
    page: state.cursors.length + 1,
    previous: state.cursors.length > 0 ? previousPage(state) : null,
    next: pageInfo?.hasNextPage && pageInfo.endCursor ? nextPage(state, pageInfo.endCursor) : null,
  };
}
