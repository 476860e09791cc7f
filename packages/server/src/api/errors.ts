import { GraphQLError } from 'graphql';

/** The error codes of api.md's contract. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'INVALID_ORDER_NUMBER'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'INSUFFICIENT_STOCK'
  | 'RATE_LIMITED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS';

/** An expected failure with its contract code and extra extensions (never a stack trace). */
export function apiError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** `BAD_USER_INPUT` naming the input path at fault, e.g. `lines[0].quantity`. */
export function badInput(field: string, message: string): GraphQLError {
  return apiError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}
