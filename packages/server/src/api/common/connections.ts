import { badInput } from '../../errors/domain-error.js';

/** The most items a list gives in one page (docs/api.md: `first` is capped at 100). */
export const MAX_PAGE = 100;

/** The page size a list was asked for (`first`), or BAD_USER_INPUT naming it when outside 1–MAX_PAGE. */
export function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (size < 1 || size > MAX_PAGE) throw badInput('first', `between 1 and ${MAX_PAGE}`);
  return size;
}

/** One keyset page as the services give it: the nodes, each one's cursor, and whether more follow. */
export interface KeysetPage<T> {
  readonly nodes: readonly T[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
}

/** A Relay connection (`edges { cursor node }`, `pageInfo`) of a keyset page, each node shown as `show` maps it. */
export function toConnection<T, N = T>(
  page: KeysetPage<T>,
  show: (node: T) => N = (node) => node as unknown as N,
) {
  return {
    edges: page.nodes.map((node, i) => ({ node: show(node), cursor: page.cursors[i]! })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
  };
}
