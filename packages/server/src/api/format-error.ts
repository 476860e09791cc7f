import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../errors/domain-error.js';
import { expectedFailure } from '../errors/expected-failure.js';
import { logger } from '../logging/logger.js';
import { currentScope } from '../logging/request-scope.js';

/** The contract's codes plus those Apollo Server gives requests it refuses before any resolver runs. */
const GRAPHQL_CODES: ReadonlySet<string> = new Set([
  ...ERROR_CODES,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

function unwrap(error: unknown): unknown {
  const inner = (error as { originalError?: unknown } | null)?.originalError;
  return inner ? unwrap(inner) : error;
}

/** The code a GraphQL client sees for `error`: its contract or Apollo code, else INTERNAL_SERVER_ERROR. */
export function graphqlErrorCode(error: unknown): string {
  return expectedFailure(error, GRAPHQL_CODES)?.code ?? 'INTERNAL_SERVER_ERROR';
}

/**
 * Apollo's formatError, the GraphQL edge of the domain errors: expected failures keep their code; anything else is a
 * bare INTERNAL_SERVER_ERROR carrying only the request id, while the full error (message, stack, SQL) goes on that
 * request's log line.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  const expected = expectedFailure(error, GRAPHQL_CODES) ?? expectedFailure(formatted, GRAPHQL_CODES);
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
