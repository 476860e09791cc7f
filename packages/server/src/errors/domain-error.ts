/** The error codes of the API contract (docs/api.md "Errors"), defined once; the edges map them to GraphQL and HTTP. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'INVALID_ORDER_NUMBER',
  'NOT_FOUND',
  'INVALID_TRANSITION',
  'VERSION_CONFLICT',
  'INSUFFICIENT_STOCK',
  'RATE_LIMITED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
] as const;

/** One contract error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An expected failure: a contract code, a message for the caller and extra details (`field`, `currentState`…),
 * never a stack trace. Thrown by services and resolvers alike; `extensions` has the shape a GraphQL error carries,
 * so whoever reads it needs no knowledge of which layer threw it.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly extensions: { readonly code: ErrorCode } & Readonly<Record<string, unknown>>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.extensions = { ...extensions, code };
  }
}

/** An expected failure with its contract code and extra extensions. */
export function domainError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, message, extensions);
}

/** `BAD_USER_INPUT` naming the input path at fault, e.g. `lines[0].quantity`. */
export function badInput(field: string, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}
