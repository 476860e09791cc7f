import { describe, expect, it } from 'vitest';
import {
  addDays,
  parseWarehousesSearch,
  timingDays,
  timingRange,
  warehousesUrl,
  withCursors,
  withWarehouse,
  type WarehousesState,
} from './urls';

const full: WarehousesState = {
  warehouse: 'WH-SH-01',
  cursors: { late: ['a', 'b'], outOfStock: ['c=='], deadLetter: [] },
  from: '2024-03-01',
  to: '2024-03-07',
};

describe('warehouses URL state', () => {
  it('round-trips the late filter, each list cursor stack and the timing days', () => {
    const url = warehousesUrl(full);
    expect(url).toBe(
      '/warehouses?warehouse=WH-SH-01&from=2024-03-01&to=2024-03-07&late=a&late=b&oos=c%3D%3D',
    );
    expect(parseWarehousesSearch(url.split('?')[1]!)).toEqual(full);
    expect(warehousesUrl()).toBe('/warehouses');
    expect(parseWarehousesSearch('from=2024-02-30&warehouse=')).toEqual({
      cursors: { late: [], outOfStock: [], deadLetter: [] },
    });
  });

  it('restarts the late list when its warehouse changes, and keeps the other lists', () => {
    const next = withWarehouse(full, 'WH-BJ-01');
    expect(next.warehouse).toBe('WH-BJ-01');
    expect(next.cursors).toEqual({ late: [], outOfStock: ['c=='], deadLetter: [] });
    expect(withWarehouse(full, undefined)).not.toHaveProperty('warehouse');
    expect(withCursors(full, 'deadLetter', ['z']).cursors.deadLetter).toEqual(['z']);
  });

  it('covers the last seven Shanghai days by default, as an end-exclusive range', () => {
    const days = timingDays({ cursors: full.cursors }, new Date('2024-03-07T17:00:00Z'));
    expect(days).toEqual({ from: '2024-03-02', to: '2024-03-08' });
    expect(timingRange(days)).toEqual({ from: '2024-03-01T16:00:00.000Z', to: '2024-03-08T16:00:00.000Z' });
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
