import { expectedFailure } from '../../errors/expected-failure.js';
import { activeLogger } from '../../logging/request-scope.js';
import type { BulkItemResult } from './intercept.types.js';

/**
 * Per-item results in input order (docs/api.md "Bulk payloads") from a set-based action's outcomes (null = done, else
 * the error): expected failures keep their code and message, anything else is reported without its internals.
 */
export function bulkResults(
  items: readonly string[],
  outcomes: ReadonlyMap<string, unknown>,
): BulkItemResult[] {
  const reported = new Map<unknown, BulkItemResult['error']>();
  const errorOf = (failure: unknown): BulkItemResult['error'] => {
    if (!reported.has(failure)) {
      const expected = expectedFailure(failure);
      if (!expected) activeLogger().error({ err: failure }, 'bulk items failed unexpectedly');
      reported.set(
        failure,
        expected
          ? { code: expected.code, message: expected.message }
          : { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
      );
    }
    return reported.get(failure)!;
  };
  return items.map((id) => {
    const failure = outcomes.get(id);
    const error = failure == null ? null : errorOf(failure);
    return { id, ok: !error, error };
  });
}
