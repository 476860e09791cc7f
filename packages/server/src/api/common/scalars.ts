import { API_KEY_SCOPES, isApiKeyScope } from '@oms/schema';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';

/** ISO-8601 date-time (docs/api.md). */
export const DateTime = DateTimeResolver;
/** An integer within ±(2^53 − 1): fen amounts. */
export const SafeInt = SafeIntResolver;
/** Arbitrary JSON (timeline before/after, evidence). */
export const JSON = JSONResolver;

/**
 * An integration key's scope, written as docs/api.md spells it (`orders:create`): the names hold a colon, which a
 * GraphQL enum value cannot, so the contract's strings travel as they are and anything else is refused before any
 * resolver runs (as a variable: BAD_USER_INPUT naming its path, e.g. `scopes[1]`, by http/limits.ts).
 */
export const ApiKeyScope = new GraphQLScalarType<string, string>({
  name: 'ApiKeyScope',
  description: `An integration key's scope: one of ${API_KEY_SCOPES.map((s) => `\`${s}\``).join(', ')}.`,
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (!isApiKeyScope(value)) throw notAScope(globalThis.JSON.stringify(value));
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isApiKeyScope(ast.value)) throw notAScope('this value');
    return ast.value;
  },
});

function notAScope(what: string): GraphQLError {
  return new GraphQLError(`${what} is not a scope (one of ${API_KEY_SCOPES.join(', ')})`);
}
