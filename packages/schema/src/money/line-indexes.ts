import { AmountRuleError } from './amount-rule-error.js';

/** Throws AmountRuleError naming `field` or `field[k]` unless `indexes` lists distinct line indexes in [0, lineCount). */
export function assertLineIndexes(
  indexes: readonly number[],
  lineCount: number,
  field: string,
): asserts indexes is readonly number[] {
  if (!Array.isArray(indexes)) throw new AmountRuleError(field, 'must be a list of line indexes');
  const seen = new Set<number>();
  indexes.forEach((index: unknown, k) => {
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= lineCount) {
      throw new AmountRuleError(
        `${field}[${k}]`,
        `${String(index)} is not a line of this order (0…${lineCount - 1})`,
      );
    }
    if (seen.has(index)) throw new AmountRuleError(`${field}[${k}]`, `line ${index} is listed twice`);
    seen.add(index);
  });
}
