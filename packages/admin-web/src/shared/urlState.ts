import type { CursorStack } from './cursors';

/** A URL parameter's value if it is one of `values`, else undefined: unknown values are dropped, never guessed. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * A list's state with one filter changed (taken out when undefined or empty); paging starts over, as the old
 * cursors belong to the old filter.
 */
export function withFilterValue<S extends CursorStack, K extends Exclude<keyof S, 'cursors'>>(
  state: S,
  key: K,
  value: S[K] | undefined,
): S {
  const next: Record<PropertyKey, unknown> = { ...(state as object), cursors: [] };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next as unknown as S;
}
