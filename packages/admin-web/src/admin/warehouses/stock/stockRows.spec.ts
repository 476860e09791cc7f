import { describe, expect, it } from 'vitest';
import { stockRows } from './stockRows';

const row = (sku: string) => ({ sku, onHand: 10, reserved: 2, available: 8 });

describe('the stock list of a warehouse', () => {
  it('is sorted by sku and narrowed by any part of it, in any case', () => {
    const stock = [row('SKU-200001'), row('SKU-100008'), row('SKU-100012')];
    expect(stockRows(stock, '').map((r) => r.sku)).toEqual(['SKU-100008', 'SKU-100012', 'SKU-200001']);
    expect(stockRows(stock, ' sku-1000 ').map((r) => r.sku)).toEqual(['SKU-100008', 'SKU-100012']);
    expect(stockRows(stock, 'nope')).toEqual([]);
  });
});
