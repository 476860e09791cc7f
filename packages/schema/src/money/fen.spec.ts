import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountRuleError } from './amount-rule-error.js';
import { assertFen, assertNonNegativeFen, formatYuan, isFen, sumFen, toMoney } from './fen.js';
import { RUNS } from './test-orders.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AmountRuleError) return error.field;
    throw error;
  }
  return undefined;
}

describe('isFen and assertFen', () => {
  it('accepts safe integers of either sign and nothing else', () => {
    for (const ok of [0, 1, -1, 123450, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])
      expect(isFen(ok)).toBe(true);
    for (const bad of [0.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null, undefined, 10n]) {
      expect(isFen(bad)).toBe(false);
    }
  });

  it('names the field it was given', () => {
    expect(fieldOf(() => assertFen(1.5, 'lines[3].salePriceFen'))).toBe('lines[3].salePriceFen');
    expect(fieldOf(() => assertFen(-7, 'x'))).toBeUndefined();
    expect(fieldOf(() => assertNonNegativeFen(-7, 'pointsFen'))).toBe('pointsFen');
    expect(() => assertNonNegativeFen(-7, 'pointsFen')).toThrow(/pointsFen: must not be negative/);
  });

  it('carries the API error code', () => {
    const error = new AmountRuleError('payableFen', 'differs');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.name).toBe('AmountRuleError');
  });
});

describe('sumFen', () => {
  it('adds exactly and names a bad item or an overflow', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([1, 2, -3, 40])).toBe(40);
    expect(fieldOf(() => sumFen([1, 0.1], 'lines'))).toBe('lines[1]');
    expect(fieldOf(() => sumFen([Number.MAX_SAFE_INTEGER, 1], 'lines'))).toBe('lines');
    expect(sumFen([Number.MAX_SAFE_INTEGER - 1, 1, -1])).toBe(Number.MAX_SAFE_INTEGER - 1);
  });
});

describe('formatYuan and toMoney', () => {
  it('prints exact yuan with two decimals', () => {
    expect(formatYuan(123450)).toBe('1234.50');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-0)).toBe('0.00');
    expect(formatYuan(1)).toBe('0.01');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(-100)).toBe('-1.00');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('builds the API Money object and refuses fractions of a fen', () => {
    expect(toMoney(123450)).toEqual({ fen: 123450, yuan: '1234.50', currency: 'CNY' });
    expect(Object.is(toMoney(-0).fen, 0)).toBe(true);
    expect(fieldOf(() => toMoney(0.5))).toBe('fen');
  });

  it('round-trips every safe integer through the yuan string', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().chain((n) => fc.constantFrom(n, -n, n % 100_000)),
        (fen) => {
          const yuan = formatYuan(fen);
          expect(yuan).toMatch(/^-?(0|[1-9]\d*)\.\d\d$/);
          // Parse back through BigInt so the check does not share the code's arithmetic.
          const negative = yuan.startsWith('-');
          const back = BigInt(yuan.replace('-', '').replace('.', ''));
          expect(negative ? -back : back).toBe(BigInt(fen));
          expect(negative).toBe(fen < 0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
