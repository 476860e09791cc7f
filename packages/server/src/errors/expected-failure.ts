import { ERROR_CODES } from './domain-error.js';

/** An expected failure as the contract shows it: its code, message and extra extensions. */
export interface ExpectedFailure {
  readonly code: string;
  readonly message: string;
  readonly extensions: Record<string, unknown>;
}

const CONTRACT_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

// By shape, not `instanceof`: under vitest the graphql package (and with it a GraphQLError) can be loaded twice, and
// an error of one copy is not an instance of the other's class.
function unwrap(error: unknown): unknown {
  const inner = (error as { originalError?: unknown } | null)?.originalError;
  return inner ? unwrap(inner) : error;
}

/**
 * The first of `candidates` that carries a code in its extensions: the innermost error first, then its wrappers (a
 * parse failure's inner error has empty extensions; Apollo's wrapper carries GRAPHQL_PARSE_FAILED).
 */
function codedIn(...candidates: unknown[]): { message: string; extensions: Record<string, unknown> } | null {
  for (const candidate of candidates) {
    const shaped = candidate as { message?: unknown; extensions?: { code?: unknown } } | null;
    if (
      shaped &&
      typeof shaped.message === 'string' &&
      shaped.extensions &&
      typeof shaped.extensions === 'object' &&
      typeof shaped.extensions.code === 'string'
    ) {
      return { message: shaped.message, extensions: shaped.extensions as Record<string, unknown> };
    }
  }
  return null;
}

/**
 * Classifies anything thrown: the domain errors of packages/schema carry their contract code (InvalidTransitionError
 * → INVALID_TRANSITION with the current state, AmountRuleError → BAD_USER_INPUT with the field,
 * InvalidOrderNumberError → INVALID_ORDER_NUMBER); a DomainError (or a GraphQL error) keeps its code when it is one of
 * `knownCodes`; anything else is unexpected (null). Read by shape, not by class, so it holds however a package was
 * loaded. The edges (GraphQL's formatError, bulk results, HTTP routes) all classify here.
 */
export function expectedFailure(
  error: unknown,
  knownCodes: ReadonlySet<string> = CONTRACT_CODES,
): ExpectedFailure | null {
  const original = unwrap(error) as {
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
  const coded = codedIn(original, error);
  const code = coded?.extensions.code;
  if (coded && typeof code === 'string' && knownCodes.has(code)) {
    const { stacktrace: _stacktrace, code: _code, ...extensions } = coded.extensions;
    return { code, message: coded.message, extensions };
  }
  return null;
}
