import { describe, expect, it } from 'vitest';
import { changedParams, paramText, parseParam, ruleParams } from './params';

describe('rule thresholds', () => {
  it('keeps the numeric thresholds of the JSON the server sends', () => {
    expect(ruleParams({ minPayableFen: 500000, maxAccountAgeDays: 7, note: 'x' })).toEqual({
      minPayableFen: 500000,
      maxAccountAgeDays: 7,
    });
    expect(ruleParams(null)).toEqual({});
    expect(ruleParams([1])).toEqual({});
  });

  it('shows and reads amounts in yuan, other thresholds as whole numbers', () => {
    expect(paramText('minPayableFen', 500000)).toBe('5000.00');
    expect(parseParam('minPayableFen', '6000.5')).toBe(600050);
    expect(parseParam('maxQuantityPerSku', '30')).toBe(30);
    expect(parseParam('maxQuantityPerSku', '2.5')).toBeUndefined();
    expect(parseParam('maxQuantityPerSku', '-1')).toBeUndefined();
  });

  it('sends only what changed, and names what cannot be sent', () => {
    expect(
      changedParams({ maxPaidOrders: 3, windowHours: 24 }, { maxPaidOrders: '5', windowHours: '24' }),
    ).toEqual({ params: { maxPaidOrders: 5 }, invalid: [] });
    expect(changedParams({ maxPaidOrders: 3 }, { maxPaidOrders: 'many' })).toEqual({
      params: {},
      invalid: ['maxPaidOrders'],
    });
  });
});
