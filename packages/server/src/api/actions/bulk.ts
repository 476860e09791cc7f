import { expectedFailure } from '../../errors/expected-failure.js';
import { activeLogger } from '../../logging/request-scope.js';
import type { BulkItemResult } from './intercept.types.js';

/**
 * Runs one action per item, each on its own (its own transaction: one failing item changes nothing of the others),
 * in a fixed order — `sortKey` ascending — so two bulk calls over the same items lock rows in the same order and
 * cannot deadlock; reports per item in input order (docs/api.md "Bulk payloads"). An unexpected failure is reported
 * without its internals.
 */
export async function runBulk(
  items: readonly string[],
  sortKey: (item: string) => string,
  action: (item: string) => Promise<unknown>,
): Promise<BulkItemResult[]> {
  const outcome = new Map<string, BulkItemResult['error']>();
  const ordered = [...new Set(items)].sort((a, b) => {
    const [x, y] = [sortKey(a), sortKey(b)];
    return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
  });
  for (const item of ordered) {
    try {
      await action(item);
      outcome.set(item, null);
    } catch (error) {
      const expected = expectedFailure(error);
      if (expected) outcome.set(item, { code: expected.code, message: expected.message });
      else {
        activeLogger().error({ err: error, item }, 'bulk item failed unexpectedly');
        outcome.set(item, { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
      }
    }
  }
  return items.map((id) => {
    const error = outcome.get(id) ?? null;
    return { id, ok: !error, error };
  });
}
