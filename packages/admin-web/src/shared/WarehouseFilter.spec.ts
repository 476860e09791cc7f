import { describe, expect, it } from 'vitest';
import { warehouseOptions } from './WarehouseFilter';

const WAREHOUSES = [
  { code: 'SH01', name: '上海一号仓' },
  { code: 'BJ01', name: '北京一号仓' },
];

describe('warehouseOptions', () => {
  it('names each warehouse with its code', () => {
    expect(warehouseOptions(WAREHOUSES, 'SH01')).toEqual([
      { value: 'SH01', label: '上海一号仓 (SH01)' },
      { value: 'BJ01', label: '北京一号仓 (BJ01)' },
    ]);
    expect(warehouseOptions([], undefined)).toEqual([]);
  });

  it('keeps a code the list does not know first, as it is, so the field shows what filters the list', () => {
    expect(warehouseOptions(WAREHOUSES, 'GZ09').map((o) => o.label)).toEqual([
      'GZ09',
      '上海一号仓 (SH01)',
      '北京一号仓 (BJ01)',
    ]);
  });
});
