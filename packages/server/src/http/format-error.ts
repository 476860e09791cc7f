import { AmountRuleError, InvalidOrderNumberError, InvalidTransitionError } from '@oms/schema';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

const KNOWN_CODES = new Set([
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
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? unwrap(error.originalError) : error;
}

/**
 * Expected failures keep their code and message; domain errors from packages/schema get their contract code;
 * anything else becomes a bare INTERNAL_SERVER_ERROR, never a stack trace or SQL.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof InvalidTransitionError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: 'INVALID_TRANSITION', currentState: original.currentState },
    };
  }
  if (original instanceof InvalidOrderNumberError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: 'INVALID_ORDER_NUMBER', reason: original.reason },
    };
  }
  if (original instanceof AmountRuleError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: 'BAD_USER_INPUT', field: original.field },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions };
  }
  console.error(original);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
