import { describe, expect, it } from 'vitest';
import { checkStock, type MovingSubOrder, type TargetWarehouse } from './stockCheck';

const line = (sku: string, quantity: number, attributes: string[] = []) => ({
  sku,
  title: `title ${sku}`,
  quantity,
  attributes,
});

const target: TargetWarehouse = {
  code: 'BJ01',
  active: true,
  capabilities: ['OVERSIZE'],
  stock: [
    { sku: 'A', available: 5 },
    { sku: 'B', available: 1 },
  ],
};

describe('checkStock', () => {
  it('sums what the sub-orders need per sku and compares it with what the target has', () => {
    const subOrders: MovingSubOrder[] = [
      { number: 's1', warehouseCode: 'SH01', lines: [line('A', 2), line('B', 1)] },
      { number: 's2', warehouseCode: 'SH01', lines: [line('A', 3), line('C', 1)] },
    ];
    const check = checkStock(subOrders, target);
    expect(check.skus).toEqual([
      { sku: 'A', title: 'title A', needed: 5, available: 5, enough: true },
      { sku: 'B', title: 'title B', needed: 1, available: 1, enough: true },
      { sku: 'C', title: 'title C', needed: 1, available: 0, enough: false },
    ]);
    expect(check.short).toEqual(['s2']);
    expect(check.allEnough).toBe(false);
  });

  it('leaves out sub-orders already at the target, and names them', () => {
    const check = checkStock(
      [
        { number: 's1', warehouseCode: 'BJ01', lines: [line('A', 50)] },
        { number: 's2', warehouseCode: null, lines: [line('A', 1)] },
      ],
      target,
    );
    expect(check.alreadyThere).toEqual(['s1']);
    expect(check.skus).toEqual([{ sku: 'A', title: 'title A', needed: 1, available: 5, enough: true }]);
    expect(check.allEnough).toBe(true);
  });

  it('names goods the target cannot handle', () => {
    const check = checkStock(
      [
        {
          number: 's1',
          warehouseCode: 'SH01',
          lines: [line('A', 1, ['COLD_CHAIN', 'GIFT']), line('B', 1, ['OVERSIZE'])],
        },
      ],
      target,
    );
    expect(check.missingCapabilities).toEqual(['COLD_CHAIN']);
  });
});
