import { describe, expect, it } from 'vitest';
import { openSubOrdersByWarehouse } from './openSubOrders';

describe('open sub-orders per warehouse', () => {
  it('adds up those not yet shipped, leaving shipped ones out', () => {
    const open = openSubOrdersByWarehouse([
      { warehouseCode: 'BJ01', status: 'CREATED', count: 2 },
      { warehouseCode: 'BJ01', status: 'PACKED', count: 3 },
      { warehouseCode: 'BJ01', status: 'SHIPPED', count: 40 },
      { warehouseCode: 'SH01', status: 'SHIPPED', count: 5 },
      { warehouseCode: 'GZ01', status: 'ACCEPTED', count: 1 },
    ]);
    expect(Object.fromEntries(open)).toEqual({ BJ01: 5, GZ01: 1 });
  });
});
