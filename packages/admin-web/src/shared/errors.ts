import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The `extensions.code` of every GraphQL error in `error` (docs/api.md "Errors carry extensions.code"). */
export function errorCodes(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e) => (typeof e.extensions?.code === 'string' ? [e.extensions.code] : []));
}

/** True when one of the GraphQL errors in `error` carries `code`. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return errorCodes(error).includes(code);
}

/** True when the server could not be reached or answered outside GraphQL (a network or HTTP failure). */
export function isNetworkError(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  return ServerError.is(error) || error instanceof TypeError;
}

/** The server's message for people (the first GraphQL error's), else the error's own. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The input field the first GraphQL error names (`extensions.field` of BAD_USER_INPUT, e.g. `lines[0].quantity`). */
export function errorField(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const field = error.errors[0]?.extensions?.field;
  return typeof field === 'string' ? field : null;
}
