import { AmountRuleError } from './amount-rule-error.js';

/** A count of fen (分, 1/100 yuan): always a safe integer, never a fraction of a fen. */
export type Fen = number;

/** The one currency the OMS books in. */
export const CURRENCY = 'CNY';

/** An amount as the API shows it (docs/api.md `Money`): exact fen, the exact yuan decimal, the currency. */
export interface Money {
  readonly fen: Fen;
  readonly yuan: string;
  readonly currency: typeof CURRENCY;
}

/** True when `x` is a safe integer of either sign, i.e. a valid count of fen. */
export function isFen(x: unknown): x is Fen {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

/** Throws AmountRuleError naming `field` unless `value` is a safe integer (negative allowed). */
export function assertFen(value: unknown, field: string): asserts value is Fen {
  if (!isFen(value)) throw new AmountRuleError(field, `must be a whole number of fen, got ${String(value)}`);
}

/** Throws AmountRuleError naming `field` unless `value` is a safe integer ≥ 0. */
export function assertNonNegativeFen(value: unknown, field: string): asserts value is Fen {
  assertFen(value, field);
  if (value < 0) throw new AmountRuleError(field, `must not be negative, got ${value}`);
}

/** The exact sum; throws AmountRuleError naming `field[i]` for a non-Fen item, or `field` if the sum leaves the safe range. */
export function sumFen(values: readonly Fen[], field = 'values'): Fen {
  let sum = 0;
  values.forEach((value, i) => {
    assertFen(value, `${field}[${i}]`);
    sum += value;
    // Once the true sum passes 2^53 the float result can no longer be a safe integer, so this catches every overflow.
    if (!Number.isSafeInteger(sum)) throw new AmountRuleError(field, 'sum exceeds the safe integer range');
  });
  return sum;
}

/** The exact yuan decimal of `fen`, two places, '-' for negatives: 123450 → '1234.50', -5 → '-0.05'. */
export function formatYuan(fen: Fen): string {
  assertFen(fen, 'fen');
  const abs = Math.abs(fen);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${cents}`;
}

/** `fen` as the API's Money object; throws AmountRuleError unless `fen` is a safe integer. */
export function toMoney(fen: Fen): Money {
  // `+ 0` turns -0 into 0 so that no client ever sees "-0".
  return { fen: fen + 0, yuan: formatYuan(fen), currency: CURRENCY };
}
