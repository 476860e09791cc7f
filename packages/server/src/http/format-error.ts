import type { GraphQLFormattedError } from 'graphql';
import { logger } from '../logging/logger.js';
import { currentScope } from '../logging/request-scope.js';

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

// By shape, not `instanceof`: under vitest the graphql package can be loaded twice (ESM and CJS builds), and a
// GraphQLError of one copy is not an instance of the other's.
function unwrap(error: unknown): unknown {
  const inner = (error as { originalError?: unknown } | null)?.originalError;
  return inner ? unwrap(inner) : error;
}

function graphqlErrorIn(
  ...candidates: unknown[]
): { message: string; extensions: Record<string, unknown> } | null {
  for (const candidate of candidates) {
    const shaped = candidate as { message?: unknown; extensions?: unknown } | null;
    if (
      shaped &&
      typeof shaped.message === 'string' &&
      shaped.extensions &&
      typeof shaped.extensions === 'object'
    ) {
      return { message: shaped.message, extensions: shaped.extensions as Record<string, unknown> };
    }
  }
  return null;
}

/** An expected failure as the contract shows it: its code, message and extra extensions; null when unexpected. */
export interface ExpectedFailure {
  readonly code: string;
  readonly message: string;
  readonly extensions: Record<string, unknown>;
}

/**
 * Classifies an error: domain errors of packages/schema carry their contract code (InvalidTransitionError →
 * INVALID_TRANSITION with the current state, AmountRuleError → BAD_USER_INPUT with the field, InvalidOrderNumberError
 * → INVALID_ORDER_NUMBER); GraphQL errors keep a contract code; anything else is unexpected (null). Read by shape,
 * not by class, so it holds however the domain package was loaded.
 */
export function expectedFailure(error: unknown): ExpectedFailure | null {
  const original = unwrap(error) as {
    code?: unknown;
    message?: string;
    name?: string;
    currentState?: unknown;
    field?: unknown;
    reason?: unknown;
  };
  if (original?.name === 'InvalidTransitionError') {
    return {
      code: 'INVALID_TRANSITION',
      message: original.message ?? '',
      extensions: { currentState: original.currentState },
    };
  }
  if (original?.name === 'AmountRuleError')
    return { code: 'BAD_USER_INPUT', message: original.message ?? '', extensions: { field: original.field } };
  if (original?.name === 'InvalidOrderNumberError')
    return {
      code: 'INVALID_ORDER_NUMBER',
      message: original.message ?? '',
      extensions: { reason: original.reason },
    };
  const graphql = graphqlErrorIn(original, error);
  const code = graphql?.extensions.code;
  if (graphql && typeof code === 'string' && KNOWN_CODES.has(code)) {
    const { stacktrace: _stacktrace, code: _code, ...extensions } = graphql.extensions;
    return { code, message: graphql.message, extensions };
  }
  return null;
}

/**
 * Apollo's formatError: expected failures keep their code; anything else is a bare INTERNAL_SERVER_ERROR carrying
 * only the request id, while the full error (message, stack, SQL) goes on that request's log line.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  const expected = expectedFailure(error) ?? expectedFailure(formatted);
  if (expected)
    return {
      ...base,
      message: expected.message,
      extensions: { code: expected.code, ...expected.extensions },
    };
  const scope = currentScope();
  const original = unwrap(error);
  if (!scope) logger.error({ err: original }, 'unexpected GraphQL error outside a request');
  else if (scope.error === undefined) scope.error = original;
  else scope.log.error({ err: original }, 'another unexpected error in the request');
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(scope ? { requestId: scope.requestId } : {}) },
  };
}
