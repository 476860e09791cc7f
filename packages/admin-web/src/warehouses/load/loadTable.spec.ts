import { describe, expect, it } from 'vitest';
import { loadTable } from './loadTable';

describe('loadTable', () => {
  it('gives every warehouse a row and every occurring status a column, in fulfilment order', () => {
    const { statuses, rows, max } = loadTable(
      [
        { code: 'BJ01', name: '北京仓', active: true },
        { code: 'SH01', name: '上海仓', active: false },
      ],
      [
        { warehouseCode: 'SH01', status: 'PICKING', count: 4, late: 1 },
        { warehouseCode: 'SH01', status: 'DISPATCHED', count: 2, late: 0 },
        { warehouseCode: 'GZ01', status: 'ACCEPTED', count: 1, late: 1 },
      ],
    );
    expect(statuses).toEqual(['DISPATCHED', 'ACCEPTED', 'PICKING']);
    expect(rows.map((r) => [r.code, r.open, r.late, r.active])).toEqual([
      ['BJ01', 0, 0, true],
      ['SH01', 6, 1, false],
      ['GZ01', 1, 1, true],
    ]);
    expect(rows[1]!.cells.get('PICKING')?.count).toBe(4);
    expect(max).toBe(6);
  });
});
